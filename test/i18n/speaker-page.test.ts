// The speaker's own page in Swedish: the page's words, the audience's clocks and the forms, with
// every time exactly as in English.
import { describe, expect, it } from 'vitest';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { rotateSpeakerLink } from '../../src/speakers/speaker-access.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, datetimes } from '../helpers/test-app.js';
import { leftoverEnglish } from './leftover-english.js';

const SLUG = 'open-innovation-platforms-china';

describe('the private speaker page in Swedish', () => {
  it('speaks Swedish, with the same instants as in English', async () => {
    const ctx = await buildTestApp({ languages: ['en', 'sv'] });
    const start = resolveLocalTime({ local: '2027-03-18T09:00', zone: 'Europe/Stockholm' });
    if (!start.ok) throw new Error(start.error.message);
    await updateWebinar(ctx.db, ctx.clock, SLUG, { start: start.value });
    for (const [email, timezone] of [
      ['a@example.se', 'Europe/Stockholm'],
      ['b@example.cn', 'Asia/Shanghai'],
    ] as const) {
      expect((await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email, timezone }, { 'x-test': email }))).status).toBe(201);
    }
    const token = await rotateSpeakerLink(ctx.db, ctx.clock, 'chen-jing');
    const english = await (await ctx.app.request(`/speaker/${token}`, { headers: { 'accept-language': 'en' } })).text();
    const res = await ctx.app.request(`/speaker/${token}`, { headers: { 'accept-language': 'sv-SE' } });
    const swedish = await res.text();
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(swedish).toContain('<html lang="sv"');
    expect(swedish).toContain('Dina sessioner, Chen Jing');
    expect(swedish).toContain('Din roll: talare · 2 anmälda');
    expect(swedish).toMatch(/för 1 deltagare i Stockholm/);
    expect(swedish).toContain('Teknikkontroll');
    expect(datetimes(swedish)).toEqual(datetimes(english));
    expect(leftoverEnglish(swedish, 'speakers.')).toEqual([]);
    expect(leftoverEnglish(swedish, 'shell.')).toEqual([]);
    // A zone that is no zone: the message comes back on the Swedish page, nothing saved.
    const refused = await ctx.app.request(`/speaker/${token}/zone`, {
      method: 'POST',
      headers: { 'accept-language': 'sv', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'timezone=Nowhere%2FLand',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('<html lang="sv"');
  });
});
