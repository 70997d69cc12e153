// The page headers agree with each other and with the public address: no framing at all (CSP and
// X-Frame-Options), and HSTS only when BASE_URL is https.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { fixedClock } from '../../src/clock.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { openTestDatabase } from '../helpers/test-database.js';

async function appAt(baseUrl: string) {
  const clock = fixedClock('2027-02-01T12:00:00Z');
  const db = await openTestDatabase();
  await seedDatabase(db, clock, { demo: true });
  return createApp({ db, clock, baseUrl, log: () => undefined });
}

const PAGES = ['/', '/webinars/pilots-with-startups-norway', '/admin/login'];

describe('page headers', () => {
  it.each(PAGES)('%s: framing refused by both headers, HSTS with an https BASE_URL', async (path) => {
    const app = await appAt('https://webinars.example.org');
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
  });

  it.each(PAGES)('%s: no HSTS with an http BASE_URL, framing still refused', async (path) => {
    const app = await appAt('http://127.0.0.1:3000');
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
