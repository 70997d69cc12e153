// Issue 14, item 5: a recording may be an uploaded video file, played in the page's own player with
// its captions and seekable: the file answers byte ranges (206), as players and resumed downloads ask.
import { describe, expect, it } from 'vitest';
import { requestedRange } from '../../src/http/byte-range.js';
import { FILE_CHUNK_BYTES, newStoredName, stageFile, sweepStagedFiles } from '../../src/materials/stored-files.js';
import { MAX_VIDEO_UPLOAD_BYTES, detectUploadType } from '../../src/materials/upload-check.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { createTestApiToken } from '../helpers/admin-session.js';
import { all, parse } from '../helpers/dom.js';
import { json } from '../helpers/forms.js';
import { TEST_BASE_URL, buildTestApp } from '../helpers/test-app.js';
import { NOW, PAST_CVC, VIDEO_SAMPLES, chunkSizes, registerBefore, storedFiles } from './material-helpers.js';

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome to the webinar.\n\n00:00:20.000 --> 00:00:24.000\nTwenty seconds in.\n';

async function withUploadedVideo(options: { visibility?: 'public' | 'attendees' } = {}) {
  const ctx = await buildTestApp({ now: NOW });
  const auth = { authorization: `Bearer ${await createTestApiToken(ctx)}` };
  const body = new FormData();
  body.set('kind', 'recording');
  body.set('title', 'Recording of the session');
  if (options.visibility) body.set('visibility', options.visibility);
  body.set('file', new File([VIDEO_SAMPLES.mp4], 'CVC session.mp4', { type: 'video/mp4' }));
  const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, { method: 'POST', body, headers: auth });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { id: number; url: string | null; file: { name: string; contentType: string; sizeBytes: number } };
  return { ctx, auth, created, path: `/materials/${created.id}/${encodeURIComponent(created.file.name)}` };
}

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
/** Byte for byte (toEqual compares a 900 KB array element by element, for seconds). */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array, what: string) {
  expect(actual.length, what).toBe(expected.length);
  expect(Buffer.from(actual).equals(Buffer.from(expected)), what).toBe(true);
}

