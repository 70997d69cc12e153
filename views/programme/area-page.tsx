// GET /areas/:slug: the webinars of one knowledge area, and its calendar feed.
import type { ShareMeta } from '../../src/previews/share-meta.js';
import type { DateTime } from 'luxon';
import type { Area, Programme, Webinar } from '../../src/programme/programme.types.js';
import { SubscribeBox } from '../calendar/subscribe-box.js';
import { WebinarCardList } from '../components/webinar-card.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { t } from '../../src/i18n/catalogue.js';

export type AreaPageProps = {
  programme: Programme;
  area: Area;
  upcoming: Webinar[];
  past: Webinar[];
  viewer: ViewerZoneProps;
  now: DateTime;
  /** The area's own calendar feed. */
  feedUrl: string;
  share?: ShareMeta;
};

export function AreaPage(props: AreaPageProps) {
  const { area, viewer, now } = props;
  return (
    <Layout title={area.name} siteTitle={props.programme.title} viewer={viewer} nav="programme" description={area.description} share={props.share}>
      <p class="small">
        <a href="/">{t('public.backToProgramme')}</a>
      </p>
      {/* The programme page's grid: on a phone the upcoming webinars come before the subscribe panel. */}
      <div class="programme-grid">
        <div class="programme-head">
          <p class="tag">{t('public.knowledgeArea')}</p>
          <h1>{area.name}</h1>
          <p class="lead">{area.description}</p>
        </div>
        <section class="programme-upcoming" aria-labelledby="area-upcoming">
          <h2 id="area-upcoming">{t('public.area.upcoming')}</h2>
          <WebinarCardList webinars={props.upcoming} zone={viewer.zone} now={now} empty={t('public.area.upcomingEmpty')} />
        </section>
        <aside class="programme-aside">
          <SubscribeBox
            feedUrl={props.feedUrl}
            intro={t('public.area.subscribeIntro', { area: area.name.toLowerCase() })}
            calendarName={`${props.programme.title}: ${area.name}`}
          />
        </aside>
      </div>
      <h2>{t('public.area.past')}</h2>
      <WebinarCardList webinars={props.past} zone={viewer.zone} now={now} empty={t('public.area.pastEmpty')} />
    </Layout>
  );
}
