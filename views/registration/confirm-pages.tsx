// The steps that ask before the personal page does what cannot be undone: cancelling a seat and
// replacing the link. Each says exactly what will happen, holds the real button (a POST with
// confirm=yes) and a way back; the page script may show the same step in a dialog.
import type { Child } from 'hono/jsx';
import type { Programme } from '../../src/programme/programme.types.js';
import type { CancellationPreview } from '../../src/registration/registration.service.js';
import type { Attendee } from '../../src/registration/registration.types.js';
import { TimeRange } from '../components/local-time.js';
import { Layout } from '../layout.js';

/**
 * One confirmation: the question, what follows, the button that acts and the way back. Marked
 * `data-confirm-step` so that the page script can lift it into a dialog on the page it came from.
 */
export function ConfirmStep(props: { heading: Child; children: Child; action: string; button: string; back: string; backLabel: string; extra?: Child }) {
  return (
    <section class="confirm-step" data-confirm-step aria-labelledby="confirm-heading">
      <h1 id="confirm-heading" tabindex={-1}>
        {props.heading}
      </h1>
      {props.children}
      <form method="post" action={props.action} class="actions confirm-actions">
        {props.extra}
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          {props.button}
        </button>
        <a class="button secondary" href={props.back} data-confirm-back>
          {props.backLabel}
        </a>
      </form>
    </section>
  );
}

export type CancelSeatPageProps = { programme: Programme; attendee: Attendee; preview: CancellationPreview };

export function CancelSeatPage({ programme, attendee, preview }: CancelSeatPageProps) {
  const { registration, seat } = preview;
  const webinar = registration.webinar;
  const base = `/my/${attendee.token}`;
  const waiting = seat === null;
  return (
    <Layout title={waiting ? 'Leave the waiting list?' : 'Cancel your seat?'} siteTitle={programme.title} nav="none" privatePage>
      <ConfirmStep
        heading={waiting ? <>Leave the waiting list for “{webinar.title}”?</> : <>Cancel your seat at “{webinar.title}”?</>}
        action={`${base}/registrations/${registration.id}/cancel`}
        button={waiting ? 'Yes, leave the waiting list' : 'Yes, cancel my seat'}
        back={base}
        backLabel={waiting ? 'Stay on the waiting list' : 'Keep my seat'}
      >
        <p class="lead">
          <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={attendee.zone} />
        </p>
        <ul class="confirm-consequences">
          {seat === 'to-next-waiting' ? <li>Your seat goes to the next person on the waiting list, who is told at once.</li> : null}
          {seat === 'free' ? <li>Your seat becomes free for someone else to take.</li> : null}
          {waiting ? <li>You give up your place in the queue and will not be told when a seat frees.</li> : null}
          <li>We email you a confirmation, and the webinar leaves your calendar feed.</li>
          <li>
            You can register again while registration is open, but you would {waiting ? 'join the waiting list at its end' : 'take a seat only if one is free'}.
          </li>
        </ul>
      </ConfirmStep>
    </Layout>
  );
}

export function ReplaceLinkPage({ programme, attendee }: { programme: Programme; attendee: Attendee }) {
  const base = `/my/${attendee.token}`;
  return (
    <Layout title="Replace your personal link?" siteTitle={programme.title} nav="none" privatePage>
      <ConfirmStep heading="Replace your personal link?" action={`${base}/reset-link`} button="Yes, replace my link" back={base} backLabel="Keep this link">
        <ul class="confirm-consequences">
          <li>This page’s address stops working at once, for you and for anyone you shared it with.</li>
          <li>
            <strong>Calendar subscriptions made with the old link stop updating; subscribe again with the new one</strong> (the new page shows how).
          </li>
          <li>Links in emails we sent you before lead nowhere; the new link is emailed to {attendee.email}.</li>
          <li>Your registrations and seats stay as they are.</li>
        </ul>
      </ConfirmStep>
    </Layout>
  );
}
