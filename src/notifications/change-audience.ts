// Who the change notifier (webinar-changes.ts) will email when a published webinar moves or is
// cancelled, counted before the change, for the workspace's step that asks first and the API's answer.
import type { Db } from '../db/connection.js';
import { listSpeakers } from '../programme/programme.service.js';
import type { WebinarChangePreview } from '../programme/webinar.service.js';
import { countPeopleOfWebinar } from '../registration/registration.service.js';

export type ChangeAudience = {
  /** Confirmed attendees: an updated invitation for a move, a cancellation for a cancel. */
  confirmed: number;
  /** People on the waiting list: a cancellation, or a short note with the new time of a move. */
  waitlisted: number;
  /** Speakers with an email address: their updated invitation or cancellation. */
  speakers: number;
};

export async function audienceOfChange(db: Db, preview: WebinarChangePreview): Promise<ChangeAudience> {
  // Nobody holds an invitation to a webinar that was never published: the notifier tells no one.
  if (preview.before.status !== 'published') return { confirmed: 0, waitlisted: 0, speakers: 0 };
  const [people, speakers] = await Promise.all([countPeopleOfWebinar(db, preview.before.id), listSpeakers(db)]);
  const reachable = new Set(speakers.filter((s) => s.email).map((s) => s.slug));
  const after = new Set(preview.speakerSlugs);
  // The notifier tells every speaker after the change; on a move, also those taken off it.
  const removed = preview.kind === 'move' ? preview.before.speakers.filter((s) => s.email && !after.has(s.slug)).length : 0;
  const told = [...after].filter((slug) => reachable.has(slug)).length + removed;
  // People on the waiting list hear of a cancellation, and of a move by a short note without invite.
  return { confirmed: people.confirmed, waitlisted: people.waitlisted, speakers: told };
}
