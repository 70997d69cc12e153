import { describe, expect, it } from 'vitest';
import { publicMaterialLinks } from '../../src/materials/material.hooks.js';
import { addMaterial, notifyAttendees } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { listWebinars } from '../../src/programme/programme.service.js';
import { parseCalendar } from '../helpers/ical.js';
import { TEST_BASE_URL } from '../helpers/test-app.js';
import { CSRF, PAST_CHINA, PAST_CVC, SAMPLES, buildMaterialsApp, registerBefore, type MaterialsCtx } from './material-helpers.js';

async function seedMaterial(ctx: MaterialsCtx, slug: string, input: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const validated = validateMaterial(input, file);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return addMaterial(ctx.deps, slug, validated.value);
}

async function materialEmails(ctx: MaterialsCtx) {
  return ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'materials-available').orderBy('id').execute();
}

describe('notifyAttendees', () => {
  it('queues exactly one email per confirmed attendee, however often it is triggered', async () => {
    const ctx = await buildMaterialsApp();
    const one = await registerBefore(ctx, [PAST_CVC], 'one@example.org');
    const two = await registerBefore(ctx, [PAST_CVC, PAST_CHINA], 'two@example.org');
    await registerBefore(ctx, [PAST_CVC], 'cancelled@example.org', { cancel: true });
    await registerBefore(ctx, [PAST_CHINA], 'china-only@example.org');
    const webinarId = (await ctx.db.selectFrom('webinar').select('id').where('slug', '=', PAST_CVC).executeTakeFirstOrThrow()).id;
    await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' });
    await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Full deck', visibility: 'attendees' }, { name: 'deck.pdf', bytes: SAMPLES.pdf });

    const res = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials/notify`, { method: 'POST', body: new URLSearchParams({ _csrf: CSRF }) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=2#materials`);
    expect(await notifyAttendees(ctx.deps, PAST_CVC)).toBe(0);
    const again = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials/notify`, { method: 'POST' });
    expect(again.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=0#materials`);

    const emails = await materialEmails(ctx);
    expect(emails.map((e) => [e.to_address, e.dedupe_key, e.webinar_id, e.status])).toEqual([
      ['one@example.org', `materials:${webinarId}:${one.id}`, webinarId, 'pending'],
      ['two@example.org', `materials:${webinarId}:${two.id}`, webinarId, 'pending'],
    ]);
    const first = emails[0]!;
    expect(first.subject).toBe('Now available: the recording and slides of Corporate venture capital: lessons from Silicon Valley');
    expect(first.text_body).toContain(`On the webinar page, for everyone:\n- Recording: Recording\n${TEST_BASE_URL}/webinars/${PAST_CVC}`);
    expect(first.text_body).toContain(`For registered attendees only, on your personal page:\n- Slides: Full deck\n${TEST_BASE_URL}/my/${one.token}`);
    expect(emails[1]!.text_body).toContain(`${TEST_BASE_URL}/my/${two.token}`);
    expect(emails[1]!.text_body).not.toContain(one.token);
  });

  it('queues nothing while a webinar has no materials', async () => {
    const ctx = await buildMaterialsApp();
    await registerBefore(ctx, [PAST_CVC], 'one@example.org');
    expect(await notifyAttendees(ctx.deps, PAST_CVC)).toBe(0);
    expect(await materialEmails(ctx)).toEqual([]);
  });
});

describe('the webinar page slot', () => {
  it('shows public materials with an embedded player, and only a line about attendees-only ones', async () => {
    const ctx = await buildMaterialsApp();
    await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://vimeo.com/76979871' });
    await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Public slides' }, { name: 'cvc.pdf', bytes: SAMPLES.pdf });
    await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Full deck', visibility: 'attendees' }, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    const html = await (await ctx.app.request(`/webinars/${PAST_CVC}`)).text();
    expect(html).toContain('<h2 id="materials-heading">Recording and slides</h2>');
    expect(html).toContain('<iframe src="https://player.vimeo.com/video/76979871?dnt=1" title="Recording (Vimeo video)"');
    expect(html).toMatch(/<a href="\/materials\/\d+\/cvc.pdf" download="">Slides: Public slides <span class="muted small">\(PDF, 1 KB\)<\/span><\/a>/);
    expect(html).toContain('Registered attendees find more on their personal page.');
    expect(html).not.toContain('Full deck');
  });

  it('adds nothing to a webinar without materials', async () => {
    const ctx = await buildMaterialsApp();
    const html = await (await ctx.app.request(`/webinars/${PAST_CHINA}`)).text();
    expect(html).not.toContain('materials-heading');
  });
});

describe('the attendee page slot', () => {
  it('lists every material of the attendee’s past webinars, files through their own link', async () => {
    const ctx = await buildMaterialsApp();
    const attendee = await registerBefore(ctx, [PAST_CVC], 'one@example.org');
    const deck = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Full deck', visibility: 'attendees' }, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://media.example.org/cvc.webm' });
    const html = await (await ctx.app.request(`/my/${attendee.token}`)).text();
    expect(html).toContain(`<a href="/my/${attendee.token}/materials/${deck.id}/deck.pdf" download="">Slides: Full deck`);
    expect(html).toContain('<span class="tag draft small"> for attendees</span>');
    expect(html).toContain('<video controls="" preload="metadata" src="https://media.example.org/cvc.webm" title="Recording"');
    const file = await ctx.app.request(`/my/${attendee.token}/materials/${deck.id}/deck.pdf`);
    expect(file.status).toBe(200);
  });
});

describe('feeds', () => {
  it('publicMaterialLinks gives public materials only, as absolute links', async () => {
    const ctx = await buildMaterialsApp();
    const slides = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Slides' }, { name: 'Slides (final).pdf', bytes: SAMPLES.pdf });
    await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' });
    await seedMaterial(ctx, PAST_CVC, { kind: 'link', title: 'Further reading', url: 'https://example.org/reading' });
    await seedMaterial(ctx, PAST_CHINA, { kind: 'recording', title: 'Private', visibility: 'attendees', url: 'https://example.org/private' });
    const webinars = await listWebinars(ctx.db);
    const links = await publicMaterialLinks(ctx.deps)(ctx.db, webinars);
    expect([...links]).toEqual([
      [
        slides.webinarId,
        [
          { label: 'Slides', url: `${TEST_BASE_URL}/materials/${slides.id}/Slides%20(final).pdf` },
          { label: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' },
          { label: 'Further reading', url: 'https://example.org/reading' },
        ],
      ],
    ]);
  });

  it('puts the links into the programme feed and moves its ETag and Last-Modified', async () => {
    const ctx = await buildMaterialsApp();
    const before = await ctx.app.request('/calendar.ics');
    ctx.clock.advance(60 * 24);
    await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' });
    const after = await ctx.app.request('/calendar.ics');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.headers.get('last-modified')).toBe('Tue, 02 Feb 2027 12:00:00 GMT');
    const event = parseCalendar(await after.text()).events.find((e) => e.url === `${TEST_BASE_URL}/webinars/${PAST_CVC}`)!;
    expect(event.description).toContain('Recording: https://youtu.be/dQw4w9WgXcQ');
    expect(event.sequence).toBe(0);
  });
});
