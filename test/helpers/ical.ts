// Reads iCalendar text with ical.js, the parser Thunderbird uses, independent of our writer.
import ICAL from 'ical.js';

export type ParsedEvent = {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  status: string | null;
  start: string;
  end: string;
  startTzid: string | null;
  stamp: string;
  url: string | null;
  location: string | null;
  categories: string[];
  organizer: string | null;
  attendees: string[];
  alarms: number;
};

export function parseCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const events = component.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty('dtstart');
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startTzid: (dtstart?.getParameter('tzid') as string | undefined) ?? null,
      stamp: String(vevent.getFirstPropertyValue('dtstamp')),
      url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
      location: event.location ?? null,
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
      organizer: (vevent.getFirstPropertyValue('organizer') as string | null) ?? null,
      attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
      alarms: vevent.getAllSubcomponents('valarm').length,
    };
  });
  return {
    method: (component.getFirstPropertyValue('method') as string | null) ?? null,
    name: (component.getFirstPropertyValue('x-wr-calname') as string | null) ?? null,
    timezones: component.getAllSubcomponents('vtimezone').map((tz) => String(tz.getFirstPropertyValue('tzid'))),
    events,
  };
}

/** Lines are folded at 75 octets and never inside a UTF-8 character. */
export function foldingProblems(text: string): string[] {
  const problems: string[] = [];
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.toString('utf8') !== text) problems.push('not valid UTF-8');
  for (const line of text.split('\r\n')) {
    if (Buffer.byteLength(line, 'utf8') > 75) problems.push(`line longer than 75 octets: ${line.slice(0, 30)}`);
    if (line.includes('\uFFFD')) problems.push(`broken character in: ${line}`);
  }
  if (/[^\r]\n/.test(text)) problems.push('bare LF line ending');
  return problems;
}
