// The workspace's step before cancelling someone's registration: who, which webinar, where the seat
// goes and that they are emailed. Changes nothing; its button sends confirm=yes.
import { t } from '../../../src/i18n/catalogue.js';
import type { AdminCancellationPreview } from '../../../src/admin/registrations-admin.service.js';
import { CsrfField } from '../../components/form-kit.js';
import { TimeRange } from '../../components/local-time.js';

export function CancelRegistrationConfirm({ preview, zone, csrfToken }: { preview: AdminCancellationPreview; zone: string; csrfToken: string }) {
  const { webinar } = preview;
  const back = `/admin/webinars/${webinar.slug}/registrations`;
  return (
    <section class="confirm-step panel" data-confirm-step aria-labelledby="confirm-heading">
      <h1 id="confirm-heading" tabindex={-1}>
        {preview.status === 'confirmed'
          ? t('workspacePages.registrations.confirm.cancelConfirmed', { name: preview.name })
          : t('workspacePages.registrations.confirm.cancelWaiting', { name: preview.name })}
      </h1>
      <p class="lead">
        “{webinar.title}”, <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={zone} />
      </p>
      <ul class="confirm-consequences">
        <li>{t('workspacePages.registrations.confirm.emailed', { name: preview.name, email: preview.email })}</li>
        {preview.seat === 'to-next-waiting' ? <li>{t('workspacePages.registrations.confirm.toNextWaiting')}</li> : null}
        {preview.seat === 'free' ? <li>{t('workspacePages.registrations.confirm.free')}</li> : null}
        {preview.seat === null ? <li>{t('workspacePages.registrations.confirm.queue')}</li> : null}
      </ul>
      <form method="post" action={`/admin/registrations/${preview.registrationId}/cancel`} class="actions confirm-actions">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          {t('workspacePages.registrations.confirm.submit', { name: preview.name })}
        </button>
        <a class="button secondary" href={back} data-confirm-back>
          {t('workspacePages.registrations.confirm.back')}
        </a>
      </form>
    </section>
  );
}
