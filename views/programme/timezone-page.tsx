// GET /timezone: the zone picker. Search by city, country or offset (?q=), choose among the
// results, the zones that matter to this programme, or any zone from the full list; also the
// answer to a ?tz= that is not one zone (status 400), with "Did you mean" choices.
import { describeAllZones, type ZoneMatch } from '../../src/time/index.js';
import type { DateTime } from 'luxon';
import { SelectField, TextField } from '../components/form-kit.js';
import { ZoneMatchText } from '../components/zone-field.js';
import type { ShareMeta } from '../../src/previews/share-meta.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { t } from '../../src/i18n/catalogue.js';
import { currentLanguage } from '../../src/i18n/current-language.js';

export type TimezonePageProps = {
  siteTitle: string;
  viewer: ViewerZoneProps;
  returnTo: string;
  now: DateTime;
  /** What was searched for (?q=), or the refused ?tz=. */
  query?: string;
  /** The zones that match it. */
  results?: ZoneMatch[];
  /** The programme's, its speakers' and the viewer's zones, shown when nothing was searched for. */
  useful: Array<{ match: ZoneMatch; who: string }>;
  /** The refused input when the page answers a ?tz= that is not one zone. */
  unknownZone?: string;
  share?: ShareMeta;
};

function chooseHref(zone: string, returnTo: string): string {
  return `/timezone?tz=${encodeURIComponent(zone)}&return=${encodeURIComponent(returnTo)}`;
}

function ZoneLinks(props: { matches: Array<{ match: ZoneMatch; who?: string }>; returnTo: string; current: string }) {
  return (
    <ul class="zone-results">
      {props.matches.map(({ match, who }) => (
        <li>
          <a href={chooseHref(match.zone, props.returnTo)} aria-current={match.zone === props.current ? 'true' : undefined}>
            <ZoneMatchText match={match} />
            {who ? (
              <>
                {' '}
                <span class="zone-who">{who}</span>
              </>
            ) : null}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function TimezonePage(props: TimezonePageProps) {
  const { viewer, returnTo } = props;
  const refused = props.unknownZone !== undefined;
  const results = props.results ?? [];
  const searched = props.query !== undefined && props.query.trim() !== '';
  const other = t('public.zone.otherGroup');
  return (
    <Layout title={refused ? t('public.zone.titleRefused') : t('public.zone.title')} siteTitle={props.siteTitle} viewer={viewer} nav="zone" share={props.share}>
      <h1>{refused ? t('public.zone.headingRefused') : t('public.zone.heading')}</h1>
      {refused ? (
        <p class="notice error" role="alert">
          {results.length > 0 ? t('public.zone.notOneZone', { input: props.unknownZone ?? '' }) : t('public.zone.unknown', { input: props.unknownZone ?? '' })}
        </p>
      ) : null}
      <p>
        {t('public.zone.shownFor')} <strong>{viewer.zone}</strong>. {t('public.zone.remembered')}
      </p>
      <form class="stack panel zone-search" method="get" action="/timezone" role="search">
        <input type="hidden" name="return" value={returnTo} />
        <TextField
          form="zone"
          name="q"
          type="search"
          label={t('public.zone.find')}
          hint={t('public.zone.findHint')}
          values={{ q: props.query ?? '' }}
          errors={{}}
          autocomplete="off"
          enterkeyhint="search"
          maxlength={64}
          zonePicker
          unmarked
        />
        <div class="actions">
          <button type="submit">{t('public.search')}</button>
          <a class="button secondary" href={returnTo}>
            {t('public.zone.back')}
          </a>
        </div>
      </form>
      {searched ? (
        <section aria-labelledby="zone-results-heading">
          <h2 id="zone-results-heading">{t('public.zone.matches', { count: results.length, query: props.query ?? '' })}</h2>
          {results.length === 0 ? (
            <p>{t('public.zone.noMatchHelp')}</p>
          ) : (
            <ZoneLinks matches={results.map((match) => ({ match }))} returnTo={returnTo} current={viewer.zone} />
          )}
        </section>
      ) : (
        <section aria-labelledby="zone-useful-heading">
          <h2 id="zone-useful-heading">{t('public.zone.useful')}</h2>
          <ZoneLinks matches={props.useful} returnTo={returnTo} current={viewer.zone} />
        </section>
      )}
      <form class="stack panel" method="get" action="/timezone" aria-labelledby="zone-all-heading">
        <h2 id="zone-all-heading">{t('public.zone.all')}</h2>
        <input type="hidden" name="return" value={returnTo} />
        <SelectField
          form="zone"
          name="tz"
          label={t('public.zone.label')}
          hint={t('public.zone.allHint')}
          values={{ tz: viewer.zone }}
          errors={{}}
          options={describeAllZones(props.now, currentLanguage()).map((m) => ({
            value: m.zone,
            label: `${m.label} · ${m.offset}`,
            group: m.zone.includes('/') ? m.zone.split('/')[0] : other,
          }))}
          unmarked
        />
        <div class="actions">
          <button type="submit">{t('public.zone.submit')}</button>
        </div>
      </form>
    </Layout>
  );
}