describe('video files', () => {
  it('are told apart by their bytes: MP4 and WebM are videos, QuickTime and Matroska are not', () => {
    expect(detectUploadType(VIDEO_SAMPLES.mp4)).toEqual({ contentType: 'video/mp4', extension: 'mp4', label: 'MP4 video' });
    expect(detectUploadType(VIDEO_SAMPLES.webm)).toEqual({ contentType: 'video/webm', extension: 'webm', label: 'WebM video' });
    const quickTime = VIDEO_SAMPLES.mp4.slice(0, 64);
    quickTime.set(new TextEncoder().encode('qt  \0\0\0\0qt  qt  qt  '), 8);
    expect(detectUploadType(quickTime)).toBeUndefined();
    const matroska = VIDEO_SAMPLES.webm.slice(0, 64);
    matroska.set(new TextEncoder().encode('matr'), matroska.indexOf(0x77 /* w of webm */));
    expect(detectUploadType(matroska)).toBeUndefined();
  });

  it('are uploaded as a recording, stored in pieces, and played in the page’s own player with their captions', async () => {
    const { ctx, auth, created, path } = await withUploadedVideo();
    expect(created.file).toEqual({ name: 'CVC session.mp4', contentType: 'video/mp4', sizeBytes: VIDEO_SAMPLES.mp4.length });
    const [name] = await storedFiles(ctx.db);
    expect(name).toMatch(/^[0-9a-f]{32}\.mp4$/);
    expect((await chunkSizes(ctx.db, name!)).length).toBe(Math.ceil(VIDEO_SAMPLES.mp4.length / FILE_CHUNK_BYTES));
    const captions = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials/${created.id}/captions`, json({ language: 'en', vtt: VTT }, auth));
    expect(captions.status).toBe(201);

    const page = parse(await (await ctx.app.request(`/webinars/${PAST_CVC}`)).text());
    const [video] = all(page, '#materials video');
    expect(video).toBeDefined();
    expect(video!.getAttribute('controls')).not.toBeNull();
    expect(all(video!, 'source').map((source) => [source.getAttribute('src'), source.getAttribute('type')])).toEqual([[path, 'video/mp4']]);
    expect(all(video!, 'track').map((track) => [track.getAttribute('kind'), track.getAttribute('srclang')])).toEqual([['captions', 'en']]);
    // The file can be kept as well, with its size said.
    expect(all(page, `#materials a[href="${path}"][download]`).map((link) => link.textContent)).toContain('Download: Recording of the session');
  });

  it('answer a byte range with 206 and exactly those bytes, from any piece, and say they accept ranges', async () => {
    const { ctx, path } = await withUploadedVideo();
    const video = VIDEO_SAMPLES.mp4;
    const size = video.length;

    const whole = await ctx.app.request(path);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('content-disposition')).toMatch(/^inline; filename="CVC session.mp4"/);
    expectSameBytes(await bytesOf(whole), video, 'the whole file');

    // Within the first piece, across a piece boundary, open-ended, and the last bytes.
    const boundary = FILE_CHUNK_BYTES;
    for (const [header, start, end] of [
      ['bytes=0-99', 0, 99],
      [`bytes=${boundary - 10}-${boundary + 9}`, boundary - 10, boundary + 9],
      [`bytes=${boundary + 5}-`, boundary + 5, size - 1],
      ['bytes=-500', size - 500, size - 1],
      [`bytes=100-${size + 1000}`, 100, size - 1],
    ] as const) {
      const res = await ctx.app.request(path, { headers: { range: header } });
      expect(res.status, header).toBe(206);
      expect(res.headers.get('content-range'), header).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers.get('content-length'), header).toBe(String(end - start + 1));
      expectSameBytes(await bytesOf(res), video.subarray(start, end + 1), header);
    }

    const head = await ctx.app.request(path, { method: 'HEAD', headers: { range: 'bytes=10-19' } });
    expect([head.status, head.headers.get('content-range'), await head.text()]).toEqual([206, `bytes 10-19/${size}`, '']);
  });

  it('answer a range past the end with 416, and several ranges or a changed file (If-Range) with the whole file', async () => {
    const { ctx, path } = await withUploadedVideo();
    const size = VIDEO_SAMPLES.mp4.length;
    const past = await ctx.app.request(path, { headers: { range: `bytes=${size}-` } });
    expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${size}`]);

    const several = await ctx.app.request(path, { headers: { range: 'bytes=0-9,20-29' } });
    expect(several.status).toBe(200);
    expect((await bytesOf(several)).length).toBe(size);
    const other = await ctx.app.request(path, { headers: { range: 'items=0-9' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();

    const etag = (await ctx.app.request(path, { method: 'HEAD' })).headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const current = await ctx.app.request(path, { headers: { range: 'bytes=0-9', 'if-range': etag } });
    expect(current.status).toBe(206);
    await current.arrayBuffer();
    const changed = await ctx.app.request(path, { headers: { range: 'bytes=0-9', 'if-range': '"something-else"' } });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
    const revalidated = await ctx.app.request(path, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
  });

  it('keep attendees-only videos behind the attendee’s link, with ranges there too', async () => {
    const { ctx, created } = await withUploadedVideo({ visibility: 'attendees' });
    const file = `materials/${created.id}/${encodeURIComponent(created.file.name)}`;
    expect((await ctx.app.request(`/${file}`)).status).toBe(404);
    const attendee = await registerBefore(
      { clock: ctx.clock, deps: { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL } },
      [PAST_CVC],
      'li.na@example.org',
    );
    const res = await ctx.app.request(`/my/${attendee.token}/${file}`, { headers: { range: 'bytes=4-11' } });
    expect(res.status).toBe(206);
    expect(new TextDecoder().decode(await bytesOf(res))).toBe('ftypisom');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuse slides that are a video, a recording that is not one, and a video over 2 GB, storing nothing', async () => {
    const ctx = await buildTestApp({ now: NOW });
    const auth = { authorization: `Bearer ${await createTestApiToken(ctx)}` };
    const send = async (kind: string, file: File) => {
      const body = new FormData();
      body.set('kind', kind);
      body.set('title', 'T');
      body.set('file', file);
      const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, { method: 'POST', body, headers: auth });
      return { status: res.status, body: (await res.json()) as { fields?: Record<string, string> } };
    };
    expect(await send('slides', new File([VIDEO_SAMPLES.mp4], 'talk.mp4'))).toEqual({
      status: 422,
      body: expect.objectContaining({ fields: { file: 'This is a video: add it as a recording (choose “Recording” as the kind).' } }),
    });
    expect((await send('recording', new File(['%PDF-1.4\n'], 'talk.mp4'))).body.fields?.file).toMatch(/^A recording must be a video file: MP4 or WebM\./);
    expect(await storedFiles(ctx.db)).toEqual([]);
    // A streamed file over 2 GB was only counted (keeping 2 GB to refuse it would fill a disk).
    const huge = { name: 'talk.mp4', sizeBytes: MAX_VIDEO_UPLOAD_BYTES + 1, maxBytes: MAX_VIDEO_UPLOAD_BYTES, path: '', type: undefined };
    const refused = validateMaterial({ kind: 'recording', title: 'T' }, huge);
    expect(refused.ok ? undefined : refused.errors.file).toBe(
      'The video is larger than 2 GB. Publish it as a link to where it is hosted (https://…/recording.mp4) instead.',
    );
  });
});

describe('HLS streams', () => {
  it('play in the page’s own player: natively where the browser can, through the hub’s hls.js elsewhere', async () => {
    const ctx = await buildTestApp({ now: NOW });
    const auth = { authorization: `Bearer ${await createTestApiToken(ctx)}` };
    const stream = 'https://media.example.cn/cvc/index.m3u8';
    const added = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, json({ kind: 'recording', title: 'Recording (stream)', url: stream }, auth));
    expect(added.status).toBe(201);
    const res = await ctx.app.request(`/webinars/${PAST_CVC}`);
    // hls.js plays through a MediaSource (blob:) and fetches the stream from its host.
    expect(res.headers.get('content-security-policy')).toContain("media-src 'self' https: blob:");
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' https:");
    const page = parse(await res.text());
    const [video] = all(page, '#materials video[data-hls]');
    expect(video?.getAttribute('data-hls')).toBe(stream);
    expect(all(video!, 'source').map((source) => [source.getAttribute('src'), source.getAttribute('type')])).toEqual([
      [stream, 'application/vnd.apple.mpegurl'],
    ]);
    expect(all(page, `#materials a[href="${stream}"]`).map((link) => link.textContent)).toContain('Open the stream “Recording (stream)”');

    const script = await ctx.app.request('/assets/hls.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = await script.text();
    expect(source).toContain('.Hls=');
    expect(source).not.toContain('sourceMappingURL');
    expect((await ctx.app.request('/assets/hls.js', { headers: { 'if-none-match': script.headers.get('etag')! } })).status).toBe(304);
  });
});

