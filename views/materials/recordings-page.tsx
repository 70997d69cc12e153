// GET /recordings: past webinars with public recordings and slides, most recent first, searchable
// by title, speaker and area.
import type { ShareMeta } from '../../src/previews/share-meta.js';
import type { HrefOf } from '../../src/materials/material.links.js';
import { MAX_QUERY_LENGTH, type RecordingItem, type RecordingsArchive } from '../../src/materials/recordings-archive.js';
import type { WebinarSpeaker } from '../../src/programme/programme.types.js';
import { ErrorSummary, SelectField, TextField } from '../components/form-kit.js';
import { LocalTime } from '../components/local-time.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { MaterialList } from './material-list.js';
import { RECORDINGS_FEED } from './recordings-feed-link.js';
import { t } from '../../src/i18n/catalogue.js';

export type RecordingsPageProps = {
  siteTitle: string;
  viewer: ViewerZoneProps;
  archive: RecordingsArchive;
  hrefOf: HrefOf;
  share?: ShareMeta;
};

/** The search form's id prefix: its fields are #recordings-q and #recordings-area. */
const FORM = 'recordings';

/** The page lists webinars (each with its recordings and slides): it counts them, not recordings. */
function plural(n: number): string {
  return t('public.recordings.count', { count: n, n: String(n) });
}

/** What was asked for: "“chen” in Innovation hubs and outposts", "“chen”" or "Innovation hubs and outposts". */
function criteria(archive: RecordingsArchive): { text: string; areaOnly: boolean } {
  const area = archive.areas.find((a) => a.slug === archive.values.area);
  if (!archive.values.q) return { text: area?.name ?? '', areaOnly: true };
  const text = area ? t('public.recordings.queryInArea', { q: archive.values.q, area: area.name }) : t('public.recordings.query', { q: archive.values.q });
  return { text, areaOnly: false };
}

/** The results heading: how many of how many, and for what. */
function summary(archive: RecordingsArchive): string {
  const searching = archive.values.q !== '' || archive.values.area !== '';
  if (!searching) return plural(archive.total);
  const found = archive.items.length;
  const asked = criteria(archive);
  if (asked.areaOnly)
    return found === 0
      ? t('public.recordings.noneInArea', { area: asked.text })
      : t('public.recordings.someInArea', { found, webinars: plural(archive.total), area: asked.text });
  return found === 0
    ? t('public.recordings.noneMatch', { criteria: asked.text })
    : t('public.recordings.someMatch', { found, webinars: plural(archive.total), criteria: asked.text });
}

function SearchForm({ archive }: { archive: RecordingsArchive }) {
  const { values, errors } = archive;
  const searching = values.q !== '' || values.area !== '';
  return (
    <form
      method="get"
      action="/recordings"
      role="search"
      aria-label={t('public.recordings.searchLabel')}
      class="panel"
      style="display:flex;flex-wrap:wrap;gap:0.75rem 1rem;align-items:flex-end"
    >
      <TextField
        form={FORM}
        name="q"
        type="search"
        label={t('public.search')}
        hint={t('public.recordings.searchHint')}
        values={values}
        errors={errors}
        maxlength={MAX_QUERY_LENGTH}
        enterkeyhint="search"
        unmarked
        style="flex:3 1 18rem;min-width:0"
      />
      <SelectField
        form={FORM}
        name="area"
        label={t('public.knowledgeArea')}
        values={values}
        errors={errors}
        options={[{ value: '', label: t('public.recordings.allAreas') }, ...archive.areas.map((area) => ({ value: area.slug, label: area.name }))]}
        unmarked
        style="flex:2 1 12rem;min-width:0"
      />
      <div class="actions">
        <button type="submit">{t('public.search')}</button>
        {searching ? (
          <a class="button secondary" href="/recordings">
            {t('public.recordings.clear')}
          </a>
        ) : null}
      </div>
    </form>
  );
}

