// Small registration pages: "check your email", "data deleted", the privacy notice, and the pages
// behind an emailed link (confirm a request, remove the address).
import type { ShareMeta } from '../../src/previews/share-meta.js';
import type { Programme, Webinar } from '../../src/programme/programme.types.js';
import type { Attendee, RegistrationWithWebinar } from '../../src/registration/registration.types.js';
import { LocalTime } from '../components/local-time.js';
import { Layout } from '../layout.js';
import { ConfirmStep } from './confirm-pages.js';

function BackToProgramme() {
  return (
    <p>
      <a class="button secondary" href="/">
        Back to the programme
      </a>
    </p>
  );
}

export function CheckEmailPage({ programme, titles }: { programme: Programme; titles: string[] }) {
  return (
    <Layout title="Check your email" siteTitle={programme.title} nav="none">
      <h1>Check your email</h1>
      <p class="lead">
        Thank you. This email address already has a personal page with us, so we have emailed it about your registration for{' '}
        {titles.map((t, i) => (
          <>
            {i > 0 ? ', ' : ''}“{t}”
          </>
        ))}
        . It takes effect when you confirm it from that email, with one button; if you already have a place, the email says so.
      </p>
      <p>
        It should arrive within a few minutes. If it does not, check your spam folder, or write to {programme.organiserEmail}. Asking again for the same webinar
        sends this email at most once a day.
      </p>
      <BackToProgramme />
    </Layout>
  );
}

export function DeletedPage({ programme }: { programme: Programme }) {
  return (
    <Layout title="Your data has been deleted" siteTitle={programme.title} nav="none" privatePage>
      <h1>Your data has been deleted</h1>
      <p class="lead">Your details and registrations are gone, and your personal link no longer works.</p>
      <BackToProgramme />
    </Layout>
  );
}

export function PrivacyPage({ programme, share }: { programme: Programme; share?: ShareMeta }) {
  return (
    <Layout title="Privacy" siteTitle={programme.title} nav="none" share={share}>
      <h1>Privacy notice</h1>
      <div class="prose">
        <p>
          {programme.organiserName} runs this webinar programme. When you register we store your name, email address, organisation, type of organisation, time
          zone, the webinars you registered for and any question you send to the speakers.
        </p>
        <p>
          We use them to run the webinars: to confirm your place, send you calendar invitations, reminders and changes, give the speakers your questions, and
          count how many large companies and startups take part (only counts leave the programme team; speakers see counts per time zone and the questions,
          never names).
        </p>
        <p>
          Your personal page lets you cancel registrations, change your time zone and delete all your data at any time. Emails are sent through the programme’s
          mail server. For anything else, write to {programme.organiserEmail}.
        </p>
      </div>
    </Layout>
  );
}

/** Confirm or discard a registration someone asked for the address: on its page and on the personal page. */
export function RequestButtons(props: { token: string; requestId: number; autofocus?: boolean }) {
  const confirmAction = `/my/${props.token}/confirm/${props.requestId}`;
  return (
    <div class="actions">
      <form method="post" action={confirmAction}>
        <button type="submit" autofocus={props.autofocus}>
          Yes, register me
        </button>
      </form>
      <form method="post" action={`${confirmAction}/discard`}>
        <button type="submit" class="secondary">
          It wasn’t me: discard it
        </button>
      </form>
    </div>
  );
}

export type ConfirmRequestPageProps = { programme: Programme; attendee: Attendee; request: { id: number; webinar: Webinar } };

/**
 * Where the email's "please confirm" link leads: a registration someone asked for this address takes
 * effect only with this button (a link alone changes nothing, so a mail scanner that opens every
 * link cannot confirm it).
 */
export function ConfirmRequestPage({ programme, attendee, request }: ConfirmRequestPageProps) {
  return (
    <Layout title="Confirm your registration" siteTitle={programme.title} nav="none" privatePage>
      <h1>Confirm your registration</h1>
      <p class="lead">
        Someone asked to register your address for “{request.webinar.title}”, on <LocalTime instant={request.webinar.startsAt} zone={attendee.zone} plainZone />
        . It takes effect, and takes a seat if one is free, only when you confirm.
      </p>
      <RequestButtons token={attendee.token} requestId={request.id} autofocus />
    </Layout>
  );
}

/**
 * Where "this wasn't me" in every email and "Delete my data" on the personal page lead: the step
 * that says what goes, with the one button that removes the address and everything about it.
 */
export function RemoveDataPage({
  programme,
  attendee,
  upcoming = [],
  waitedFor = new Set(),
}: {
  programme: Programme;
  attendee: Attendee;
  /** Upcoming registrations that would go. */
  upcoming?: RegistrationWithWebinar[];
  /** Webinars whose waiting list would get the seat. */
  waitedFor?: ReadonlySet<number>;
}) {
  const pageUrl = `/my/${attendee.token}`;
  return (
    <Layout title="Remove your data" siteTitle={programme.title} nav="none" privatePage>
      <ConfirmStep
        heading={<>Remove {attendee.email} and everything about it?</>}
        action={`${pageUrl}/delete`}
        button="Remove everything"
        back={pageUrl}
        backLabel="Keep my data"
      >
        <p class="lead">This removes every registration, your details and your personal link at once. It cannot be undone.</p>
        {upcoming.length > 0 ? (
          <>
            <p>You will lose your place at:</p>
            <ul class="confirm-consequences">
              {upcoming.map((r) => (
                <li>
                  “{r.webinar.title}”, <LocalTime instant={r.webinar.startsAt} zone={attendee.zone} plainZone /> (
                  {r.status !== 'confirmed'
                    ? 'your place on the waiting list'
                    : waitedFor.has(r.webinarId)
                      ? 'your seat goes to the next person waiting'
                      : 'your seat becomes free'}
                  )
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p class="small">Calendar subscriptions made with your link stop updating. You can register again later with the same address.</p>
      </ConfirmStep>
    </Layout>
  );
}
