// GET /timezone: the zone picker. Search by city, country or offset (?q=), choose among the
// results, the zones that matter to this programme, or any zone from the full list; also the
// answer to a ?tz= that is not one zone (status 400), with "Did you mean" choices.
import { describeAllZones, type ZoneMatch } from '../../src/time/index.js';
import type { DateTime } from 'luxon';
import { SelectField, TextField } from '../components/form-kit.js';
import { ZoneMatchText } from '../components/zone-field.js';
import type { ShareMeta } from '../../src/previews/share-meta.js';
import { Layout, type ViewerZoneProps } from '../layout.js';

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
  return (
    <Layout title={refused ? 'Which time zone?' : 'Your time zone'} siteTitle={props.siteTitle} viewer={viewer} nav="zone" share={props.share}>
      <h1>{refused ? 'Which time zone did you mean?' : 'Show times in your time zone'}</h1>
      {refused ? (
        <p class="notice error" role="alert">
          {results.length > 0
            ? `“${props.unknownZone}” is not one time zone. Choose the one you meant below.`
            : `“${props.unknownZone}” is not a place or time zone we know. Search for your city or country below.`}
        </p>
      ) : null}
      <p>
        Times are now shown for <strong>{viewer.zone}</strong>. Your choice is remembered on this device.
      </p>
      <form class="stack panel zone-search" method="get" action="/timezone" role="search">
        <input type="hidden" name="return" value={returnTo} />
        <TextField
          form="zone"
          name="q"
          type="search"
          label="Find your time zone"
          hint="A city, a country or an offset: Beijing, India, New York, GMT+8."
          values={{ q: props.query ?? '' }}
          errors={{}}
          autocomplete="off"
          enterkeyhint="search"
          maxlength={64}
          zonePicker
          unmarked
        />
        <div class="actions">
          <button type="submit">Search</button>
          <a class="button secondary" href={returnTo}>
            Back
          </a>
        </div>
      </form>
      {searched ? (
        <section aria-labelledby="zone-results-heading">
          <h2 id="zone-results-heading">
            {results.length === 0
              ? `No time zone matches “${props.query}”`
              : results.length === 1
                ? `One time zone matches “${props.query}”`
                : `${results.length} time zones match “${props.query}”`}
          </h2>
          {results.length === 0 ? (
            <p>Try the name of a bigger city nearby, your country, or an offset such as UTC+8; or pick from the full list below.</p>
          ) : (
            <ZoneLinks matches={results.map((match) => ({ match }))} returnTo={returnTo} current={viewer.zone} />
          )}
        </section>
      ) : (
        <section aria-labelledby="zone-useful-heading">
          <h2 id="zone-useful-heading">Time zones of this programme</h2>
          <ZoneLinks matches={props.useful} returnTo={returnTo} current={viewer.zone} />
        </section>
      )}
      <form class="stack panel" method="get" action="/timezone" aria-labelledby="zone-all-heading">
        <h2 id="zone-all-heading">All time zones</h2>
        <input type="hidden" name="return" value={returnTo} />
        <SelectField
          form="zone"
          name="tz"
          label="Time zone"
          hint="Choose the city nearest to you that shares your clock. Summer time is taken care of."
          values={{ tz: viewer.zone }}
          errors={{}}
          options={describeAllZones(props.now).map((m) => ({
            value: m.zone,
            label: `${m.label} · ${m.offset}`,
            group: m.zone.includes('/') ? m.zone.split('/')[0] : 'Other',
          }))}
          unmarked
        />
        <div class="actions">
          <button type="submit">Show times in this zone</button>
        </div>
      </form>
    </Layout>
  );
}
