// Speakers' photos uploaded in the workspace and through the API: checked by content, stored in the
// database, served at a content-addressed address with the right type and validators, shown on the
// public pages at once, replaced by a link or removed; refusals store nothing.
import { describe, expect, it } from 'vitest';
import { photoHash } from '../../src/programme/speaker-photo.service.js';
import { createTestApiToken, signInAsCoordinator, type AdminSession } from '../helpers/admin-session.js';
import { all, one, parse, textOf } from '../helpers/dom.js';
import { TEST_BASE_URL, buildTestApp, tableCounts } from '../helpers/test-app.js';
import { JPEG_3X2, SVG_IMAGE, WEBP_LOSSY_3X2, pngImage } from '../programme/photo-fixtures.js';

const SPEAKER = 'ingrid-haugen';
const NAME = 'Ingrid Haugen';
/** Ingrid Haugen's webinar, upcoming and published at the test clock. */
const WEBINAR = 'pilots-with-startups-norway';
const MB = 1024 * 1024;

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

async function setUp() {
  const ctx = await buildTestApp();
  const session = await signInAsCoordinator(ctx);
  return { ...ctx, session };
}

/** The workspace's photo form as a browser sends it: `_csrf` first, then the file. */
function photoForm(session: AdminSession, file: { bytes: Uint8Array; name: string; type?: string }, options: { csrf?: string | null } = {}): RequestInit {
  const body = new FormData();
  const csrf = options.csrf === undefined ? session.csrf : options.csrf;
  if (csrf !== null) body.set('_csrf', csrf);
  body.set('file', new Blob([file.bytes], { type: file.type ?? 'image/png' }), file.name);
  return { method: 'POST', body, headers: session.headers({ origin: TEST_BASE_URL }) };
}

async function speakerRow(ctx: Ctx, slug = SPEAKER) {
  return ctx.db
    .selectFrom('speaker')
    .select(['photo_url', 'photo_file', 'photo_hash', 'photo_content_type', 'photo_size_bytes', 'photo_width', 'photo_height'])
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
}

async function storedNames(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db.selectFrom('file_chunk').select('file_name').where('seq', '=', 0).execute();
  return rows.map((row) => row.file_name).sort();
}

async function pageOf(ctx: Ctx, path: string) {
  const res = await ctx.app.request(path);
  expect(res.status).toBe(200);
  return parse(await res.text());
}

