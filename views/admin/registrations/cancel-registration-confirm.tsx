// The workspace's step before cancelling someone's registration: who, which webinar, where the seat
// goes and that they are emailed. Changes nothing; its button sends confirm=yes.
import type { AdminCancellationPreview } from '../../../src/admin/registrations-admin.service.js';
import { CsrfField } from '../../components/form-kit.js';
import { TimeRange } from '../../components/local-time.js';

export function CancelRegistrationConfirm({ preview, zone, csrfToken }: { preview: AdminCancellationPreview; zone: string; csrfToken: string }) {
  const { webinar } = preview;
  const back = `/admin/webinars/${webinar.slug}/registrations`;
  return (
    <section class="confirm-step panel" data-confirm-step aria-labelledby="confirm-heading">
      <h1 id="confirm-heading" tabindex={-1}>
        {preview.status === 'confirmed' ? `Cancel the registration of ${preview.name}?` : `Take ${preview.name} off the waiting list?`}
      </h1>
      <p class="lead">
        “{webinar.title}”, <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={zone} />
      </p>
      <ul class="confirm-consequences">
        <li>
          {preview.name} ({preview.email}) is emailed that the registration is cancelled.
        </li>
        {preview.seat === 'to-next-waiting' ? <li>The seat goes to the first person on the waiting list, who is emailed too.</li> : null}
        {preview.seat === 'free' ? <li>The seat becomes free; nobody is waiting for it.</li> : null}
        {preview.seat === null ? <li>Their place in the queue is given up; nobody else moves.</li> : null}
      </ul>
      <form method="post" action={`/admin/registrations/${preview.registrationId}/cancel`} class="actions confirm-actions">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          Yes, cancel and email {preview.name}
        </button>
        <a class="button secondary" href={back} data-confirm-back>
          Go back
        </a>
      </form>
    </section>
  );
}
