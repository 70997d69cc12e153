// Every time shown anywhere sits in <time datetime>: no clock time in the text outside one.
import { describe, expect, it } from 'vitest';
import { rotateSpeakerLink } from '../../src/speakers/speaker-access.service.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp } from '../helpers/test-app.js';

/** Text of the page outside <time> elements, tags and attributes removed. */
function textOutsideTimes(html: string): string {
  return html
    .replace(/<time\b[^>]*>[\s\S]*?<\/time>/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

describe('times on pages', () => {
  it('are all inside <time datetime> elements, on every public and private page', async () => {
    const ctx = await buildTestApp();
    const registered = await ctx.app.request(
      '/api/webinars/pilots-with-startups-norway/registrations',
      json({ ...VISITOR, question: 'Is 10:30 a good time?' }),
    );
    const personal = new URL(((await registered.json()) as { personalUrl: string }).personalUrl).pathname;
    const speaker = `/speaker/${await rotateSpeakerLink(ctx.db, ctx.clock, 'ingrid-haugen')}`;
    const pages = [
      '/',
      '/?tz=Asia/Shanghai',
      '/webinars/pilots-with-startups-norway',
      '/webinars/open-innovation-platforms-china?tz=America/Los_Angeles',
      '/areas/innovation-hubs',
      '/speakers/chen-jing',
      '/recordings',
      personal,
      speaker,
    ];
    for (const path of pages) {
      const res = await ctx.app.request(path);
      expect(res.status, path).toBe(200);
      // The attendee's own question may mention a time: it is their text, not a time we show.
      const text = textOutsideTimes(await res.text()).replace('Is 10:30 a good time?', '');
      // Offsets such as UTC+01:00 are not clock times.
      expect(text.match(/(?<![+-])\b\d{1,2}:\d{2}\b/g), path).toBeNull();
    }
  });
});
