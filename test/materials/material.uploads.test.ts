// Uploads are streamed to a temporary file while they are counted and checked, stored from it piece
// by piece, and the file is removed whatever happens; the workspace form's CSRF token is checked
// before any of its file is kept.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UPLOAD_BODY_LIMIT } from '../../src/materials/material.routes.js';
import { FILE_CHUNK_BYTES } from '../../src/materials/stored-files.js';
import { MAX_UPLOAD_BYTES } from '../../src/materials/upload-check.js';
import { receiveUploadForm } from '../../src/materials/upload-receiver.js';
import { signInAsCoordinator } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/test-app.js';
import { refuseInserts } from '../helpers/test-database.js';
import { PAST_CVC, SAMPLES, buildMaterialsApp, chunkSizes, storedFiles, type MaterialsCtx } from './material-helpers.js';
import { sha256Of, streamedForm } from './upload-client.js';

const MB = 1024 * 1024;
const TOO_LARGE_FILE = 'The file is larger than 50 MB. Upload a video as a recording (up to 2 GB), or publish large files as a link.';
const TOO_LARGE_REQUEST = 'The request is too large (at most 51 MB).';
/** A slides form's body limit, once its kind is read: the 50 MB file and 1 MB for the rest. */
const SLIDES_BODY_LIMIT = MAX_UPLOAD_BYTES + MB;
const FORGED = 'This form has expired or was not sent from the workspace. Reload the page and send it again.';

async function counts(ctx: Pick<MaterialsCtx, 'db'>) {
  const [materials, pieces] = await Promise.all([
    ctx.db.selectFrom('material').select('id').execute(),
    ctx.db.selectFrom('file_chunk').select('seq').execute(),
  ]);
  return { materials: materials.length, pieces: pieces.length };
}