describe('uploading a speaker photo in the workspace', () => {
  it('stores a PNG in the database, replaces the link, and the cached public pages show it at once', async () => {
    const ctx = await setUp();
    await ctx.db.updateTable('speaker').set({ photo_url: 'https://images.example.org/ingrid.jpg' }).where('slug', '=', SPEAKER).execute();
    // Fill the public page cache first: the upload must move the data version past it.
    const before = await pageOf(ctx, `/speakers/${SPEAKER}`);
    expect(one(before, '.avatar img').getAttribute('src')).toBe('https://images.example.org/ingrid.jpg');
    await pageOf(ctx, `/webinars/${WEBINAR}`);
    await pageOf(ctx, '/');

    const png = pngImage(120, 90);
    const res = await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes: png, name: 'ingrid.png' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/speakers/${SPEAKER}?done=photo-saved#photo`);

    const hash = photoHash(png);
    const row = await speakerRow(ctx);
    expect(row).toEqual({
      photo_url: null,
      photo_file: expect.stringMatching(new RegExp(`^speaker-\\d+-${hash}\\.png$`)),
      photo_hash: hash,
      photo_content_type: 'image/png',
      photo_size_bytes: png.length,
      photo_width: 120,
      photo_height: 90,
    });
    expect(await storedNames(ctx)).toEqual([row.photo_file]);

    const src = `/media/speakers/${hash}.png`;
    const speakerPage = await pageOf(ctx, `/speakers/${SPEAKER}`);
    const img = one(speakerPage, '.avatar img');
    expect([img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([src, NAME, '96', '96']);
    const webinarImg = one(await pageOf(ctx, `/webinars/${WEBINAR}`), `.speakers img[src="${src}"]`);
    expect([webinarImg.getAttribute('alt'), webinarImg.getAttribute('width'), webinarImg.getAttribute('height')]).toEqual([NAME, '56', '56']);
    const card = one(await pageOf(ctx, '/'), `a[href="/webinars/${WEBINAR}"]`).closest('.card')!;
    expect(all(card, '.card-faces img').map((face) => [face.getAttribute('src'), face.getAttribute('alt')])).toEqual([[src, NAME]]);

    // The workspace shows what was uploaded.
    const admin = await ctx.app.request(`/admin/speakers/${SPEAKER}?done=photo-saved`, { headers: ctx.session.headers() });
    const adminPage = parse(await admin.text());
    expect(textOf(one(adminPage, '#photo .photo-now'))).toBe('Uploaded PNG, 120×90 pixels, 1 KB.');
    expect(one(adminPage, '#photo button.secondary').textContent).toContain('Remove photo');
  });

  it('serves the photo with its type, nosniff, a strong ETag and a year of caching, and 304 for a current copy', async () => {
    const ctx = await setUp();
    const png = pngImage(20, 20);
    await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes: png, name: 'me.png' }));
    const hash = photoHash(png);
    const res = await ctx.app.request(`/media/speakers/${hash}.png`);
    expect(res.status).toBe(200);
    expect(
      Object.fromEntries(['content-type', 'content-length', 'x-content-type-options', 'etag', 'cache-control'].map((h) => [h, res.headers.get(h)])),
    ).toEqual({
      'content-type': 'image/png',
      'content-length': String(png.length),
      'x-content-type-options': 'nosniff',
      etag: `"${hash}"`,
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);

    const again = await ctx.app.request(`/media/speakers/${hash}.png`, { headers: { 'if-none-match': `"${hash}"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(`"${hash}"`);
    expect(await again.text()).toBe('');
    const other = await ctx.app.request(`/media/speakers/${hash}.png`, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);

    const head = await ctx.app.request(`/media/speakers/${hash}.png`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type'), head.headers.get('content-length'), await head.text()]).toEqual([
      200,
      'image/png',
      String(png.length),
      '',
    ]);

    // The address is the content: another extension or hash is not this photo.
    expect((await ctx.app.request(`/media/speakers/${hash}.jpg`)).status).toBe(404);
    expect((await ctx.app.request(`/media/speakers/${'0'.repeat(32)}.png`)).status).toBe(404);
    expect((await ctx.app.request('/media/speakers/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });

  it('takes a JPEG and a WebP too, and a new photo replaces the old one, whose address is then gone', async () => {
    const ctx = await setUp();
    await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes: JPEG_3X2, name: 'me.jpeg', type: 'image/jpeg' }));
    expect(await speakerRow(ctx)).toMatchObject({ photo_content_type: 'image/jpeg', photo_width: 3, photo_height: 2 });
    const jpegAddress = `/media/speakers/${photoHash(JPEG_3X2)}.jpg`;
    expect((await ctx.app.request(jpegAddress)).headers.get('content-type')).toBe('image/jpeg');

    const res = await ctx.app.request(
      `/admin/speakers/${SPEAKER}/photo`,
      photoForm(ctx.session, { bytes: WEBP_LOSSY_3X2, name: 'me.webp', type: 'image/webp' }),
    );
    expect(res.status).toBe(303);
    const row = await speakerRow(ctx);
    expect(row).toMatchObject({ photo_content_type: 'image/webp', photo_hash: photoHash(WEBP_LOSSY_3X2) });
    expect(await storedNames(ctx)).toEqual([row.photo_file]);
    expect((await ctx.app.request(jpegAddress)).status).toBe(404);
    expect((await ctx.app.request(`/media/speakers/${photoHash(WEBP_LOSSY_3X2)}.webp`)).headers.get('content-type')).toBe('image/webp');
  });

  it('refuses a text file renamed .png with 422 and the reason on the file field, and stores nothing', async () => {
    const ctx = await setUp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(
      `/admin/speakers/${SPEAKER}/photo`,
      photoForm(ctx.session, { bytes: Buffer.from('Speaker notes: remember to smile.\n'), name: 'portrait.png', type: 'image/png' }),
    );
    expect(res.status).toBe(422);
    const page = parse(await res.text());
    expect(textOf(one(page, '#photo-file-error'))).toBe('This file is not a JPEG, PNG or WebP image. Upload a JPEG, PNG or WebP image.');
    expect(one(page, '#photo-file').getAttribute('aria-invalid')).toBe('true');
    expect(one(page, '#photo-errors a').getAttribute('href')).toBe('#photo-file');
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(await speakerRow(ctx)).toMatchObject({ photo_file: null, photo_hash: null });
  });

  it('refuses an SVG, a photo over 5 MB and one over 4096 pixels, each with its reason, and stores nothing', async () => {
    const ctx = await setUp();
    const before = await tableCounts(ctx.db);
    const cases: Array<[Uint8Array, string]> = [
      [SVG_IMAGE, 'SVG images are not accepted as photos. Upload a JPEG, PNG or WebP image (export the SVG as PNG).'],
      [
        Buffer.concat([pngImage(10, 10), Buffer.alloc(5 * MB)]),
        'The photo is larger than 5 MB. Save it smaller (1000×1000 pixels is plenty for a portrait) and upload it again.',
      ],
      [pngImage(4100, 2), 'The photo is 4100×2 pixels; at most 4096×4096 is accepted. Save it smaller and upload it again.'],
    ];
    for (const [bytes, message] of cases) {
      const res = await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes, name: 'photo.png' }));
      expect(res.status).toBe(422);
      expect(textOf(one(parse(await res.text()), '#photo-file-error'))).toBe(message);
    }
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('answers a 12 MB phone photo in the form, with the reason, keeping nothing of it', async () => {
    const ctx = await setUp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(
      `/admin/speakers/${SPEAKER}/photo`,
      photoForm(ctx.session, { bytes: Buffer.concat([JPEG_3X2, Buffer.alloc(12 * MB)]), name: 'IMG_0001.jpg' }),
    );
    expect(res.status).toBe(422);
    expect(textOf(one(parse(await res.text()), '#photo-file-error'))).toMatch(/^The photo is larger than 5 MB\./);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('answers a body that says it is far too large with 413 and the limit, before reading it', async () => {
    const ctx = await setUp();
    const res = await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, {
      method: 'POST',
      body: 'x',
      headers: ctx.session.headers({ origin: TEST_BASE_URL, 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(50 * MB) }),
    });
    expect(res.status).toBe(413);
    expect(textOf(one(parse(await res.text()), 'main'))).toContain('The photo is larger than 5 MB.');
  });

  it('asks for a file when the form is sent without one', async () => {
    const ctx = await setUp();
    const body = new FormData();
    body.set('_csrf', ctx.session.csrf);
    body.set('file', new Blob([]), '');
    const res = await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, { method: 'POST', body, headers: ctx.session.headers({ origin: TEST_BASE_URL }) });
    expect(res.status).toBe(422);
    expect(textOf(one(parse(await res.text()), '#photo-file-error'))).toBe('Choose a photo to upload (JPEG, PNG or WebP).');
  });

  it('refuses an upload without the CSRF token, or with a wrong one, and stores nothing', async () => {
    const ctx = await setUp();
    const before = await tableCounts(ctx.db);
    for (const csrf of [null, 'not-the-token']) {
      const res = await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes: pngImage(10, 10), name: 'a.png' }, { csrf }));
      expect(res.status).toBe(403);
    }
    // Nor from another site, nor without a session.
    const foreign = photoForm(ctx.session, { bytes: pngImage(10, 10), name: 'a.png' });
    (foreign.headers as Record<string, string>).origin = 'https://evil.example';
    expect((await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, foreign)).status).toBe(403);
    const body = new FormData();
    body.set('file', new Blob([pngImage(10, 10)], { type: 'image/png' }), 'a.png');
    const anonymous = await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, { method: 'POST', body });
    expect([302, 303, 401]).toContain(anonymous.status);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('moves the public data version with every upload and removal, in the same transaction', async () => {
    const ctx = await setUp();
    const version = async () =>
      Number((await ctx.db.selectFrom('data_version').select('version').where('name', '=', 'content').executeTakeFirstOrThrow()).version);
    const start = await version();
    await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes: pngImage(10, 10), name: 'a.png' }));
    const afterUpload = await version();
    expect(afterUpload).toBeGreaterThan(start);
    await ctx.app.request(`/admin/speakers/${SPEAKER}/photo/delete`, ctx.session.form({}, { origin: TEST_BASE_URL }));
    expect(await version()).toBeGreaterThan(afterUpload);
    // A refused upload moves nothing.
    const beforeRefusal = await version();
    await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes: SVG_IMAGE, name: 'a.svg' }));
    expect(await version()).toBe(beforeRefusal);
  });

  it('"Remove photo" deletes the stored bytes, the address is gone, and the pages show initials again', async () => {
    const ctx = await setUp();
    const png = pngImage(30, 30);
    await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes: png, name: 'a.png' }));
    await pageOf(ctx, `/speakers/${SPEAKER}`);

    const res = await ctx.app.request(`/admin/speakers/${SPEAKER}/photo/delete`, ctx.session.form({}, { origin: TEST_BASE_URL }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/speakers/${SPEAKER}?done=photo-removed#photo`);
    expect(await speakerRow(ctx)).toEqual({
      photo_url: null,
      photo_file: null,
      photo_hash: null,
      photo_content_type: null,
      photo_size_bytes: null,
      photo_width: null,
      photo_height: null,
    });
    expect(await storedNames(ctx)).toEqual([]);
    expect((await ctx.app.request(`/media/speakers/${photoHash(png)}.png`)).status).toBe(404);
    const page = await pageOf(ctx, `/speakers/${SPEAKER}`);
    expect(all(page, '.avatar img')).toHaveLength(0);
    expect(textOf(one(page, '.avatar'))).toBe('IH');
  });

  it('two speakers with the same photo each keep theirs when the other removes it', async () => {
    const ctx = await setUp();
    const png = pngImage(16, 16);
    for (const slug of [SPEAKER, 'chen-jing']) {
      expect((await ctx.app.request(`/admin/speakers/${slug}/photo`, photoForm(ctx.session, { bytes: png, name: 'same.png' }))).status).toBe(303);
    }
    expect(await storedNames(ctx)).toHaveLength(2);
    const address = `/media/speakers/${photoHash(png)}.png`;
    await ctx.app.request(`/admin/speakers/${SPEAKER}/photo/delete`, ctx.session.form({}, { origin: TEST_BASE_URL }));
    expect(await storedNames(ctx)).toEqual([(await speakerRow(ctx, 'chen-jing')).photo_file]);
    const served = await ctx.app.request(address);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    await ctx.app.request('/admin/speakers/chen-jing/photo/delete', ctx.session.form({}, { origin: TEST_BASE_URL }));
    expect((await ctx.app.request(address)).status).toBe(404);
  });

  it('a new photo link in the speaker form replaces the uploaded photo and deletes its bytes', async () => {
    const ctx = await setUp();
    await ctx.app.request(`/admin/speakers/${SPEAKER}/photo`, photoForm(ctx.session, { bytes: pngImage(30, 30), name: 'a.png' }));
    const edit = parse(await (await ctx.app.request(`/admin/speakers/${SPEAKER}`, { headers: ctx.session.headers() })).text());
    const fields: Record<string, string> = {};
    for (const input of all(edit, `form[action="/admin/speakers/${SPEAKER}"] [name]`)) {
      const name = input.getAttribute('name')!;
      // As a browser sends it: a text area's text, a select's chosen option, an input's value.
      const chosen = input.tagName === 'SELECT' ? (input.querySelector('option[selected]') ?? input.querySelector('option')) : null;
      fields[name] = input.tagName === 'TEXTAREA' ? (input.textContent ?? '') : ((chosen ?? input).getAttribute('value') ?? '');
    }
    fields.timezone = 'Europe/Oslo';
    // Saving the form as it is keeps the upload.
    expect((await ctx.app.request(`/admin/speakers/${SPEAKER}`, ctx.session.form(fields, { origin: TEST_BASE_URL }))).status).toBe(303);
    expect((await speakerRow(ctx)).photo_file).not.toBeNull();

    const res = await ctx.app.request(
      `/admin/speakers/${SPEAKER}`,
      ctx.session.form({ ...fields, photoUrl: 'https://images.example.org/new.jpg' }, { origin: TEST_BASE_URL }),
    );
    expect(res.status).toBe(303);
    expect(await speakerRow(ctx)).toMatchObject({ photo_url: 'https://images.example.org/new.jpg', photo_file: null, photo_hash: null });
    expect(await storedNames(ctx)).toEqual([]);
    expect(one(await pageOf(ctx, `/speakers/${SPEAKER}`), '.avatar img').getAttribute('src')).toBe('https://images.example.org/new.jpg');
  });
});

describe('the photo API', () => {
  it('takes the image as the body with a bearer token and answers the speaker with the photo', async () => {
    const ctx = await buildTestApp();
    const token = await createTestApiToken(ctx);
    const res = await ctx.app.request(`/api/speakers/${SPEAKER}/photo`, {
      method: 'POST',
      body: JPEG_3X2,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { slug: string; photoUrl: string | null; photo: unknown };
    expect(body.slug).toBe(SPEAKER);
    expect(body.photo).toEqual({
      url: `${TEST_BASE_URL}/media/speakers/${photoHash(JPEG_3X2)}.jpg`,
      contentType: 'image/jpeg',
      sizeBytes: JPEG_3X2.length,
      width: 3,
      height: 2,
    });
    const listed = (await (await ctx.app.request('/api/speakers', { headers: { authorization: `Bearer ${token}` } })).json()) as {
      speakers: Array<{ slug: string; photo: { url: string } | null }>;
    };
    expect(listed.speakers.find((s) => s.slug === SPEAKER)?.photo?.url).toBe(`${TEST_BASE_URL}/media/speakers/${photoHash(JPEG_3X2)}.jpg`);
    expect(listed.speakers.find((s) => s.slug === 'chen-jing')?.photo).toBeNull();
  });

  it('takes a multipart form with a file, and DELETE removes the photo', async () => {
    const ctx = await buildTestApp();
    const token = await createTestApiToken(ctx);
    const body = new FormData();
    body.set('file', new Blob([WEBP_LOSSY_3X2], { type: 'application/octet-stream' }), 'me.bin');
    const res = await ctx.app.request(`/api/speakers/${SPEAKER}/photo`, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { photo: { contentType: string } }).photo.contentType).toBe('image/webp');

    const removed = await ctx.app.request(`/api/speakers/${SPEAKER}/photo`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { photo: unknown; photoUrl: unknown }).photo).toBeNull();
    expect(await storedNames(ctx)).toEqual([]);
  });

  it('refuses what is not a photo with 422, one too large with 413, JSON with 400, each with a message, and stores nothing', async () => {
    const ctx = await buildTestApp();
    const token = await createTestApiToken(ctx);
    const before = await tableCounts(ctx.db);
    const post = (body: string | Uint8Array, type: string) =>
      ctx.app.request(`/api/speakers/${SPEAKER}/photo`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': type } });

    const text = await post('not an image', 'image/png');
    expect(text.status).toBe(422);
    expect(await text.json()).toEqual({
      error: 'This file is not a JPEG, PNG or WebP image. Upload a JPEG, PNG or WebP image.',
      fields: { file: 'This file is not a JPEG, PNG or WebP image. Upload a JPEG, PNG or WebP image.' },
    });
    const svg = await post(SVG_IMAGE, 'image/svg+xml');
    expect(svg.status).toBe(422);
    expect(((await svg.json()) as { fields: { file: string } }).fields.file).toMatch(/^SVG images are not accepted/);

    const large = await post(Buffer.concat([pngImage(4, 4), Buffer.alloc(5 * MB)]), 'image/png');
    expect(large.status).toBe(413);
    expect(((await large.json()) as { fields: { file: string } }).fields.file).toMatch(/^The photo is larger than 5 MB/);
    // Without a Content-Length the body is counted as it comes.
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pngImage(4, 4));
        for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(MB));
        controller.close();
      },
    });
    const chunked = await ctx.app.request(`/api/speakers/${SPEAKER}/photo`, {
      method: 'POST',
      body: streamed,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);

    const json = await post('{"photo": "x"}', 'application/json');
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe(
      'Send the photo as multipart/form-data with a "file" field, or as the body with its image Content-Type.',
    );
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('needs a bearer token, and answers 404 for an unknown speaker', async () => {
    const ctx = await buildTestApp();
    const anonymous = await ctx.app.request(`/api/speakers/${SPEAKER}/photo`, { method: 'POST', body: JPEG_3X2, headers: { 'content-type': 'image/jpeg' } });
    expect(anonymous.status).toBe(401);
    expect((await ctx.app.request(`/api/speakers/${SPEAKER}/photo`, { method: 'DELETE' })).status).toBe(401);
    const token = await createTestApiToken(ctx);
    const unknown = await ctx.app.request('/api/speakers/nobody/photo', {
      method: 'POST',
      body: JPEG_3X2,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    });
    expect(unknown.status).toBe(404);
    expect(await speakerRow(ctx)).toMatchObject({ photo_file: null });
  });
});
