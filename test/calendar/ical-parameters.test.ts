// Text typed by people goes into iCalendar parameter values (the CN of ORGANIZER and ATTENDEE):
// it must not end the value or add parameters or attendees, read back by ical.js.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildCalendar, parameterText, type CalendarEvent } from '../../src/calendar/calendar.builder.js';
import { getProgramme, getWebinarBySlug } from '../../src/programme/programme.service.js';
import { attendeeInvite } from '../../src/registration/registration.emails.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

const INJECTION = 'x";RSVP=TRUE;CN="y:mailto:evil@evil.example';
const SLUG = 'pilots-with-startups-norway';

type ReadProperty = { value: string; params: Record<string, unknown> };

/** Every ATTENDEE and the ORGANIZER of the one event, as ical.js reads them: value and parameters. */
function peopleOf(ics: string): { attendees: ReadProperty[]; organizer: ReadProperty } {
  const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const read = (property: ICAL.Property): ReadProperty => {
    const [, params, , value] = property.toJSON() as [string, Record<string, unknown>, string, string];
    return { value, params };
  };
  const organizer = vevents[0]!.getFirstProperty('organizer');
  return { attendees: vevents[0]!.getAllProperties('attendee').map(read), organizer: read(organizer!) };
}

const at = DateTime.fromISO('2027-03-18T14:00:00Z', { zone: 'UTC' });

function event(attendeeName: string, organizerName = 'Innovation Office'): CalendarEvent {
  return {
    uid: 'webinar-1@hub.example.org',
    sequence: 0,
    start: at,
    end: at.plus({ hours: 1 }),
    stamp: at,
    lastModified: at,
    summary: 'Pilots with startups',
    description: 'A webinar',
    url: 'https://hub.example.org/webinars/pilots',
    location: null,
    categories: [],
    organizer: { name: organizerName, email: 'webinars@example.org' },
    status: 'CONFIRMED',
    attendees: [{ name: attendeeName, email: 'real.person@example.org' }],
    alarms: [],
  };
}

function invite(attendeeName: string, organizerName?: string): string {
  return buildCalendar({
    name: 'Invite',
    description: 'Programme',
    zoneHint: 'Europe/Stockholm',
    method: 'REQUEST',
    events: [event(attendeeName, organizerName)],
  });
}

describe('parameter values in the calendar builder', () => {
  it('reads one attendee, with the right address and RSVP=FALSE, from a name that tries to add one', () => {
    const ics = invite(INJECTION);
    const { attendees } = peopleOf(ics);
    expect(attendees).toEqual([
      {
        value: 'MAILTO:real.person@example.org',
        params: { role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED', rsvp: 'FALSE', cn: "x';RSVP=TRUE;CN='y:mailto:evil@evil.example" },
      },
    ]);
    expect(ics).not.toContain('RSVP=TRUE');
    expect(ics.replace(/\r\n /g, '')).toContain(`;CN="x';RSVP=TRUE;CN='y:mailto:evil@evil.example":MAILTO:real.person@example.org\r\n`);
  });

  it('keeps ";", ":" and "," inside the quoted value, exactly as typed', () => {
    const name = 'Öberg, Åsa; Dr: Innovation, 创新';
    const { attendees, organizer } = peopleOf(invite(name, 'Org; Team: Nordic, East'));
    expect(attendees.map((a) => [a.value, a.params.cn])).toEqual([['MAILTO:real.person@example.org', name]]);
    expect([organizer.value, organizer.params]).toEqual(['mailto:webinars@example.org', { cn: 'Org; Team: Nordic, East' }]);
  });

  it('cannot be broken out of from the organiser’s name either', () => {
    const { attendees, organizer } = peopleOf(invite('Wang Fang', 'Office";SENT-BY="mailto:evil@evil.example'));
    expect(organizer).toEqual({ value: 'mailto:webinars@example.org', params: { cn: "Office';SENT-BY='mailto:evil@evil.example" } });
    expect(attendees.map((a) => a.value)).toEqual(['MAILTO:real.person@example.org']);
  });

  it('replaces control characters, which a quoted value may not hold, and keeps tabs', () => {
    expect(parameterText('a\u0000b\u001fc\u007fd\te')).toBe('a b c d\te');
    const { attendees } = peopleOf(invite('Wang\u0007 Fang\u001b'));
    expect(attendees.map((a) => a.params.cn)).toEqual(['Wang  Fang ']);
  });

  it('leaves ordinary names as they are, so that the bytes do not change', () => {
    for (const name of ['Wang Fang', 'Åsa Öberg-Lindqvist, Innovation Lead; Sverige', '李娜', "O'Brien: CTO"]) expect(parameterText(name)).toBe(name);
  });
});

describe('the invite a registration queues', () => {
  it('names the attendee without letting the name add an attendee (attendeeInvite)', async () => {
    const ctx = await buildTestApp();
    const webinar = await getWebinarBySlug(ctx.db, SLUG);
    const programme = await getProgramme(ctx.db);
    const { content } = attendeeInvite(
      { programme, baseUrl: TEST_BASE_URL, now: ctx.clock.now() },
      webinar,
      { id: 1, name: INJECTION, email: 'real.person@example.org', zone: 'Asia/Shanghai', token: 'a'.repeat(43), language: 'en' },
      'REQUEST',
    );
    const { attendees } = peopleOf(content);
    expect(attendees.map((a) => [a.value, a.params.rsvp])).toEqual([['MAILTO:real.person@example.org', 'FALSE']]);
  });

  it('through POST /api/webinars/:slug/registrations: one attendee, the registrant’s address, no RSVP=TRUE', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, name: INJECTION, email: 'real.person@example.org' }));
    expect(res.status).toBe(201);
    const messages = await ctx.db.selectFrom('outbox').select(['to_address', 'ics_method', 'ics_content']).where('ics_content', 'is not', null).execute();
    expect(messages.map((m) => [m.to_address, m.ics_method])).toEqual([['real.person@example.org', 'REQUEST']]);
    const ics = messages[0]!.ics_content!;
    expect(ics).not.toContain('RSVP=TRUE');
    const { attendees } = peopleOf(ics);
    expect(attendees).toEqual([
      {
        value: 'MAILTO:real.person@example.org',
        params: { role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED', rsvp: 'FALSE', cn: "x';RSVP=TRUE;CN='y:mailto:evil@evil.example" },
      },
    ]);
  });
});
