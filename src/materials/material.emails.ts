// The one email materials send: "the recording and slides are available", listing what is new to
// the reader. It gathers for a few minutes after a recording is published (see material.service.ts)
// and goes when a coordinator presses the button.
import { webinarUrl } from '../calendar/webinar-events.js';
import type { OutgoingEmail } from '../mail/outbox.service.js';
import { emailBody } from '../notifications/email-text.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import { attendeeFooter, personalUrl } from '../registration/registration.emails.js';
import { labelledTitle, MATERIAL_KIND_LABELS, type Material } from './material.types.js';

export const MATERIALS_EMAIL_KIND = 'materials-available';

export type MaterialsRecipient = { attendeeId: number; name: string; email: string; token: string };

/** Why materials are announced: a recording was published, or a coordinator asked (slides only, say). */
export type AnnouncementReason = 'recording' | 'requested';

/**
 * The key of an announcement, which also records what it told: the ids of the materials it lists,
 * and whether it was started by a recording (announced by itself once per person).
 */
export function materialsDedupeKey(webinarId: number, attendeeId: number, reason: AnnouncementReason, told: readonly number[]): string {
  return `materials:${webinarId}:${attendeeId}:${reason === 'recording' ? 'recording' : 'set'}:${[...told].sort((a, b) => a - b).join(',')}`;
}

/** What an earlier announcement's key says: whether it was the recording's, and which ids it told. */
export function parseMaterialsKey(key: string): { recording: boolean; told: Set<number> } | undefined {
  const match = /^materials:\d+:\d+:(recording|set):([\d,]*)$/.exec(key);
  return match ? { recording: match[1] === 'recording', told: new Set(match[2]!.split(',').filter(Boolean).map(Number)) } : undefined;
}

function whatIsAvailable(materials: readonly Material[]): string {
  const recording = materials.some((m) => m.kind === 'recording');
  const slides = materials.some((m) => m.kind === 'slides');
  if (recording && slides) return 'the recording and slides';
  if (recording) return 'the recording';
  if (slides) return 'the slides';
  return 'material';
}

export function materialsAvailableEmail(
  ctx: { programme: Programme; baseUrl: string },
  webinar: Webinar,
  materials: readonly Material[],
  recipient: MaterialsRecipient,
  reason: AnnouncementReason,
): OutgoingEmail {
  const what = whatIsAvailable(materials);
  const publicOnes = materials.filter((m) => m.visibility === 'public');
  const attendeeOnes = materials.filter((m) => m.visibility === 'attendees');
  const list = (items: readonly Material[]) => items.map((m) => `- ${labelledTitle(MATERIAL_KIND_LABELS[m.kind], m.title)}`).join('\n');
  return {
    kind: MATERIALS_EMAIL_KIND,
    to: { address: recipient.email, name: recipient.name },
    webinarId: webinar.id,
    attendeeId: recipient.attendeeId,
    subject: `Now available: ${what} of ${webinar.title}`,
    ...emailBody(
      [
        `Hello ${recipient.name},`,
        `Thank you for registering for “${webinar.title}”. ${what.charAt(0).toUpperCase()}${what.slice(1)} ${what === 'the recording' || what === 'material' ? 'is' : 'are'} now available.`,
        publicOnes.length > 0 ? `On the webinar page, for everyone:\n${list(publicOnes)}\n${webinarUrl(ctx.baseUrl, webinar)}` : null,
        attendeeOnes.length > 0
          ? `For registered attendees only, on your personal page:\n${list(attendeeOnes)}\n${personalUrl(ctx.baseUrl, recipient.token)}\nKeep this link to yourself: anyone who has it can manage your registrations.`
          : null,
      ],
      attendeeFooter(ctx, recipient),
    ),
    dedupeKey: materialsDedupeKey(
      webinar.id,
      recipient.attendeeId,
      reason,
      materials.map((m) => m.id),
    ),
  };
}
