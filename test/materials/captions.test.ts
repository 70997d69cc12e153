// Captions of recordings: attached as WebVTT through the API and the workspace (checked; refused
// files change nothing), served to players, shown as a transcript, played as a caption track by
// the page's own player, and searched on /recordings.
import { describe, expect, it } from 'vitest';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { all, one, parse } from '../helpers/dom.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, tableCounts } from '../helpers/test-app.js';

/** Over at the test clock's 2027-02-01. */
const PAST = 'corporate-venture-capital-silicon-valley';

const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Michael Torres>Corporate venture capital starts with a thesis.',
  '',
  '00:00:05.000 --> 00:00:09.500',
  'Most pilots fail on procurement, not on technology.',
  '',
].join('\n');

async function setUp() {
  const ctx = await buildTestApp();
  const token = await createTestApiToken(ctx);
  const auth = { authorization: `Bearer ${token}` };
  const addRecording = async (body: Record<string, unknown> = {}) => {
    const res = await ctx.app.request(
      `/api/webinars/${PAST}/materials`,
      json({ kind: 'recording', title: 'Recording', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ...body }, auth),
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const attach = (id: number, body: unknown, headers: Record<string, string> = {}) =>
    ctx.app.request(`/api/webinars/${PAST}/materials/${id}/captions`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...auth, ...headers },
    });
  return { ...ctx, auth, addRecording, attach };
}

