// GET /: the programme, upcoming webinars first, then past ones.
import type { ShareMeta } from '../../src/previews/share-meta.js';
import type { Child } from 'hono/jsx';
import type { DateTime } from 'luxon';
import type { Area, Programme, Webinar } from '../../src/programme/programme.types.js';
import { WebinarCardList } from '../components/webinar-card.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { webinarListHref } from './webinar-list-page.js';
import { RECORDINGS_FEED } from '../materials/recordings-feed-link.js';
import { t } from '../../src/i18n/catalogue.js';

export type ProgrammePageProps = {
  programme: Programme;
  areas: Area[];
  /** The first upcoming webinars, and how many there are in all (the rest are on /webinars). */
  upcoming: Webinar[];
  upcomingTotal: number;
  /** The most recent past webinars, and how many there are in all. */
  past: Webinar[];
  pastTotal: number;
  viewer: ViewerZoneProps;
  now: DateTime;
  /** Slots later features fill (subscribe box, series registration). */
  aside?: Child;
  afterUpcoming?: Child;
  share?: ShareMeta;
  /** schema.org EventSeries data for search engines (serialised JSON-LD). */
  structuredData?: string;
  /** The next webinar that takes place (marked on its card), and whether it takes registrations now. */
  next?: { id: number; open: boolean };
};

export function ProgrammePage(props: ProgrammePageProps) {
  const { programme, viewer, now } = props;
  return (
    <Layout
      title={programme.title}
      siteTitle={programme.title}
      viewer={viewer}
      nav="programme"
      description={programme.tagline}
      share={props.share}
      alternates={[RECORDINGS_FEED]}
      structuredData={props.structuredData}
    >
      {/* On a wide screen the areas and the subscribe panel sit beside the introduction and the
          upcoming webinars; on a phone they come after them, and the upcoming webinars move up to
          right after the tagline, so that the next one is on the first screen (.programme-grid). */}
      <div class="programme-grid">
        <div class="programme-head">
          <h1>{programme.title}</h1>
          <p class="lead">{programme.tagline}</p>
        </div>

        <div class="programme-about">
          <p class="prose">{programme.description}</p>
          <p class="small muted">{t('public.programme.organisedBy', { organiser: programme.organiserName })}</p>
        </div>

        <WebinarSection
          when="upcoming"
          webinars={props.upcoming}
          total={props.upcomingTotal}
          zone={viewer.zone}
          now={now}
          next={props.next}
          empty={t('public.upcomingEmpty')}
        >
          {props.afterUpcoming ? <div class="after-upcoming">{props.afterUpcoming}</div> : null}
        </WebinarSection>

        <aside class="programme-aside">
          <div class="panel">
            <h2 style="margin-top:0">{t('public.programme.areas')}</h2>
            <ul>
              {props.areas.map((area) => (
                <li>
                  <a href={`/areas/${area.slug}`}>{area.name}</a>
                </li>
              ))}
            </ul>
          </div>
          {props.aside}
        </aside>
      </div>

      <WebinarSection when="past" webinars={props.past} total={props.pastTotal} zone={viewer.zone} now={now} empty={t('public.pastEmpty')} />
    </Layout>
  );
}

type WebinarSectionProps = {
  when: 'upcoming' | 'past';
  webinars: Webinar[];
  total: number;
  zone: string;
  now: DateTime;
  empty: string;
  next?: { id: number; open: boolean };
  children?: Child;
};

/** The first upcoming or past webinars, with a link to all of them on /webinars when there are more. */
function WebinarSection({ when, webinars, total, zone, now, empty, next, children }: WebinarSectionProps) {
  return (
    <section aria-labelledby={when} class={`programme-${when}`}>
      <h2 id={when}>{when === 'upcoming' ? t('public.upcomingWebinars') : t('public.pastWebinars')}</h2>
      <WebinarCardList webinars={webinars} zone={zone} now={now} empty={empty} next={next} />
      {total > webinars.length ? (
        <p>
          <a href={webinarListHref(when)}>{t(when === 'upcoming' ? 'public.programme.allUpcoming' : 'public.programme.allPast', { total: String(total) })}</a>
        </p>
      ) : null}
      {children}
    </section>
  );
}
