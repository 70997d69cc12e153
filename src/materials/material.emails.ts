// The one email materials send: "the recording and slides are available", listing what is new to
// the reader. It gathers for a few minutes after a recording is published (see material.service.ts)
// and goes when a coordinator presses the button. Written (and rewritten while it gathers) in the
// recipient's language.
import { webinarUrl } from '../calendar/webinar-events.js';
import { t } from '../i18n/catalogue.js';
import { withLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import type { OutgoingEmail } from '../mail/outbox.service.js';
import { emailBody } from '../notifications/email-text.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import { localizeWebinar } from '../programme/localize-webinar.js';
import { attendeeFooter, hello, personalUrl } from '../registration/registration.emails.js';
import type { MaterialKind } from '../db/schema.js';
import { labelledTitle, type Material } from './material.types.js';

export const MATERIALS_EMAIL_KIND = 'materials-available';

export type MaterialsRecipient = { attendeeId: number; name: string; email: string; token: string; language: Language };

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

function whatIsAvailable(materials: readonly Material[]): 'both' | 'recording' | 'slides' | 'material' {
  const recording = materials.some((m) => m.kind === 'recording');
  const slides = materials.some((m) => m.kind === 'slides');
  if (recording && slides) return 'both';
  if (recording) return 'recording';
  if (slides) return 'slides';
  return 'material';
}

/** How each kind is named in the email, in the current language: "Recording", "Inspelning". */
function kindLabel(kind: MaterialKind): string {
  return t(kind === 'recording' ? 'emails.materials.kind.recording' : kind === 'slides' ? 'emails.materials.kind.slides' : 'emails.materials.kind.link');
}

export function materialsAvailableEmail(
  ctx: { programme: Programme; baseUrl: string },
  webinar: Webinar,
  materials: readonly Material[],
  recipient: MaterialsRecipient,
  reason: AnnouncementReason,
): OutgoingEmail {
  const what = whatIsAvailable(materials);
  const title = localizeWebinar(webinar, recipient.language).title;
  const publicOnes = materials.filter((m) => m.visibility === 'public');
  const attendeeOnes = materials.filter((m) => m.visibility === 'attendees');
  const list = (items: readonly Material[]) => items.map((m) => `- ${labelledTitle(kindLabel(m.kind), m.title)}`).join('\n');
  return withLanguage(recipient.language, () => ({
    kind: MATERIALS_EMAIL_KIND,
    to: { address: recipient.email, name: recipient.name },
    webinarId: webinar.id,
    attendeeId: recipient.attendeeId,
    subject: t('emails.materials.subject', { what, title }),
    ...emailBody(
      [
        hello(recipient),
        t('emails.materials.body', { what, title }),
        publicOnes.length > 0 ? `${t('emails.materials.public')}\n${list(publicOnes)}\n${webinarUrl(ctx.baseUrl, webinar)}` : null,
        attendeeOnes.length > 0
          ? `${t('emails.materials.attendees')}\n${list(attendeeOnes)}\n${personalUrl(ctx.baseUrl, recipient.token)}\n${t('emails.keepLinkPrivate')}`
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
  }));
}
