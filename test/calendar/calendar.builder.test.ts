import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/calendar/calendar.builder.js';
import { foldingProblems, parseCalendar } from '../helpers/ical.js';
import { richCalendars } from './rich-calendars.js';

/**
 * What the builder wrote before it folded lines itself (ical-generator 10.2 folding every line);
 * since then only the quotes in one attendee's name changed (`"` is written as `'`, see
 * ical-parameters.test.ts).
 */
const expected = JSON.parse(readFileSync(new URL('./rich-calendars.expected.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('buildCalendar', () => {
  it.each(richCalendars.map((c) => [c.name, c.document] as const))('writes the %s byte for byte as before', (name, document) => {
    expect(buildCalendar(document)).toBe(expected[name]);
  });

  it.each(richCalendars.map((c) => [c.name, c.document] as const))('folds the %s within 75 octets, readable by ical.js', (_name, document) => {
    const text = buildCalendar(document);
    expect(foldingProblems(text)).toEqual([]);
    const parsed = parseCalendar(text);
    expect(parsed.events.map((e) => [e.uid, e.summary, e.description])).toEqual(
      [...document.events].sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.uid.localeCompare(b.uid)).map((e) => [e.uid, e.summary, e.description]),
    );
  });

  it('writes the same bytes when called again with the same document', () => {
    const document = richCalendars[0]!.document;
    expect(buildCalendar(document)).toBe(buildCalendar(document));
  });

  it('writes what changed in an event or the calendar the next time, never the text written before', () => {
    const document = richCalendars[0]!.document;
    const before = parseCalendar(buildCalendar(document));
    const [first, ...rest] = document.events;
    const changed = {
      ...document,
      name: `${document.name} (changed)`,
      events: [{ ...first!, summary: `${first!.summary} (moved)`, start: first!.start.plus({ minutes: 30 }), alarms: [5] }, ...rest],
    };
    const after = parseCalendar(buildCalendar(changed));
    expect(after.name).toBe(`${document.name} (changed)`);
    const event = after.events.find((e) => e.uid === first!.uid)!;
    const old = before.events.find((e) => e.uid === first!.uid)!;
    expect([event.summary, event.start, event.alarms]).toEqual([`${old.summary} (moved)`, first!.start.plus({ minutes: 30 }).toUTC().toISO(), 1]);
    expect(buildCalendar(document)).toBe(expected['programme feed']);
  });
});
