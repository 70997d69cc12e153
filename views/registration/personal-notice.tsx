// The line on top of the personal page: thanks after registering, an action done, or why one was refused.
import type { PersonalPageAction, PersonalPageNotice } from '../../src/registration/registration-pages.service.js';
import type { Attendee } from '../../src/registration/registration.types.js';
import { LocalTime } from '../components/local-time.js';

function actionNotice(action: PersonalPageAction, attendee: Attendee): { kind: 'ok' | 'info'; text: string } {
  switch (action) {
    case 'cancelled':
      return { kind: 'info', text: 'Your registration is cancelled. A confirmation is on its way by email.' };
    case 'zone':
      return { kind: 'ok', text: `Times are now shown for ${attendee.zone}.` };
    case 'link':
      return { kind: 'ok', text: 'This is your new personal link; the old one no longer works. We have emailed it to you as well.' };
    case 'registered':
      return { kind: 'ok', text: 'Registered. A confirmation is on its way by email.' };
    case 'discarded':
      return { kind: 'info', text: 'Discarded: that registration request is gone, and nothing else has changed.' };
  }
}

function welcomeLabel(confirmed: boolean, already: boolean): string {
  if (already) return confirmed ? 'Already registered' : 'Already on the waiting list';
  return confirmed ? 'Registered' : 'On the waiting list';
}

export function PersonalNotice({ notice, attendee }: { notice: PersonalPageNotice; attendee: Attendee }) {
  if (notice.kind === 'welcome') {
    return (
      <div class="notice ok" role="status">
        <strong>{notice.registrations.length === notice.already.size ? 'You were already registered.' : 'Thank you for registering.'}</strong>
        <ul>
          {notice.registrations.map((r) => (
            <li>
              {welcomeLabel(r.status === 'confirmed', notice.already.has(r.webinarId))}: “{r.webinar.title}”,{' '}
              <LocalTime instant={r.webinar.startsAt} zone={attendee.zone} plainZone /> ({attendee.zone})
            </li>
          ))}
        </ul>
        {notice.registrations.length > notice.already.size ? `A confirmation is on its way to ${attendee.email}. ` : ''}This page is yours: bookmark it.
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