describe('staged files', () => {
  it('are removed by the sweep once a day old when no material names them; named, young and photo files stay', async () => {
    const { ctx } = await withUploadedVideo();
    const now = new Date('2027-02-01T12:00:00Z');
    const old = newStoredName('mp4', new Date(now.getTime() - 25 * 60 * 60_000));
    const young = newStoredName('webm', new Date(now.getTime() - 60 * 60_000));
    await stageFile(ctx.db, old, { bytes: VIDEO_SAMPLES.webm });
    await stageFile(ctx.db, young, { bytes: VIDEO_SAMPLES.webm });
    const before = await storedFiles(ctx.db);
    expect(before).toHaveLength(3);
    expect(await sweepStagedFiles(ctx.db, now)).toBe(1);
    expect(await storedFiles(ctx.db)).toEqual(before.filter((name) => name !== old));
  });
});

describe('requestedRange', () => {
  it('reads one bytes range, ignores what it cannot serve, and says when nothing of it exists', () => {
    expect(requestedRange(undefined, 100)).toBeUndefined();
    expect(requestedRange('bytes=0-0', 100)).toEqual({ start: 0, end: 0 });
    expect(requestedRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(requestedRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(requestedRange('bytes=-1000', 100)).toEqual({ start: 0, end: 99 });
    expect(requestedRange('bytes=50-4000', 100)).toEqual({ start: 50, end: 99 });
    expect(requestedRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(requestedRange('bytes=-0', 100)).toBe('unsatisfiable');
    for (const ignored of ['bytes=5-1', 'bytes=-', 'bytes=a-b', 'bytes=0-1,5-6', 'pages=1-2', 'bytes=99999999999999999999-']) {
      expect(requestedRange(ignored, 100), ignored).toBeUndefined();
    }
  });
});