describe('uploads streamed to a temporary file', () => {
  it('stores an upload from its temporary file in 512 KiB pieces, byte for byte, and removes the file', async () => {
    const ctx = await buildMaterialsApp();
    let tempFilesWhileSending = 0;
    const form = streamedForm(
      [
        { name: 'kind', value: 'slides' },
        { name: 'title', value: 'Deck' },
        { name: 'file', fileName: 'deck.pdf', sizeBytes: 3 * MB + 5 },
      ],
      {
        onPull: () => (tempFilesWhileSending = Math.max(tempFilesWhileSending, ctx.tempFiles().length)),
      },
    );
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, form.init);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number; file: { sizeBytes: number; contentType: string } };
    expect(created.file).toEqual({ name: 'deck.pdf', contentType: 'application/pdf', sizeBytes: 3 * MB + 5 });
    expect(tempFilesWhileSending).toBe(1);
    expect(ctx.tempFiles()).toEqual([]);

    const [row] = await ctx.db.selectFrom('material').select('file_name').execute();
    expect(await chunkSizes(ctx.db, row!.file_name!)).toEqual([...Array(6).fill(FILE_CHUNK_BYTES), 5]);
    const download = await ctx.app.request(`/materials/${created.id}/deck.pdf`);
    expect(await sha256Of(download)).toEqual({ sha256: form.sha256(), bytes: 3 * MB + 5 });
  });

  it('detects a PowerPoint from the directory at the end of its temporary file', async () => {
    const ctx = await buildMaterialsApp();
    const body = new FormData();
    body.set('kind', 'slides');
    body.set('title', 'Deck');
    body.set('file', new File([SAMPLES.pptx], 'deck.pdf'));
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, { method: 'POST', body });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { file: unknown }).file).toEqual({
      name: 'deck.pptx',
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      sizeBytes: SAMPLES.pptx.length,
    });
    expect(ctx.tempFiles()).toEqual([]);
  });

  it('answers a file just over 50 MB as before (413 from the API, the form again in the workspace), keeping nothing', async () => {
    const ctx = await buildMaterialsApp();
    const parts = (title: string) => [
      { name: 'kind', value: 'slides' },
      { name: 'file', fileName: 'big.pdf', sizeBytes: MAX_UPLOAD_BYTES + 1 },
      { name: 'title', value: title },
    ];
    const api = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, streamedForm(parts('Big')).init);
    expect(api.status).toBe(413);
    expect(await api.json()).toEqual({ error: TOO_LARGE_FILE, fields: { file: TOO_LARGE_FILE } });

    // The fields after the file still arrive: the form comes back with them.
    const page = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials`, streamedForm(parts('Kept title')).init);
    expect(page.status).toBe(422);
    const html = await page.text();
    expect(html).toContain(TOO_LARGE_FILE);
    expect(html).toContain('value="Kept title"');
    expect(ctx.tempFiles()).toEqual([]);
    expect(await counts(ctx)).toEqual({ materials: 0, pieces: 0 });
  });

  it('stops reading a body without Content-Length as soon as it passes 51 MB, and keeps nothing', async () => {
    const ctx = await buildMaterialsApp();
    const endless = streamedForm([
      { name: 'kind', value: 'slides' },
      { name: 'title', value: 'Endless' },
      { name: 'file', fileName: 'endless.pdf', sizeBytes: Infinity },
    ]);
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, endless.init);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: TOO_LARGE_REQUEST, fields: { file: TOO_LARGE_FILE } });
    expect(endless.cancelled()).toBe(true);
    expect(endless.pulled()).toBeGreaterThan(SLIDES_BODY_LIMIT);
    expect(endless.pulled()).toBeLessThanOrEqual(SLIDES_BODY_LIMIT + 64 * 1024);

    const page = await ctx.app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      streamedForm([{ name: 'file', fileName: 'endless.pdf', sizeBytes: Infinity }]).init,
    );
    expect(page.status).toBe(413);
    expect(await page.text()).toContain(TOO_LARGE_REQUEST);
    expect(ctx.tempFiles()).toEqual([]);
    expect(await counts(ctx)).toEqual({ materials: 0, pieces: 0 });
  });

  it('refuses a slides form that declares more than 51 MB once its kind is read, after at most the first piece of its file', async () => {
    const ctx = await buildMaterialsApp();
    const form = streamedForm(
      [
        { name: 'kind', value: 'slides' },
        { name: 'file', fileName: 'big.pdf', sizeBytes: 60 * MB },
      ],
      { headers: { 'content-length': String(60 * MB) } },
    );
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, form.init);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: TOO_LARGE_REQUEST, fields: { file: TOO_LARGE_FILE } });
    // The kind and the file part's header, and at most the first piece of the file.
    expect(form.pulled()).toBeLessThanOrEqual(64 * 1024 + 1024);
    expect(ctx.tempFiles()).toEqual([]);
  });

  it('refuses any form that declares more than the largest video before reading any of it', async () => {
    const ctx = await buildMaterialsApp();
    const declared = UPLOAD_BODY_LIMIT + 1;
    const form = streamedForm([{ name: 'file', fileName: 'big.mp4', sizeBytes: 60 * MB }], { headers: { 'content-length': String(declared) } });
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, form.init);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'The request is too large (at most 2 GB).',
      fields: { file: 'The video is larger than 2 GB. Publish it as a link to where it is hosted (https://…/recording.mp4) instead.' },
    });
    expect(form.pulled()).toBe(0);
  });

  it('leaves no temporary file and no row when the upload breaks off in the middle', async () => {
    const ctx = await buildMaterialsApp();
    let tempFilesWhileSending = 0;
    const broken = streamedForm(
      [
        { name: 'kind', value: 'slides' },
        { name: 'title', value: 'Cut off' },
        { name: 'file', fileName: 'cut.pdf', sizeBytes: 20 * MB },
      ],
      {
        failAfterBytes: 5 * MB,
        onPull: () => (tempFilesWhileSending = Math.max(tempFilesWhileSending, ctx.tempFiles().length)),
      },
    );
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, broken.init);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'The form could not be read.', fields: { body: 'The form could not be read.' } });
    expect(tempFilesWhileSending).toBe(1);
    expect(ctx.tempFiles()).toEqual([]);
    expect(await counts(ctx)).toEqual({ materials: 0, pieces: 0 });
    expect(ctx.logged).toEqual([]);
  });

  it('removes the temporary file when storing fails, and keeps neither the pieces nor the row', async () => {
    const ctx = await buildMaterialsApp();
    await refuseInserts(ctx.db, 'material', 'disk full');
    const form = streamedForm([
      { name: 'kind', value: 'slides' },
      { name: 'title', value: 'Deck' },
      { name: 'file', fileName: 'deck.pdf', sizeBytes: 2 * MB },
    ]);
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, form.init);
    expect(res.status).toBe(500);
    expect(ctx.tempFiles()).toEqual([]);
    expect(await counts(ctx)).toEqual({ materials: 0, pieces: 0 });
  });

  it('answers 500 and logs it when the temporary folder cannot be written, storing nothing', async () => {
    const ctx = await buildMaterialsApp();
    rmSync(ctx.uploadDir, { recursive: true });
    const form = streamedForm([
      { name: 'kind', value: 'slides' },
      { name: 'title', value: 'Deck' },
      { name: 'file', fileName: 'deck.pdf', sizeBytes: 2 * MB },
    ]);
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, form.init);
    expect(res.status).toBe(500);
    expect(ctx.logged.map((entry) => [entry.message, (entry.error as NodeJS.ErrnoException).code])).toEqual([
      [`Unhandled error on POST /api/webinars/${PAST_CVC}/materials`, 'ENOENT'],
    ]);
    expect(form.cancelled()).toBe(true);
    expect(await counts(ctx)).toEqual({ materials: 0, pieces: 0 });
  });

  it('refuses a second file with 422, as before, and keeps neither', async () => {
    const ctx = await buildMaterialsApp();
    const form = streamedForm([
      { name: 'kind', value: 'slides' },
      { name: 'title', value: 'Two' },
      { name: 'file', fileName: 'one.pdf', sizeBytes: 100_000 },
      { name: 'file', fileName: 'two.pdf', sizeBytes: 100_000 },
    ]);
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, form.init);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'Upload one file at a time.', fields: { file: 'Upload one file at a time.' } });
    expect(ctx.tempFiles()).toEqual([]);
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('reads the fields as parseBody did: a repeated name is a list, `_csrf` and a text `file` are no fields, other files are skipped', async () => {
    const ctx = await buildMaterialsApp();
    const body = new FormData();
    body.append('_csrf', 'token');
    body.append('title', 'Slides');
    body.append('tag', 'a');
    body.append('tag', 'b');
    body.append('areas[]', 'x');
    body.append('file', 'not a file');
    body.append('photo', new File(['GIF89a'], 'photo.gif'));
    body.append('file', new File(['Översikt'], 'Översikt.pdf'));
    const seen: Array<string | undefined> = [];
    const form = await receiveUploadForm(new Request('http://hub.test/', { method: 'POST', body }), {
      dir: ctx.uploadDir,
      maxFileBytes: MAX_UPLOAD_BYTES,
      maxBodyBytes: UPLOAD_BODY_LIMIT,
      bodyTooLarge: () => new Error('too large'),
      checkToken: (sent) => seen.push(sent),
    });
    try {
      expect(form.input).toEqual({ title: 'Slides', tag: ['a', 'b'], 'areas[]': ['x'] });
      expect(form.file).toEqual({
        name: 'Översikt.pdf',
        sizeBytes: 9,
        maxBytes: MAX_UPLOAD_BYTES,
        path: expect.stringContaining(ctx.uploadDir),
        type: undefined,
      });
      expect(seen).toEqual(['token']);
      expect(ctx.tempFiles()).toHaveLength(1);
    } finally {
      await form.dispose();
    }
    expect(ctx.tempFiles()).toEqual([]);
  });
});

describe('the workspace upload form through the whole app', () => {
  const path = `/admin/webinars/${PAST_CVC}/materials`;
  const fields = [
    { name: 'kind', value: 'slides' },
    { name: 'title', value: 'Slides' },
    { name: 'visibility', value: 'public' },
  ];
  const file = { name: 'file', fileName: 'slides.pdf', sizeBytes: 4 * MB };

  it('stores the form when `_csrf` comes first, as the workspace sends it', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const form = streamedForm([{ name: '_csrf', value: session.csrf }, ...fields, file], { headers: session.headers() });
    const res = await ctx.app.request(path, form.init);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}#materials`);
    expect(await counts(ctx)).toEqual({ materials: 1, pieces: 8 });
  });

  it('takes the token from the x-csrf-token header as well', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const res = await ctx.app.request(path, streamedForm([...fields, file], { headers: session.headers({ 'x-csrf-token': session.csrf }) }).init);
    expect(res.status).toBe(303);
    expect(await counts(ctx)).toEqual({ materials: 1, pieces: 8 });
  });

  it('refuses a wrong, missing or late token before reading the file', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const forms = {
      wrong: streamedForm([{ name: '_csrf', value: 'forged' }, ...fields, file], { headers: session.headers() }),
      missing: streamedForm([...fields, file], { headers: session.headers() }),
      twice: streamedForm([{ name: '_csrf', value: session.csrf }, { name: '_csrf', value: session.csrf }, ...fields, file], { headers: session.headers() }),
      // After the file, the token would come too late to keep the file from being written.
      late: streamedForm([...fields, file, { name: '_csrf', value: session.csrf }], { headers: session.headers() }),
    };
    for (const [name, form] of Object.entries(forms)) {
      const res = await ctx.app.request(path, form.init);
      expect(res.status, name).toBe(403);
      expect(await res.text(), name).toContain(FORGED);
      // The part headers and at most the first chunk of the file.
      expect(form.pulled(), name).toBeLessThan(200 * 1024);
      expect(form.cancelled(), name).toBe(true);
    }
    expect(await counts(ctx)).toEqual({ materials: 0, pieces: 0 });
  });

  it('refuses a form from another site before reading any of it', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const form = streamedForm([{ name: '_csrf', value: session.csrf }, ...fields, file], { headers: session.headers({ origin: 'https://evil.example' }) });
    const res = await ctx.app.request(path, form.init);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('This form was sent from another site, so it was refused.');
    expect(form.pulled()).toBe(0);
    expect(await counts(ctx)).toEqual({ materials: 0, pieces: 0 });
  });

  it('asks to sign in before reading anything', async () => {
    const ctx = await buildTestApp();
    const form = streamedForm([...fields, file]);
    const res = await ctx.app.request(path, form.init);
    expect(res.status).toBe(401);
    expect(form.pulled()).toBe(0);
  });
});
