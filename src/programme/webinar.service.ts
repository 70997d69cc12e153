// Scheduling and changing webinars: the rules for slugs, speakers, time and calendar sequence.
import { randomUUID } from 'node:crypto';
import { message } from '../i18n/message.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/transaction.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { DateTime } from 'luxon';
import { instantOf, spanOf, toStoredInstant } from '../time/index.js';
import { slugify } from '../validation.js';
import { findAreaRowBySlug, findSpeakerRowBySlug, lockWebinarRows, touchSpeakers } from './programme.repository.js';
import { insertUnderFreeSlug } from './slugs.js';
import { ALL_STATUSES, getWebinarBySlug } from './programme.service.js';
import type { Webinar } from './programme.types.js';
import { countActiveRegistrations, insertWebinar, replaceWebinarSpeakers, slugExists, updateWebinarRow } from './webinar.repository.js';
import type { SpeakerAssignment, WebinarInput } from './webinar.validation.js';

/** What a change touched, so that calendars and inboxes can be told. */
export type WebinarChange = {
  before: Webinar | null;
  after: Webinar;
  /** The attendees' event changed: time, duration, status or their join link. */
  rescheduled: boolean;
  /** The speakers' events changed: all of the above, their panelists' link or the technical check. */
  speakersRescheduled: boolean;
  fields: string[];
};

/** Called inside the transaction of a change, so that what it queues is written with it or not at all. */
export type WebinarChangeListener = (trx: Db, change: WebinarChange) => Promise<void>;

export async function createWebinar(db: Db, clock: Clock, input: WebinarInput, listeners: readonly WebinarChangeListener[] = []): Promise<Webinar> {
  return inTransaction(db, async (trx) => {
    const areaId = await resolveAreaId(trx, input.areaSlug);
    const speakers = await resolveSpeakers(trx, input.speakers);
    const now = toStoredInstant(clock.now());
    const insert = (slug: string) =>
      insertWebinar(trx, {
        slug,
        uid: `${randomUUID()}@webinar-hub`,
        title: input.title,
        area_id: areaId,
        abstract: input.abstract,
        title_sv: input.titleSv,
        abstract_sv: input.abstractSv,
        start_local: input.start.local,
        start_zone: input.start.zone,
        start_offset_minutes: input.start.offsetMinutes,
        starts_at_utc: toStoredInstant(instantOf(input.start)),
        duration_minutes: input.durationMinutes,
        capacity: input.capacity,
        join_url: input.joinUrl,
        speaker_join_url: input.speakerJoinUrl,
        tech_check_minutes: input.techCheckMinutes,
        registration_closes_minutes_before: input.registrationClosesMinutesBefore,
        status: input.status,
        sequence: 0,
        created_at: now,
        updated_at: now,
      });
    const { slug, inserted: id } = await insertUnderFreeSlug('webinar', input.slug, slugify(input.title) || 'webinar', insert, (base) => uniqueSlug(trx, base));
    await replaceWebinarSpeakers(trx, id, speakers);
    const after = await getWebinarBySlug(trx, slug, ALL_STATUSES);
    for (const listener of listeners) await listener(trx, { before: null, after, rescheduled: false, speakersRescheduled: false, fields: ['created'] });
    return after;
  });
}

