// Webinars mapped from rows are given again as the same object only while everything they are
// made from reads the same (src/programme/known-webinars.ts): any changed column, area or
// speaker gives a new webinar, equal to what toWebinar makes.
import { describe, expect, it } from 'vitest';
import type { SpeakerRole, SpeakerRow, WebinarRow } from '../../src/db/schema.js';
import { knownWebinar } from '../../src/programme/known-webinars.js';
import { toWebinar } from '../../src/programme/programme.mappers.js';
import type { Area } from '../../src/programme/programme.types.js';

let nextId = 90_000;

function webinarRow(overrides: Partial<WebinarRow> = {}): WebinarRow {
  return {
    id: nextId,
    slug: 'pilots',
    uid: `${nextId}@webinar-hub`,
    title: 'Pilots with startups',
    area_id: 1,
    abstract: 'How pilots start.',
    title_sv: null,
    abstract_sv: null,
    start_local: '2027-03-18T15:00',
    start_zone: 'Europe/Stockholm',
    start_offset_minutes: null,
    starts_at_utc: '2027-03-18T14:00:00Z',
    duration_minutes: 60,
    capacity: null,
    join_url: null,
    status: 'published',
    sequence: 0,
    registration_closes_minutes_before: 0,
    speaker_join_url: null,
    tech_check_minutes: 30,
    previous_start_local: null,
    previous_start_zone: null,
    previous_start_offset_minutes: null,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}

const area: Area = { id: 1, slug: 'pilots', name: 'Pilots', description: '', position: 1 };

function speakerRow(overrides: Partial<SpeakerRow & { role: SpeakerRole }> = {}): SpeakerRow & { role: SpeakerRole } {
  return {
    id: 7,
    slug: 'li-wei',
    name: 'Li Wei',
    title: 'Head of open innovation',
    organisation: 'Example Co',
    city: 'Shanghai',
    country: 'China',
    zone: 'Asia/Shanghai',
    bio: '',
    photo_url: null,
    email: null,
    token: null,
    token_lookup: null,
    photo_file: null,
    photo_hash: null,
    photo_content_type: null,
    photo_size_bytes: null,
    photo_width: null,
    photo_height: null,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    language: 'en',
    role: 'speaker',
    ...overrides,
  };
}

describe('known webinars', () => {
  it('are the same object while row, area and speakers read the same, and equal to a fresh mapping', () => {
    nextId += 1;
    const first = knownWebinar(webinarRow(), area, [speakerRow()]);
    const again = knownWebinar(webinarRow(), { ...area }, [speakerRow()]);
    expect(again).toBe(first);
    expect(again).toEqual(toWebinar(webinarRow(), area, [speakerRow()]));
  });

  it.each<[string, () => Parameters<typeof knownWebinar>]>([
    ['a column of the row', () => [webinarRow({ title: 'Pilots, revised' }), area, [speakerRow()]]],
    ['a column that becomes null', () => [webinarRow({ area_id: null }), area, [speakerRow()]]],
    ['the start', () => [webinarRow({ start_local: '2027-03-18T16:00' }), area, [speakerRow()]]],
    ['the area', () => [webinarRow(), { ...area, name: 'Pilot projects' }, [speakerRow()]]],
    ['no area', () => [webinarRow(), null, [speakerRow()]]],
    ['a speaker', () => [webinarRow(), area, [speakerRow({ organisation: 'Other Co' })]]],
    ['a speaker role', () => [webinarRow(), area, [speakerRow({ role: 'moderator' })]]],
    ['another speaker', () => [webinarRow(), area, [speakerRow(), speakerRow({ id: 8, slug: 'ola', name: 'Ola' })]]],
    ['no speakers', () => [webinarRow(), area, []]],
  ])('are made again when %s changes', (_, changed) => {
    nextId += 1;
    const first = knownWebinar(webinarRow(), area, [speakerRow()]);
    const inputs = changed();
    const next = knownWebinar(...inputs);
    expect(next).not.toBe(first);
    expect(next).toEqual(toWebinar(inputs[0], inputs[1], [...inputs[2]]));
  });

  it('cannot be changed by one reader for the others', () => {
    nextId += 1;
    const webinar = knownWebinar(webinarRow(), area, [speakerRow()]);
    expect(() => {
      (webinar as { title: string }).title = 'Changed';
    }).toThrow(TypeError);
    expect(() => (webinar.speakers as unknown[]).push(webinar.speakers[0])).toThrow(TypeError);
    expect(knownWebinar(webinarRow(), area, [speakerRow()]).title).toBe('Pilots with startups');
  });
});