function Speakers({ speakers }: { speakers: WebinarSpeaker[] }) {
  const presenters = speakers.filter((s) => s.role !== 'moderator');
  const moderators = speakers.filter((s) => s.role === 'moderator');
  if (speakers.length === 0) return null;
  const person = (s: WebinarSpeaker) => (
    <>
      <a href={`/speakers/${s.slug}`}>{s.name}</a>
      <span class="muted"> ({[s.organisation, s.city].filter(Boolean).join(', ')})</span>
    </>
  );
  return (
    <p class="small" style="margin:0">
      {presenters.map((s, i) => (
        <>
          {i > 0 ? '; ' : ''}
          {person(s)}
        </>
      ))}
      {moderators.length > 0 ? (
        <>
          {presenters.length > 0 ? <br /> : null}
          <span class="muted">{t('public.recordings.moderatedBy')} </span>
          {moderators.map((s, i) => (
            <>
              {i > 0 ? '; ' : ''}
              {person(s)}
            </>
          ))}
        </>
      ) : null}
    </p>
  );
}

function RecordingCard({ item, zone, hrefOf }: { item: RecordingItem; zone: string; hrefOf: HrefOf }) {
  const { webinar, materials } = item;
  return (
    <li class="card">
      {webinar.area ? (
        <p style="margin:0">
          <a class="tag" href={`/areas/${webinar.area.slug}`}>
            {webinar.area.name}
          </a>
        </p>
      ) : null}
      <h3>
        <a href={`/webinars/${webinar.slug}`}>{webinar.title}</a>
      </h3>
      <p class="small" style="margin:0">
        <LocalTime instant={webinar.startsAt} zone={zone} />
      </p>
      <Speakers speakers={webinar.speakers} />
      {item.said ? (
        <p class="small said">
          {t('public.recordings.said')} <q>{item.said}</q>
        </p>
      ) : null}
      <MaterialList materials={materials} hrefOf={hrefOf} />
    </li>
  );
}

export function RecordingsPage({ siteTitle, viewer, archive, hrefOf, share }: RecordingsPageProps) {
  const errors = Object.entries(archive.errors);
  const searching = archive.values.q !== '' || archive.values.area !== '';
  const title =
    errors.length > 0
      ? t('public.recordings.titleError')
      : searching
        ? t('public.recordings.titleSearch', { criteria: criteria(archive).text })
        : t('public.recordings.title');
  return (
    <Layout
      title={title}
      siteTitle={siteTitle}
      viewer={viewer}
      nav="recordings"
      description={t('public.recordings.description')}
      share={share}
      alternates={[RECORDINGS_FEED]}
    >
      <h1>{t('public.recordings.title')}</h1>
      <p class="small">
        <a href={RECORDINGS_FEED.href} type={RECORDINGS_FEED.type}>
          {t('public.recordings.feed')}
        </a>{' '}
        {t('public.recordings.feedType')}
      </p>
      {archive.total === 0 && !searching && errors.length === 0 ? (
        <p class="muted">{t('public.recordings.none')}</p>
      ) : (
        <>
          <ErrorSummary form={FORM} id="recordings-errors" heading={t('public.recordings.errorsHeading')} errors={archive.errors} />
          <SearchForm archive={archive} />
          {errors.length > 0 ? null : (
            <section aria-labelledby="recordings-results">
              <h2 id="recordings-results">{summary(archive)}</h2>
              {archive.items.length === 0 ? (
                archive.total === 0 ? (
                  <p>{t('public.recordings.noneYet')}</p>
                ) : (
                  <p>
                    {t('public.recordings.tryOther')} <a href="/recordings">{t('public.recordings.clearLink')}</a>{' '}
                    {t('public.recordings.seeAll', { webinars: plural(archive.total) })}
                  </p>
                )
              ) : (
                <ul class="cards">
                  {archive.items.map((item) => (
                    <RecordingCard item={item} zone={viewer.zone} hrefOf={hrefOf} />
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
    </Layout>
  );
}
