// The steps that ask before the personal page does what cannot be undone: cancelling a seat and
// replacing the link. Each says exactly what will happen, holds the real button (a POST with
// confirm=yes) and a way back; the page script may show the same step in a dialog.
import type { Child } from 'hono/jsx';
import { t } from '../../src/i18n/catalogue.js';
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
    <Layout title={t(waiting ? 'registration.cancel.titleWaiting' : 'registration.cancel.titleSeat')} siteTitle={programme.title} nav="none" privatePage>
      <ConfirmStep
        heading={t(waiting ? 'registration.cancel.headingWaiting' : 'registration.cancel.headingSeat', { title: webinar.title })}
        action={`${base}/registrations/${registration.id}/cancel`}
        button={t(waiting ? 'registration.cancel.buttonWaiting' : 'registration.cancel.buttonSeat')}
        back={base}
        backLabel={t(waiting ? 'registration.cancel.backWaiting' : 'registration.cancel.backSeat')}
      >
        <p class="lead">
          <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={attendee.zone} />
        </p>
        <ul class="confirm-consequences">
          {seat === 'to-next-waiting' ? <li>{t('registration.cancel.seatToNext')}</li> : null}
          {seat === 'free' ? <li>{t('registration.cancel.seatFree')}</li> : null}
          {waiting ? <li>{t('registration.cancel.queue')}</li> : null}
          <li>{t('registration.cancel.emailed')}</li>
          <li>{t(waiting ? 'registration.cancel.againWaiting' : 'registration.cancel.againSeat')}</li>
        </ul>
      </ConfirmStep>
    </Layout>
  );
}

export function ReplaceLinkPage({ programme, attendee }: { programme: Programme; attendee: Attendee }) {
  const base = `/my/${attendee.token}`;
  return (
    <Layout title={t('registration.replace.title')} siteTitle={programme.title} nav="none" privatePage>
      <ConfirmStep
        heading={t('registration.replace.title')}
        action={`${base}/reset-link`}
        button={t('registration.replace.button')}
        back={base}
        backLabel={t('registration.replace.back')}
      >
        <ul class="confirm-consequences">
          <li>{t('registration.replace.address')}</li>
          <li>
            <strong>{t('registration.replace.calendars')}</strong> {t('registration.replace.calendarsHow')}
          </li>
          <li>{t('registration.replace.emails', { email: attendee.email })}</li>
          <li>{t('registration.replace.stay')}</li>
        </ul>
      </ConfirmStep>
    </Layout>
  );
}
