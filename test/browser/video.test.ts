// Issue 14, item 5, in Chromium: a coordinator uploads a recording as a video file and attaches its
// captions in the workspace; on the webinar page the page's own player plays it with the caption
// track loaded, and seeks, the file answering byte ranges (206). Leaves a phone screenshot of the
// transcript and the webinar's preview image in .artifacts/ for the people reviewing it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { VIDEO_FIXTURES } from '../materials/material-helpers.js';
import { chromiumAvailable, describeFindings, measureOverflow, runAxe, signInAsAdmin, useBrowserSession } from './harness.js';

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome to the webinar.\n\n00:00:20.000 --> 00:00:24.000\nTwenty seconds in: the second part.\n';
const TITLE = 'Recording of the session (video file)';

type FileAnswer = { status: number; contentRange: string | null; range: string | null };

describe.skipIf(!chromiumAvailable())('a self-hosted recording in Chromium', { timeout: 90_000 }, () => {
  const session = useBrowserSession({}, { contextTimeoutMs: 20_000 });
  let slug: string;

  beforeAll(async () => {
    const html = await (await fetch(`${session.hub.url}/`)).text();
    slug = /href="\/webinars\/([a-z0-9-]+)"/.exec(html)![1]!;
  }, 60_000);

  async function signedIn(): Promise<Page> {
    const page = await session.open({ viewport: { width: 1280, height: 900 } });
    await signInAsAdmin(page);
    return page;
  }

  it('is uploaded with its captions in the workspace, then plays on the webinar page with the captions and seeks (206 answers)', async () => {
    const admin = await signedIn();
    await admin.goto(`/admin/webinars/${slug}#materials`);
    await admin.locator('#material-kind').selectOption('recording');
    await admin.locator('#material-title').fill(TITLE);
    await admin.locator('#material-file').setInputFiles(VIDEO_FIXTURES.mp4);
    await admin.getByRole('button', { name: 'Add material' }).click();
    await admin.waitForURL((u) => u.pathname === `/admin/webinars/${slug}`);
    const captionsForm = admin.locator('.captions-admin', { hasText: TITLE });
    await captionsForm.locator('input[type="file"]').setInputFiles({ name: 'session.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) });
    await captionsForm.getByRole('button', { name: 'Attach captions' }).click();
    await admin.waitForURL((u) => u.pathname === `/admin/webinars/${slug}`);

    const page = await session.open({ viewport: { width: 1280, height: 900 } });
    const answers: FileAnswer[] = [];
    page.on('response', async (response) => {
      if (!/\/materials\/\d+\/[^/]+\.mp4$/.test(new URL(response.url()).pathname)) return;
      answers.push({
        status: response.status(),
        contentRange: response.headers()['content-range'] ?? null,
        range: (await response.request().allHeaders()).range ?? null,
      });
    });
    await page.goto(`/webinars/${slug}`);
    const video = page.locator('#materials video', { has: page.locator('source[type="video/mp4"]') });
    await video.scrollIntoViewIfNeeded();
    // Metadata and the caption track, loaded by the player itself.
    await page.waitForFunction(`(() => {
      const video = document.querySelector('#materials video source[type="video/mp4"]').parentElement;
      const track = video.querySelector('track');
      return video.readyState >= 1 && track && track.readyState === 2;
    })()`);
    const loaded = (await page.evaluate(`(() => {
      const video = document.querySelector('#materials video source[type="video/mp4"]').parentElement;
      const track = video.textTracks[0];
      return { duration: video.duration, kind: track.kind, language: track.language, mode: track.mode, cues: [...track.cues].map((cue) => cue.text) };
    })()`)) as { duration: number; kind: string; language: string; mode: string; cues: string[] };
    expect(loaded.duration).toBeCloseTo(30, 0);
    expect(loaded).toMatchObject({
      kind: 'captions',
      language: 'en',
      mode: 'showing',
      cues: ['Welcome to the webinar.', 'Twenty seconds in: the second part.'],
    });

    // It plays (muted, as a page may start it without a gesture)…
    const played = (await page.evaluate(`(async () => {
      const video = document.querySelector('#materials video source[type="video/mp4"]').parentElement;
      video.muted = true;
      await video.play();
      await new Promise((resolve) => setTimeout(resolve, 1200));
      video.pause();
      return video.currentTime;
    })()`)) as number;
    expect(played).toBeGreaterThan(0.3);
    // …and seeks to 21 s, where the second caption is showing.
    const seeked = (await page.evaluate(`(async () => {
      const video = document.querySelector('#materials video source[type="video/mp4"]').parentElement;
      await new Promise((resolve) => { video.addEventListener('seeked', resolve, { once: true }); video.currentTime = 21; });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { at: video.currentTime, readyState: video.readyState, active: [...video.textTracks[0].activeCues].map((cue) => cue.text) };
    })()`)) as { at: number; readyState: number; active: string[] };
    expect(seeked.at).toBeCloseTo(21, 0);
    expect(seeked.readyState).toBeGreaterThanOrEqual(2);
    expect(seeked.active).toEqual(['Twenty seconds in: the second part.']);

    // Every answer to the player was a byte range, and it asked for a later part of the file
    // than the start (the player stops after the metadata, then asks from where it needs).
    expect(answers.length, JSON.stringify(answers)).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answers)).toBe(206);
      expect(answer.range, JSON.stringify(answers)).toMatch(/^bytes=\d+-\d*$/);
      expect(answer.contentRange, JSON.stringify(answers)).toMatch(/^bytes \d+-\d+\/905960$/);
    }
    expect(
      answers.some((answer) => !answer.contentRange!.startsWith('bytes 0-')),
      JSON.stringify(answers),
    ).toBe(true);

    // On a phone, with the transcript open: it fits, and axe finds nothing serious (axe's script
    // needs the page's CSP set aside; the player above ran under it). For the people reviewing
    // it, a screenshot of the transcript and the webinar's preview image.
    const phone = await session.open({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await phone.goto(`/webinars/${slug}`);
    const transcript = phone.locator('details.transcript').first();
    await transcript.locator('summary').click();
    await transcript.scrollIntoViewIfNeeded();
    const overflow = await measureOverflow(phone, 390);
    expect(overflow.scrollWidth, JSON.stringify(overflow)).toBeLessThanOrEqual(390);
    const findings = (await runAxe(phone)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    expect(findings, describeFindings('webinar page with a video and its transcript open', findings)).toEqual([]);
    mkdirSync(join('.artifacts', 'phones'), { recursive: true });
    await phone.screenshot({ path: join('.artifacts', 'phones', 'transcript.png') });
    const preview = await fetch(`${session.hub.url}/webinars/${slug}/preview.png`);
    expect(preview.headers.get('content-type')).toBe('image/png');
    writeFileSync(join('.artifacts', 'preview-webinar.png'), new Uint8Array(await preview.arrayBuffer()));
  });
});
