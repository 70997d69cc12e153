// Feed polls and health checks are answered before the router (src/http/front-door.ts): with the
// router's own answers, and only when the answer is known without waiting.
import { describe, expect, it } from 'vitest';
import { frontDoor } from '../../src/http/front-door.js';
import type { DataVersion } from '../../src/db/data-version.js';
import { buildTestApp } from '../helpers/test-app.js';

const FEEDS = ['/calendar.ics', '/areas/partnership-models/calendar.ics', '/webinars/pilots-with-startups-norway/calendar.ics'];
const headersOf = (res: Response) => [...res.headers].sort();

describe('the front door', () => {
  for (const path of FEEDS) {
    it(`answers a poll of ${path} with the router's 304`, async () => {
      const ctx = await buildTestApp();
      const feed = await ctx.app.request(path);
      expect(feed.status).toBe(200);
      // If-Modified-Since alone is left to the router; If-None-Match is answered at the door.
      const routed = await ctx.app.request(path, { headers: { 'if-modified-since': feed.headers.get('last-modified')! } });
      const atTheDoor = await ctx.app.request(path, { headers: { 'if-none-match': `"other", ${feed.headers.get('etag')}` } });
      expect([routed.status, atTheDoor.status]).toEqual([304, 304]);
      expect(headersOf(atTheDoor)).toEqual(headersOf(routed));
      expect(await atTheDoor.text()).toBe('');
    });
  }

  it('sends the whole feed when the client has an older one, and after a change', async () => {
    const ctx = await buildTestApp();
    const stale = await ctx.app.request('/calendar.ics', { headers: { 'if-none-match': '"an-old-version"' } });
    expect(stale.status).toBe(200);
    const etag = stale.headers.get('etag')!;
    await ctx.db.updateTable('webinar').set({ title: 'Renamed at the door' }).where('slug', '=', 'pilots-with-startups-norway').execute();
    const changed = await ctx.app.request('/calendar.ics', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Renamed at the door');
  });

  const version: DataVersion = { content: 1, seats: 1 };
  const cache = (now: DataVersion | undefined, etag = '"kept"') => ({
    version: Object.assign(async () => version, { now: () => now }),
    feedNow: <V>(key: string) => (key === 'programme' ? ({ validators: { etag } } as unknown as { validators: V }) : undefined) as never,
  });
  const ask = (path: string, init: RequestInit = {}) => new Request(`http://hub.test${path}`, init);

  it('leaves everything else to the router', () => {
    const door = frontDoor(cache(version));
    const poll = { headers: { 'if-none-match': '"kept"' } };
    expect(door(ask('/calendar.ics', poll), undefined)?.status).toBe(304);
    expect(door(ask('/calendar.ics', { ...poll, method: 'HEAD' }), undefined)?.status).toBe(304);
    expect(door(ask('/calendar.ics', { ...poll, method: 'POST' }), undefined)).toBeUndefined();
    expect(door(ask('/calendar.ics'), undefined)).toBeUndefined();
    expect(door(ask('/calendar.ics', { headers: { 'if-none-match': '"other"' } }), undefined)).toBeUndefined();
    expect(door(ask('/areas/unknown/calendar.ics', poll), undefined)).toBeUndefined();
    expect(door(ask('/areas/a%2Fb/calendar.ics', poll), undefined)).toBeUndefined();
    expect(door(ask('/my/some-token/calendar.ics', poll), undefined)).toBeUndefined();
    expect(door(ask('/', poll), undefined)).toBeUndefined();
  });

  it('answers /healthz only when the database was read without waiting, and never with an error', async () => {
    const healthy = frontDoor(cache(version))(ask('/healthz'), undefined);
    expect([healthy?.status, healthy?.headers.get('content-type'), await healthy?.json()]).toEqual([200, 'application/json', { status: 'ok' }]);
    // PostgreSQL's read has to be awaited: the router's /healthz does it.
    expect(frontDoor(cache(undefined))(ask('/healthz'), undefined)).toBeUndefined();
    const failing = {
      ...cache(version),
      version: Object.assign(async () => version, {
        now: (): DataVersion => {
          throw new Error('disk I/O error');
        },
      }),
    };
    expect(frontDoor(failing)(ask('/healthz'), undefined)).toBeUndefined();
  });

  it('reads the poll from Node’s parsed headers when the server passes them', () => {
    const door = frontDoor(cache(version));
    const incoming = { headers: { 'if-none-match': '"kept"' } };
    expect(door(ask('/calendar.ics'), { incoming })?.status).toBe(304);
  });
});
