import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../helpers/ical.js';

const PATHS = [
  '/',
  '/?tz=America/New_York',
  '/webinars/partnership-models-new-york',
  '/webinars/open-innovation-platforms-china?tz=Asia/Shanghai',
  '/areas/innovation-hubs?tz=America/Los_Angeles',
  '/calendar.ics',
  '/areas/partnership-models/calendar.ics',
  '/webinars/pilots-with-startups-norway/calendar.ics',
];

function renderUnder(tz: string): Record<string, string> {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'test/helpers/render-snapshot.ts', ...PATHS], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: tz },
    encoding: 'utf8',
  });
  // UIDs are random per seeded database (they are data, not rendering), so they are set aside.
  const pages = JSON.parse(output) as Record<string, string>;
  return Object.fromEntries(Object.entries(pages).map(([path, page]) => [path, page.replace(/^UID:[^\r\n]+@webinar-hub/gm, 'UID:x')]));
}

describe('the process time zone', () => {
  it('does not change a single byte of the rendered pages', () => {
    const utc = renderUnder('UTC');
    expect(Object.keys(utc)).toEqual(PATHS);
    for (const page of Object.values(utc)) expect(page.startsWith('200\n')).toBe(true);
    for (const tz of ['Asia/Shanghai', 'America/Los_Angeles']) expect(renderUnder(tz)).toEqual(utc);
    // And the feeds resolve to the stored instants (the demo's Thursday sessions, seeded 2027-02-01).
    const feed = parseCalendar(utc['/calendar.ics']!.slice(4));
    expect(feed.events.map((e) => e.start).sort()).toEqual([
      '2026-12-17T16:00:00.000Z',
      '2027-01-21T08:00:00.000Z',
      '2027-02-18T13:00:00.000Z',
      '2027-03-18T14:00:00.000Z',
    ]);
  }, 60_000);
});
