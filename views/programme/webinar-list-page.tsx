// GET /webinars: every upcoming or every past webinar, a page at a time, for programmes too long
// to show whole on the programme page.
import type { ShareMeta } from '../../src/previews/share-meta.js';
import type { DateTime } from 'luxon';
import type { Programme, Webinar } from '../../src/programme/programme.types.js';
import { WebinarCardList } from '../components/webinar-card.js';
import { Layout, type ViewerZoneProps } from '../layout.js';

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
  const title = when === 'upcoming' ? 'Upcoming webinars' : 'Past webinars';
  return (
    <Layout title={page > 1 ? `${title}, page ${page}` : title} siteTitle={props.programme.title} viewer={viewer} nav="programme" share={props.share}>
      <p class="small">
        <a href="/">← Programme</a>
      </p>
      <h1>{title}</h1>
      <p class="muted">
        {props.total === 0
          ? when === 'upcoming'
            ? 'No upcoming webinars are scheduled at the moment.'
            : 'None yet: recordings appear here after each webinar.'
          : `${props.total} ${props.total === 1 ? 'webinar' : 'webinars'}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}${when === 'past' ? ', most recent first' : ''}.`}
      </p>
      <WebinarCardList webinars={props.webinars} zone={viewer.zone} now={now} />
      {pageCount > 1 ? (
        <nav class="actions" aria-label="Pages" style="margin-top:1.5rem">
          {page > 1 ? (
            <a class="button secondary" href={webinarListHref(when, page - 1)} rel="prev">
              ← Previous page
            </a>
          ) : null}
          {page < pageCount ? (
            <a class="button secondary" href={webinarListHref(when, page + 1)} rel="next">
              Next page →
            </a>
          ) : null}
        </nav>
      ) : null}
      <p class="small" style="margin-top:1.5rem">
        {when === 'upcoming' ? <a href={webinarListHref('past')}>Past webinars →</a> : <a href={webinarListHref('upcoming')}>Upcoming webinars →</a>}
      </p>
    </Layout>
  );
}
