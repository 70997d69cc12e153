// /my/:token: an attendee's own page behind their secret link.
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
  if (registration.webinar.status === 'cancelled') return 'Webinar cancelled';
  if (registration.status === 'confirmed') return 'Registered';
  if (registration.status === 'waitlisted') return place ? `Waiting list, place ${place}` : 'Waiting list';
  return 'Cancelled by you';
}

export function MyPage(props: MyPageProps) {
  const { attendee, now } = props;
  const upcoming = props.registrations.filter((r) => r.webinar.endsAt > now);
  const past = props.registrations.filter((r) => r.webinar.endsAt <= now && r.status === 'confirmed');
  const base = `/my/${attendee.token}`;
  // The rows the welcome notice names are marked, so that the owner sees where they landed.
  const justRegistered = new Set(props.notice?.kind === 'welcome' ? props.notice.registrations.map((r) => r.webinarId) : []);
  return (
    <Layout title="Your registrations" siteTitle={props.programme.title} nav="none" privatePage>
      {props.notice ? <PersonalNotice notice={props.notice} attendee={attendee} /> : null}
      <h1>Your registrations</h1>
      <p class="lead">
        {attendee.name}, {attendee.organisation}. Times are shown for <strong>{attendee.zone}</strong>.
      </p>
      <p class="notice info small">
        This page’s address is your personal link: bookmark it, and keep it to yourself. Anyone with it can manage your registrations.
      </p>

      {props.requests.length > 0 ? (
        <section class="panel" aria-labelledby="requests">
          <h2 id="requests" style="margin-top:0">
            Waiting for your confirmation
          </h2>
          <p class="small">Someone asked to register this address for these webinars. They hold no seat until you confirm.</p>
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
          <h2>Coming up</h2>
          {upcoming.length === 0 ? <p class="muted">You have no upcoming webinars.</p> : null}
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
                        Join the webinar
                      </a>
                    </p>
                  ) : null}
                  {active && now < webinar.startsAt ? (
                    // A GET to the step that asks first (see confirm-pages.tsx); the script shows it in a dialog.
                    <form method="get" action={`${base}/registrations/${registration.id}/cancel`} class="inline-form" data-confirm>
                      <button type="submit" class="secondary small">
                        {registration.status === 'confirmed' ? 'Cancel my seat' : 'Leave the waiting list'}
                      </button>
                    </form>
                  ) : null}
                  {registration.status === 'cancelled' && props.reopenable.has(webinar.id) ? (
                    <form method="post" action={`${base}/register/${webinar.slug}`} class="inline-form">
                      <button type="submit" class="small">
                        Register again
                      </button>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ul>

          {past.length > 0 ? (
            <>
              <h2>Past webinars</h2>
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
              <h2>More webinars in the programme</h2>
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
                        Register with one click
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
            heading="Your calendar"
            calendarName={`${props.programme.title}: your webinars`}
            intro="Your webinars, with join links and reminders; waiting-list places appear as tentative."
            privateAddress
          />

          <section class="panel" aria-labelledby="my-zone">
            <h2 id="my-zone" style="margin-top:0">
              Your time zone
            </h2>
            <ZoneForm
              action={`${base}/zone`}
              zone={attendee.zone}
              label="Time zone"
              submitLabel="Save time zone"
              error={props.zoneError}
              typed={props.zoneTyped}
              now={props.now}
            />
          </section>

          <section class="panel" aria-labelledby="my-privacy">
            <h2 id="my-privacy" style="margin-top:0">
              Your link and your data
            </h2>
            {/* Both ask first, on a page of their own (or in a dialog), and say what will stop working. */}
            <form method="get" action={`${base}/reset-link`} class="stack" data-confirm>
              <p class="small">Shared this page by mistake? Get a new link; this one stops working at once, and calendars subscribed with it stop updating.</p>
              <button type="submit" class="secondary">
                Replace my personal link
              </button>
            </form>
            <form method="get" action={`${base}/remove`} class="stack" style="margin-top:1rem" data-confirm>
              <p class="small">Delete your details and all your registrations. Your seats go to the people on the waiting lists.</p>
              <button type="submit" class="danger">
                Delete my data
              </button>
            </form>
          </section>
        </aside>
      </div>
    </Layout>
  );
}
