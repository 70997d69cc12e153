// YouTube is blocked in mainland China: the workspace says so when a recording is only on YouTube,
// and stops saying it once the same recording has a directly hosted video file; the page offers both.
import { describe, expect, it } from 'vitest';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { all, parse } from '../helpers/dom.js';
import { json } from '../helpers/forms.js';
import { buildTestApp } from '../helpers/test-app.js';

const PAST = 'corporate-venture-capital-silicon-valley';

describe('a second source for viewers in mainland China', () => {
  it('is asked for while a recording is only on YouTube, and the webinar page then offers both', async () => {
    const ctx = await buildTestApp();
    const auth = { authorization: `Bearer ${await createTestApiToken(ctx)}` };
    const session = await signInAsCoordinator(ctx);
    const panel = async () => parse(await (await ctx.app.request(`/admin/webinars/${PAST}`, { headers: session.headers() })).text());
    const add = async (title: string, url: string) =>
      expect((await ctx.app.request(`/api/webinars/${PAST}/materials`, json({ kind: 'recording', title, url }, auth))).status).toBe(201);

    expect(all(await panel(), '#youtube-china')).toHaveLength(0);
    await add('Recording', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const warned = all(await panel(), '#youtube-china');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.textContent).toContain('YouTube does not reach viewers in mainland China');

    await add('Recording (video file)', 'https://media.example.org/cvc.mp4');
    expect(all(await panel(), '#youtube-china')).toHaveLength(0);
    const page = parse(await (await ctx.app.request(`/webinars/${PAST}`)).text());
    expect(all(page, '#materials iframe[src^="https://www.youtube-nocookie.com/embed/"]')).toHaveLength(1);
    expect(all(page, '#materials video source[src="https://media.example.org/cvc.mp4"][type="video/mp4"]')).toHaveLength(1);
  });
});
