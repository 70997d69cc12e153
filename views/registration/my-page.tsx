// /my/:token: an attendee's own page behind their secret link.
import { LanguageChoice } from '../components/language-choice.js';
import { t } from '../../src/i18n/catalogue.js';
import type { PersonalPage } from '../../src/registration/registration-pages.service.js';
import type { RegistrationWithWebinar } from '../../src/registration/registration.types.js';
import { CalendarSubscription } from '../calendar/subscribe-box.js';
import { LocalTime, TimeRange } from '../components/local-time.js';
import { Layout } from '../layout.js';
import { ZoneForm } from '../components/zone-form.js';
import { PersonalNotice } from './personal-notice.js';
import { RequestButtons } from './simple-pages.js';

export type MyPageProps = PersonalPage;

function statusLabel(registration: RegistrationWithWebinar, place: number | undefined): string {
  if (registration.webinar.status === 'cancelled') return t('registration.status.webinarCancelled');
  if (registration.status === 'confirmed') return t('registration.status.registered');
  if (registration.status === 'waitlisted') return place ? t('registration.status.waitingPlace', { place }) : t('registration.status.waiting');
  return t('registration.status.cancelledByYou');
}

export function MyPage(props: MyPageProps) {
  const { attendee, now } = props;
  const upcoming = props.registrations.filter((r) => r.webinar.endsAt > now);
  const past = props.registrations.filter((r) => r.webinar.endsAt <= now && r.status === 'confirmed');
  const base = `/my/${attendee.token}`;
  // The rows the welcome notice names are marked, so that the owner sees where they landed.
  const justRegistered = new Set(props.notice?.kind === 'welcome' ? props.notice.registrations.map((r) => r.webinarId) : []);
  return (
    <Layout title={t('registration.my.title')} siteTitle={props.programme.title} nav="none" privatePage>
      {props.notice ? <PersonalNotice notice={props.notice} attendee={attendee} /> : null}
      <h1>{t('registration.my.title')}</h1>
      <p class="lead">
        {attendee.name}, {attendee.organisation}. {t('registration.my.timesShownFor')} <strong>{attendee.zone}</strong>.
      </p>
      <p class="notice info small">{t('registration.my.secretLink')}</p>

      {props.requests.length > 0 ? (
        <section class="panel" aria-labelledby="requests">
          <h2 id="requests" style="margin-top:0">
            {t('registration.my.requests')}
          </h2>
          <p class="small">{t('registration.my.requestsIntro')}</p>
          <ul class="stack">
            {props.requests.map((request) => (
              <li>
                <strong>{request.webinar.title}</strong>, <LocalTime instant={request.webinar.startsAt} zone={attendee.zone} />
                <RequestButtons token={attendee.token} requestId={request.id} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div class="layout-2">
        <div>
          <h2>{t('registration.my.comingUp')}</h2>
          {upcoming.length === 0 ? <p class="muted">{t('registration.my.noUpcoming')}</p> : null}
          <ul class="cards">
            {upcoming.map((registration) => {
              const webinar = registration.webinar;
              const active = registration.status !== 'cancelled' && webinar.status === 'published';
              const fresh = justRegistered.has(webinar.id);
              return (
                <li class={fresh ? 'card just-registered' : 'card'} id={`registration-${registration.id}`} aria-current={fresh ? 'true' : undefined}>
                  <div class="actions">
                    <span
                      class={`tag ${registration.status === 'confirmed' && webinar.status === 'published' ? 'live' : registration.status === 'waitlisted' ? 'draft' : 'cancelled'}`}
                    >
                      {statusLabel(registration, props.waitlistPlaces.get(registration.id))}
                    </span>
                  </div>
                  <h3>
                    <a href={`/webinars/${webinar.slug}`}>{webinar.title}</a>
                  </h3>
                  <p class="when">
                    <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={attendee.zone} />
                  </p>
                  {attendee.zone !== props.programme.defaultZone ? (
                    <p class="small muted">
                      = <LocalTime instant={webinar.startsAt} zone={props.programme.defaultZone} withCity />
                    </p>
                  ) : null}
                  {registration.status === 'confirmed' && webinar.status === 'published' && webinar.joinUrl ? (
                    <p>
                      <a class="button small" href={webinar.joinUrl} rel="noopener noreferrer">
                        {t('registration.my.join')}
                      </a>
                    </p>
                  ) : null}
                  {active && now < webinar.startsAt ? (
                    // A GET to the step that asks first (see confirm-pages.tsx); the script shows it in a dialog.
                    <form method="get" action={`${base}/registrations/${registration.id}/cancel`} class="inline-form" data-confirm>
                      <button type="submit" class="secondary small">
                        {t(registration.status === 'confirmed' ? 'registration.my.cancelSeat' : 'registration.my.leaveWaiting')}
                      </button>
                    </form>
                  ) : null}
                  {registration.status === 'cancelled' && props.reopenable.has(webinar.id) ? (
                    <form method="post" action={`${base}/register/${webinar.slug}`} class="inline-form">
                      <button type="submit" class="small">
                        {t('registration.my.registerAgain')}
                      </button>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ul>

          {past.length > 0 ? (
            <>
              <h2>{t('registration.my.past')}</h2>
              <ul class="cards">
                {past.map((registration) => (
                  <li class="card">
                    <h3>
                      <a href={`/webinars/${registration.webinar.slug}`}>{registration.webinar.title}</a>
                    </h3>
                    <p class="small">
                      <LocalTime instant={registration.webinar.startsAt} zone={attendee.zone} />
                    </p>
                    {props.materials?.get(registration.webinar.id) ?? null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          {props.others.length > 0 ? (
            <>
              <h2>{t('registration.my.more')}</h2>
              <ul class="cards">
                {props.others.map((webinar) => (
                  <li class="card">
                    <h3>
                      <a href={`/webinars/${webinar.slug}`}>{webinar.title}</a>
                    </h3>
                    <p class="small">
                      <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={attendee.zone} />
                    </p>
                    <form method="post" action={`${base}/register/${webinar.slug}`} class="inline-form">
                      <button type="submit" class="small">
                        {t('registration.my.oneClick')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>

        <aside>
          <CalendarSubscription
            feedUrl={props.feedUrl}
            id="my-feed"
            heading={t('registration.my.calendarHeading')}
            calendarName={t('registration.my.calendarName', { programme: props.programme.title })}
            intro={t('registration.my.calendarIntro')}
            privateAddress
          />

          <section class="panel" aria-labelledby="my-zone">
            <h2 id="my-zone" style="margin-top:0">
              {t('registration.form.zone')}
            </h2>
            <ZoneForm
              action={`${base}/zone`}
              zone={attendee.zone}
              label={t('registration.field.timezone')}
              submitLabel={t('registration.my.saveZone')}
              error={props.zoneError}
              typed={props.zoneTyped}
              now={props.now}
            />
          </section>

          <LanguageChoice
            id="my-language"
            heading={t('registration.my.language')}
            legend={t('registration.field.language')}
            submitLabel={t('registration.my.saveLanguage')}
            action={`${base}/language`}
            language={attendee.language}
          />

          <section class="panel" aria-labelledby="my-privacy">
            <h2 id="my-privacy" style="margin-top:0">
              {t('registration.my.linkAndData')}
            </h2>
            {/* Both ask first, on a page of their own (or in a dialog), and say what will stop working. */}
            <form method="get" action={`${base}/reset-link`} class="stack" data-confirm>
              <p class="small">{t('registration.my.replaceIntro')}</p>
              <button type="submit" class="secondary">
                {t('registration.my.replaceButton')}
              </button>
            </form>
            <form method="get" action={`${base}/remove`} class="stack" style="margin-top:1rem" data-confirm>
              <p class="small">{t('registration.my.deleteIntro')}</p>
              <button type="submit" class="danger">
                {t('registration.my.deleteButton')}
              </button>
            </form>
          </section>
        </aside>
      </div>
    </Layout>
  );
}