export async function updateWebinar(
  db: Db,
  clock: Clock,
  slug: string,
  patch: Partial<WebinarInput>,
  listeners: readonly WebinarChangeListener[] = [],
): Promise<WebinarChange> {
  return inTransaction(db, async (trx) => {
    // Locked for the change: what it compares with, and the calendar sequence it raises, stay
    // as read until the commit.
    const [row] = await lockWebinarRows(trx, { slugs: [slug] });
    if (!row) throw new NotFoundError(message('refusals.missing.webinar', { slug }));
    const before = await getWebinarBySlug(trx, slug, ALL_STATUSES);
    const fields: string[] = [];
    const update: Parameters<typeof updateWebinarRow>[2] = {};
    /** Sets a column and names the change for the listeners (emails, calendar sequence). */
    const setColumn = <Column extends keyof typeof update>(column: Column, value: (typeof update)[Column], field: string) => {
      update[column] = value;
      fields.push(field);
    };

    if (patch.title !== undefined && patch.title !== row.title) setColumn('title', patch.title, 'title');
    if (patch.abstract !== undefined && patch.abstract !== row.abstract) setColumn('abstract', patch.abstract, 'abstract');
    if (patch.titleSv !== undefined && patch.titleSv !== row.title_sv) setColumn('title_sv', patch.titleSv, 'titleSv');
    if (patch.abstractSv !== undefined && patch.abstractSv !== row.abstract_sv) setColumn('abstract_sv', patch.abstractSv, 'abstractSv');
    if (patch.areaSlug !== undefined) {
      const areaId = await resolveAreaId(trx, patch.areaSlug);
      if (areaId !== row.area_id) setColumn('area_id', areaId, 'area');
    }
    if (patch.start !== undefined) {
      const startsAt = toStoredInstant(instantOf(patch.start));
      if (patch.start.local !== row.start_local || patch.start.zone !== row.start_zone || startsAt !== row.starts_at_utc) {
        update.start_local = patch.start.local;
        update.start_zone = patch.start.zone;
        update.start_offset_minutes = patch.start.offsetMinutes;
        update.starts_at_utc = startsAt;
        // Re-expressing the same instant in another zone is not a move.
        const moved = startsAt !== row.starts_at_utc;
        fields.push(moved ? 'start' : 'zone');
        if (moved) {
          update.previous_start_local = row.start_local;
          update.previous_start_zone = row.start_zone;
          update.previous_start_offset_minutes = row.start_offset_minutes;
        }
      }
    }
    if (patch.durationMinutes !== undefined && patch.durationMinutes !== row.duration_minutes) {
      setColumn('duration_minutes', patch.durationMinutes, 'duration');
    }
    if (patch.capacity !== undefined && patch.capacity !== row.capacity) setColumn('capacity', patch.capacity, 'capacity');
    if (patch.joinUrl !== undefined && patch.joinUrl !== row.join_url) setColumn('join_url', patch.joinUrl, 'joinUrl');
    if (patch.speakerJoinUrl !== undefined && patch.speakerJoinUrl !== row.speaker_join_url) {
      setColumn('speaker_join_url', patch.speakerJoinUrl, 'speakerJoinUrl');
    }
    if (patch.techCheckMinutes !== undefined && patch.techCheckMinutes !== row.tech_check_minutes) {
      setColumn('tech_check_minutes', patch.techCheckMinutes, 'techCheck');
    }
    if (patch.registrationClosesMinutesBefore !== undefined && patch.registrationClosesMinutesBefore !== row.registration_closes_minutes_before) {
      setColumn('registration_closes_minutes_before', patch.registrationClosesMinutesBefore, 'registrationCloses');
    }
    if (patch.status !== undefined && patch.status !== row.status) {
      // Attendees hold invitations: a webinar they registered for is cancelled, never silently hidden.
      if (patch.status === 'draft' && (await countActiveRegistrations(trx, row.id)) > 0) {
        throw new ValidationError({ status: message('webinarRules.status.registered') }, 409);
      }
      setColumn('status', patch.status, 'status');
    }
    if (patch.speakers !== undefined) {
      const speakers = await resolveSpeakers(trx, patch.speakers);
      const current = before.speakers.map((s) => `${s.id}:${s.role}`).join(',');
      if (speakers.map((s) => `${s.speakerId}:${s.role}`).join(',') !== current) {
        await replaceWebinarSpeakers(trx, row.id, speakers);
        fields.push('speakers');
      }
    }

    const rescheduled = fields.some((field) => ['start', 'duration', 'status', 'joinUrl'].includes(field));
    const speakersRescheduled = rescheduled || fields.some((field) => ['speakerJoinUrl', 'techCheck'].includes(field));
    if (fields.length > 0) {
      // SEQUENCE tells calendar clients that an event they hold has a newer version (RFC 5545 3.8.7.4).
      await updateWebinarRow(trx, row.id, { ...update, updated_at: toStoredInstant(clock.now()) }, { nextSequence: speakersRescheduled });
    }
    const after = await getWebinarBySlug(trx, slug, ALL_STATUSES);
    // A webinar that leaves a speaker's feed (back to draft, or the speaker taken off) is not in
    // that feed any more to move its date: the speaker's own change time does it.
    if (fields.includes('status') || fields.includes('speakers')) {
      const affected = new Set([...before.speakers, ...after.speakers].map((s) => s.id));
      await touchSpeakers(trx, [...affected], toStoredInstant(clock.now()));
    }
    const change = { before, after, rescheduled, speakersRescheduled, fields };
    if (fields.length > 0) for (const listener of listeners) await listener(trx, change);
    return change;
  });
}

async function resolveAreaId(db: Db, areaSlug: string | null): Promise<number | null> {
  if (areaSlug === null) return null;
  const area = await findAreaRowBySlug(db, areaSlug);
  if (!area) throw new ValidationError({ areaSlug: message('webinarRules.area.unknown', { slug: areaSlug }) });
  return area.id;
}

async function resolveSpeakers(db: Db, assignments: readonly SpeakerAssignment[]) {
  const resolved = [];
  for (const assignment of assignments) {
    const speaker = await findSpeakerRowBySlug(db, assignment.slug);
    if (!speaker) throw new ValidationError({ speakers: message('webinarRules.speakers.unknown', { slug: assignment.slug }) });
    resolved.push({ speakerId: speaker.id, role: assignment.role });
  }
  return resolved;
}

export async function uniqueSlug(db: Db, base: string, table: 'webinar' | 'speaker' | 'knowledge_area' = 'webinar'): Promise<string> {
  let candidate = base;
  for (let n = 2; await slugExists(db, table, candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * What saving a patch would do that people are told about by email and cannot take back: move a
 * published webinar in time (its start or end instant changes) or cancel it. Undefined for any
 * other change, which saves at once. Changes nothing; the workspace asks first when it answers.
 */
export type WebinarChangePreview =
  | { kind: 'move'; before: Webinar; startsAt: DateTime; endsAt: DateTime; zone: string; speakerSlugs: string[] }
  | { kind: 'cancel'; before: Webinar; speakerSlugs: string[] };

export function previewWebinarChange(before: Webinar, patch: Partial<WebinarInput>): WebinarChangePreview | undefined {
  if (before.status !== 'published') return undefined;
  const speakerSlugs = (patch.speakers ?? before.speakers).map((s) => s.slug);
  if (patch.status === 'cancelled') return { kind: 'cancel', before, speakerSlugs };
  if (patch.status !== undefined && patch.status !== 'published') return undefined;
  const start = patch.start ?? before.start;
  const { startsAt, endsAt } = spanOf(start, patch.durationMinutes ?? before.durationMinutes);
  if (startsAt.toMillis() === before.startsAt.toMillis() && endsAt.toMillis() === before.endsAt.toMillis()) return undefined;
  return { kind: 'move', before, startsAt, endsAt, zone: start.zone, speakerSlugs };
}
