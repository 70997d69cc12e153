// The line on top of the personal page: thanks after registering, an action done, or why one was refused.
import { t } from '../../src/i18n/catalogue.js';
import type { PersonalPageAction, PersonalPageNotice } from '../../src/registration/registration-pages.service.js';
import type { Attendee } from '../../src/registration/registration.types.js';
import { LocalTime } from '../components/local-time.js';

function actionNotice(action: PersonalPageAction, attendee: Attendee): { kind: 'ok' | 'info'; text: string } {
  switch (action) {
    case 'cancelled':
      return { kind: 'info', text: t('registration.notice.cancelled') };
    case 'zone':
      return { kind: 'ok', text: t('registration.notice.zone', { zone: attendee.zone }) };
    case 'link':
      return { kind: 'ok', text: t('registration.notice.link') };
    case 'registered':
      return { kind: 'ok', text: t('registration.notice.registered') };
    case 'discarded':
      return { kind: 'info', text: t('registration.notice.discarded') };
    case 'language':
      return { kind: 'ok', text: t('registration.notice.language', { language: attendee.language }) };
  }
}

function welcomeLabel(confirmed: boolean, already: boolean): string {
  if (already) return t(confirmed ? 'registration.welcome.alreadyRegistered' : 'registration.welcome.alreadyWaiting');
  return t(confirmed ? 'registration.status.registered' : 'registration.welcome.waiting');
}

export function PersonalNotice({ notice, attendee }: { notice: PersonalPageNotice; attendee: Attendee }) {
  if (notice.kind === 'welcome') {
    return (
      <div class="notice ok" role="status">
        <strong>{t(notice.registrations.length === notice.already.size ? 'registration.welcome.alreadyAll' : 'registration.welcome.thanks')}</strong>
        <ul>
          {notice.registrations.map((r) => (
            <li>
              {welcomeLabel(r.status === 'confirmed', notice.already.has(r.webinarId))}: {t('registration.quoted', { title: r.webinar.title })},{' '}
              <LocalTime instant={r.webinar.startsAt} zone={attendee.zone} plainZone /> ({attendee.zone})
            </li>
          ))}
        </ul>
        {notice.registrations.length > notice.already.size ? `${t('registration.welcome.confirmationTo', { email: attendee.email })} ` : ''}
        {t('registration.welcome.yours')}
      </div>
    );
  }
  const { kind, text } = notice.kind === 'refused' ? { kind: 'error', text: notice.reason } : actionNotice(notice.action, attendee);
  return (
    <div class={`notice ${kind}`} role="status">
      {text}
    </div>
  );
}