describe('captions through the API', () => {
  it('attaches WebVTT to a recording; players fetch it; the page shows the transcript with linkable times', async () => {
    const ctx = await setUp();
    const id = await ctx.addRecording();
    const res = await ctx.attach(id, { language: 'EN', vtt: VTT });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      material: id,
      language: 'en',
      label: 'English',
      cues: 2,
      url: `https://hub.example.org/captions/${id}/en.vtt`,
    });

    const file = await ctx.app.request(`/captions/${id}/en.vtt`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await file.text()).toBe(VTT);
    expect((await ctx.app.request(`/captions/${id}/en.vtt`, { headers: { 'if-none-match': file.headers.get('etag')! } })).status).toBe(304);

    const page = parse(await (await ctx.app.request(`/webinars/${PAST}`)).text());
    const transcript = one(page, `details#transcript-${id}-en`);
    expect(transcript.hasAttribute('open')).toBe(false);
    const cues = all(transcript, 'li');
    expect(cues.map((li) => li.getAttribute('id'))).toEqual([`t${id}-en-1`, `t${id}-en-2`]);
    expect(cues.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '00:01 Michael Torres: Corporate venture capital starts with a thesis.',
      '00:05 Most pilots fail on procurement, not on technology.',
    ]);
    expect(one(cues[1]!, 'a.cue-time').getAttribute('href')).toBe(`#t${id}-en-2`);
    expect(one(cues[1]!, 'time').getAttribute('datetime')).toBe('PT5S');
  });

  it('also takes the file itself as a text/vtt body, and replaces captions of the same language', async () => {
    const ctx = await setUp();
    const id = await ctx.addRecording();
    expect((await ctx.attach(id, { language: 'sv', vtt: VTT })).status).toBe(201);
    const replaced = await ctx.app.request(`/api/webinars/${PAST}/materials/${id}/captions?language=sv`, {
      method: 'POST',
      body: 'WEBVTT\n\n00:01.000 --> 00:02.000\nHej och välkomna.\n',
      headers: { 'content-type': 'text/vtt', ...ctx.auth },
    });
    expect(replaced.status).toBe(201);
    const rows = await ctx.db.selectFrom('caption').select(['language', 'transcript']).execute();
    expect(rows).toEqual([{ language: 'sv', transcript: 'Hej och välkomna.' }]);
  });

  it.each([
    [
      'a SubRip file',
      { language: 'en', vtt: '1\n00:00:01,000 --> 00:00:02,000\nHi\n' },
      { captions: expect.stringContaining('must begin with the line "WEBVTT"') },
    ],
    ['a bad language', { language: 'English!', vtt: VTT }, { language: 'Give the language of the captions as a language code, such as en, sv or zh.' }],
    ['no text', { language: 'en' }, { vtt: expect.stringContaining('Send the WebVTT text as "vtt"') }],
  ])('refuses %s with 422 and stores nothing', async (_what, body, fields) => {
    const ctx = await setUp();
    const id = await ctx.addRecording();
    const before = await tableCounts(ctx.db);
    const res = await ctx.attach(id, body);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { fields: unknown }).fields).toEqual(fields);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('refuses captions on slides or links, and on another webinar’s recording', async () => {
    const ctx = await setUp();
    const link = await ctx.app.request(`/api/webinars/${PAST}/materials`, json({ kind: 'link', title: 'Reading', url: 'https://example.org/r' }, ctx.auth));
    const linkId = ((await link.json()) as { id: number }).id;
    const res = await ctx.attach(linkId, { language: 'en', vtt: VTT });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { fields: { captions: string } }).fields.captions).toBe('Captions go with a recording; “Reading” is a link.');
    const id = await ctx.addRecording();
    const elsewhere = await ctx.app.request(`/api/webinars/open-innovation-platforms-china/materials/${id}/captions`, {
      method: 'POST',
      body: JSON.stringify({ language: 'en', vtt: VTT }),
      headers: { 'content-type': 'application/json', ...ctx.auth },
    });
    expect(elsewhere.status).toBe(404);
    expect(await ctx.db.selectFrom('caption').select('id').execute()).toEqual([]);
  });

  it('takes captions along with a new recording in POST /api/webinars/:slug/materials, or refuses both', async () => {
    const ctx = await setUp();
    const before = await tableCounts(ctx.db);
    const bad = await ctx.app.request(
      `/api/webinars/${PAST}/materials`,
      json({ kind: 'recording', title: 'Recording', url: 'https://vimeo.com/123456', captions: { language: 'en', vtt: 'no' } }, ctx.auth),
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { fields: { captions: string } }).fields.captions).toContain('must begin with the line "WEBVTT"');
    expect(await tableCounts(ctx.db)).toEqual(before);

    const id = await ctx.addRecording({ captions: { language: 'zh', vtt: 'WEBVTT\n\n00:01.000 --> 00:03.000\n大家好\n' } });
    expect(await ctx.db.selectFrom('caption').select(['material_id', 'language', 'transcript']).execute()).toEqual([
      { material_id: id, language: 'zh', transcript: '大家好' },
    ]);
  });

  it('answers 404, not an error, when asked to remove captions in something that is not a language', async () => {
    const ctx = await setUp();
    const id = await ctx.addRecording();
    const res = await ctx.app.request(`/api/webinars/${PAST}/materials/${id}/captions/1`, { method: 'DELETE', headers: ctx.auth });
    expect(res.status).toBe(404);
  });

  it('needs the API token', async () => {
    const ctx = await setUp();
    const id = await ctx.addRecording();
    const res = await ctx.app.request(`/api/webinars/${PAST}/materials/${id}/captions`, {
      method: 'POST',
      body: JSON.stringify({ language: 'en', vtt: VTT }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
  });
});

describe('who can read captions, and the player', () => {
  it('serves attendees-only captions only through the link of someone with a seat', async () => {
    const ctx = await setUp();
    const id = await ctx.addRecording({ visibility: 'attendees' });
    expect((await ctx.attach(id, { language: 'en', vtt: VTT })).status).toBe(201);
    expect((await ctx.app.request(`/captions/${id}/en.vtt`)).status).toBe(404);
    expect((await ctx.app.request(`/my/not-a-token/captions/${id}/en.vtt`)).status).toBe(404);
    // The attendee registered while the webinar was ahead.
    ctx.clock.set('2026-12-01T12:00:00Z');
    const registered = await ctx.app.request(`/api/webinars/${PAST}/registrations`, json(VISITOR));
    expect(registered.status).toBe(201);
    const token = ((await registered.json()) as { personalUrl: string }).personalUrl.split('/').pop()!;
    ctx.clock.set('2027-02-01T12:00:00Z');
    const own = await ctx.app.request(`/my/${token}/captions/${id}/en.vtt`);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
  });

  it('gives the page’s own video player the captions as a track', async () => {
    const ctx = await setUp();
    const id = await ctx.addRecording({ url: 'https://media.example.org/talks/cvc.mp4' });
    expect((await ctx.attach(id, { language: 'en', vtt: VTT })).status).toBe(201);
    const page = parse(await (await ctx.app.request(`/webinars/${PAST}`)).text());
    const track = one(page, 'video track');
    expect([track.getAttribute('kind'), track.getAttribute('src'), track.getAttribute('srclang'), track.getAttribute('label')]).toEqual([
      'captions',
      `/captions/${id}/en.vtt`,
      'en',
      'English',
    ]);
  });

  it('lets /recordings find a webinar by what was said, and says where', async () => {
    const ctx = await setUp();
    const id = await ctx.addRecording();
    expect(await (await ctx.app.request(`/recordings?q=procurement+technology`)).text()).not.toContain('Said in the recording');
    expect((await ctx.attach(id, { language: 'en', vtt: VTT })).status).toBe(201);
    const page = parse(await (await ctx.app.request('/recordings?q=procurement+technology')).text());
    const cards = all(page, 'ul.cards > li');
    expect(cards).toHaveLength(1);
    expect(one(cards[0]!, 'h3 a').getAttribute('href')).toBe(`/webinars/${PAST}`);
    expect(one(cards[0]!, '.said q').textContent).toBe('Most pilots fail on procurement, not on technology.');
  });
});

describe('captions in the workspace', () => {
  it('attaches a file from the form, refuses a bad one with what to fix, and removes them', async () => {
    const ctx = await setUp();
    const session = await signInAsCoordinator(ctx);
    const id = await ctx.addRecording();
    const panel = parse(await (await ctx.app.request(`/admin/webinars/${PAST}`, { headers: session.headers() })).text());
    expect(one(panel, `form[action="/admin/webinars/${PAST}/materials/${id}/captions"]`).getAttribute('enctype')).toBe('multipart/form-data');

    const send = (text: string, language = 'en') => {
      const body = new FormData();
      body.set('_csrf', session.csrf);
      body.set('language', language);
      body.set('file', new File([text], 'talk.vtt', { type: 'text/vtt' }));
      return ctx.app.request(`/admin/webinars/${PAST}/materials/${id}/captions`, { method: 'POST', body, headers: session.headers() });
    };
    const refused = await send('not captions at all');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('This is not a WebVTT file');
    expect(await ctx.db.selectFrom('caption').select('id').execute()).toEqual([]);

    const added = await send(VTT);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/admin/webinars/${PAST}?done=captions#materials`);
    const after = parse(await (await ctx.app.request(`/admin/webinars/${PAST}`, { headers: session.headers() })).text());
    expect(one(after, '.captions-admin li').textContent).toContain('English (en), 2 cues');

    const removed = await ctx.app.request(`/admin/webinars/${PAST}/materials/${id}/captions/en/delete`, session.form({}));
    expect(removed.status).toBe(303);
    expect(await ctx.db.selectFrom('caption').select('id').execute()).toEqual([]);
  });

  it('refuses the form without the CSRF token and keeps nothing', async () => {
    const ctx = await setUp();
    const session = await signInAsCoordinator(ctx);
    const id = await ctx.addRecording();
    const body = new FormData();
    body.set('language', 'en');
    body.set('file', new File([VTT], 'talk.vtt', { type: 'text/vtt' }));
    const res = await ctx.app.request(`/admin/webinars/${PAST}/materials/${id}/captions`, { method: 'POST', body, headers: session.headers() });
    expect(res.status).toBe(403);
    expect(await ctx.db.selectFrom('caption').select('id').execute()).toEqual([]);
  });
});
