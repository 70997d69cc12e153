// GET /webinars: every upcoming or every past webinar, a page at a time, for programmes too long
// to show whole on the programme page.
import type { ShareMeta } from '../../src/previews/share-meta.js';
import type { DateTime } from 'luxon';
import type { Programme, Webinar } from '../../src/programme/programme.types.js';
import { WebinarCardList } from '../components/webinar-card.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { t } from '../../src/i18n/catalogue.js';

export type WebinarListPageProps = {
  programme: Programme;
  when: 'upcoming' | 'past';
  webinars: Webinar[];
  total: number;
  page: number;
  pageCount: number;
  viewer: ViewerZoneProps;
  now: DateTime;
  share?: ShareMeta;
};

export function webinarListHref(when: 'upcoming' | 'past', page = 1): string {
  return `/webinars?when=${when}${page > 1 ? `&page=${page}` : ''}`;
}

export function WebinarListPage(props: WebinarListPageProps) {
  const { when, viewer, now, page, pageCount } = props;
  const title = when === 'upcoming' ? t('public.upcomingWebinars') : t('public.pastWebinars');
  return (
    <Layout
      title={page > 1 ? t('public.list.titlePaged', { title, page: String(page) }) : title}
      siteTitle={props.programme.title}
      viewer={viewer}
      nav="programme"
      share={props.share}
    >
      <p class="small">
        <a href="/">{t('public.backToProgramme')}</a>
      </p>
      <h1>{title}</h1>
      <p class="muted">
        {props.total === 0
          ? when === 'upcoming'
            ? t('public.upcomingEmpty')
            : t('public.pastEmpty')
          : t('public.list.summary', {
              count: props.total,
              n: String(props.total),
              paged: pageCount > 1 ? 'yes' : 'no',
              page: String(page),
              pageCount: String(pageCount),
              when,
            })}
      </p>
      <WebinarCardList webinars={props.webinars} zone={viewer.zone} now={now} />
      {pageCount > 1 ? (
        <nav class="actions" aria-label={t('public.list.pages')} style="margin-top:1.5rem">
          {page > 1 ? (
            <a class="button secondary" href={webinarListHref(when, page - 1)} rel="prev">
              {t('public.list.previous')}
            </a>
          ) : null}
          {page < pageCount ? (
            <a class="button secondary" href={webinarListHref(when, page + 1)} rel="next">
              {t('public.list.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p class="small" style="margin-top:1.5rem">
        {when === 'upcoming' ? (
          <a href={webinarListHref('past')}>{t('public.list.toPast')}</a>
        ) : (
          <a href={webinarListHref('upcoming')}>{t('public.list.toUpcoming')}</a>
        )}
      </p>
    </Layout>
  );
}
