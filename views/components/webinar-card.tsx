// One webinar in a list: title, area, speakers with their countries, time in the viewer's zone.
import type { Child } from 'hono/jsx';
import type { DateTime } from 'luxon';
import type { Webinar } from '../../src/programme/programme.types.js';
import { isLive } from '../../src/programme/programme.service.js';
import { formatDuration } from '../../src/time/index.js';
import { TimeRange } from './local-time.js';
import { SpeakerAvatar, speakerPhotoSrc } from './speaker-avatar.js';
import { StatusTag } from './status-tag.js';
import { t } from '../../src/i18n/catalogue.js';

export type WebinarCardProps = {
  webinar: Webinar;
  zone: string;
  now: DateTime;
  /** The programme's next webinar: marked as such, with "Register" when it takes registrations. */
  next?: { open: boolean };
};

export function WebinarCard({ webinar, zone, now, next }: WebinarCardProps) {
  const speakers = webinar.speakers.filter((s) => s.role !== 'moderator');
  const moderators = webinar.speakers.filter((s) => s.role === 'moderator');
  return (
    <li class={next ? 'card next' : 'card'}>
      <div class="actions">
        {next && !isLive(webinar, now) ? <span class="tag next-tag">{t('public.card.next')}</span> : null}
        {webinar.area ? (
          <a class="tag" href={`/areas/${webinar.area.slug}`}>
            {webinar.area.name}
          </a>
        ) : null}
        <StatusTag webinar={webinar} now={now} />
      </div>
      <h3>
        <a href={`/webinars/${webinar.slug}`}>{webinar.title}</a>
      </h3>
      <p class="when">
        <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={zone} />
        <span class="muted small"> · {formatDuration(webinar.durationMinutes)}</span>
      </p>
      {speakers.length > 0 ? (
        <WithFaces speakers={webinar.speakers}>
          <p class="small">
            {speakers.map((s, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={`/speakers/${s.slug}`}>{s.name}</a> ({s.country})
              </>
            ))}
            {moderators.length > 0 ? <span class="muted"> · {t('public.card.moderatedBy', { names: moderators.map((m) => m.name).join(', ') })}</span> : null}
          </p>
        </WithFaces>
      ) : null}
      {next?.open ? (
        <p class="card-actions">
          <a class="button" href={`/webinars/${webinar.slug}#register`}>
            {t('public.card.register')}
            <span class="visually-hidden"> {t('public.card.registerFor', { title: webinar.title })}</span>
          </a>
        </p>
      ) : null}
    </li>
  );
}

type WebinarCardListProps = {
  webinars: Webinar[];
  zone: string;
  now: DateTime;
  empty?: string;
  /** The webinar to mark as the next one (the programme page's upcoming list). */
  next?: { id: number; open: boolean };
};

/** The speakers' line, led by the photos of those who have one (nothing changes for those without). */
function WithFaces({ speakers, children }: { speakers: Webinar['speakers']; children: Child }) {
  const withPhotos = speakers.filter((s) => speakerPhotoSrc(s) !== null);
  if (withPhotos.length === 0) return <>{children}</>;
  return (
    <div class="card-people">
      <span class="card-faces">
        {withPhotos.map((s) => (
          <SpeakerAvatar speaker={s} size={32} lazy />
        ))}
      </span>
      {children}
    </div>
  );
}

/** Webinars as a list of cards; with nothing to list, the `empty` line (or nothing without one). */
export function WebinarCardList({ webinars, zone, now, empty, next }: WebinarCardListProps) {
  if (webinars.length === 0) return empty === undefined ? null : <p class="muted">{empty}</p>;
  return (
    <ul class="cards">
      {webinars.map((webinar) => (
        <WebinarCard webinar={webinar} zone={zone} now={now} next={next?.id === webinar.id ? next : undefined} />
      ))}
    </ul>
  );
}
