import { describe, expect, it } from 'vitest';
import { recordingTransport } from '../../src/mail/mailer.js';
import { createOutboxWorker } from '../../src/mail/outbox.worker.js';
import { publicMaterialLinks } from '../../src/materials/material.hooks.js';
import { addMaterial, notifyAttendees } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { listWebinars } from '../../src/programme/programme.service.js';
import { parseCalendar } from '../helpers/ical.js';
import { TEST_BASE_URL } from '../helpers/test-app.js';
import { CSRF, PAST_CHINA, PAST_CVC, SAMPLES, UPCOMING, buildMaterialsApp, registerBefore, type MaterialsCtx } from './material-helpers.js';

async function seedMaterial(ctx: MaterialsCtx, slug: string, input: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const validated = validateMaterial(input, file);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return (await addMaterial(ctx.deps, slug, validated.value)).material;
}

/** Runs the outbox worker once with a transport that accepts everything; returns what went out. */
async function sendDueMail(ctx: MaterialsCtx) {
  const transport = recordingTransport();
  await createOutboxWorker({ db: ctx.db, clock: ctx.clock, transport, from: 'hub@example.org', log: () => undefined }).runOnce();
  return transport.sent;
}

async function materialEmails(ctx: MaterialsCtx) {
  return ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'materials-available').orderBy('id').execute();
}

describe('announcing materials', () => {
  async function webinarId(ctx: MaterialsCtx, slug: string) {
    return (await ctx.db.selectFrom('webinar').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  }

  it('emails everyone registered once when the recording is published, with what each can open', async () => {
    const ctx = await buildMaterialsApp();
    const one = await registerBefore(ctx, [PAST_CVC], 'one@example.org');
    const two = await registerBefore(ctx, [PAST_CVC, PAST_CHINA], 'two@example.org');
    await registerBefore(ctx, [PAST_CVC], 'cancelled@example.org', { cancel: true });
    await registerBefore(ctx, [PAST_CHINA], 'china-only@example.org');
    // A seat limit reached before the next registration puts it on the waiting list.
    await ctx.db.updateTable('webinar').set({ capacity: 2 }).where('slug', '=', PAST_CVC).execute();
    const waiting = await registerBefore(ctx, [PAST_CVC], 'waiting@example.org');
    const id = await webinarId(ctx, PAST_CVC);

    // Slides alone announce nothing; the recording announces both.
    const deck = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Full deck', visibility: 'attendees' }, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    expect(await materialEmails(ctx)).toEqual([]);
    const recording = await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' });
    // A second recording (another part) added while the announcement gathers joins it.
    const part2 = await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'Recording, part 2', url: 'https://youtu.be/dQw4w9WgXcQ' });

    const emails = await materialEmails(ctx);
    expect(emails.map((e) => [e.to_address, e.dedupe_key, e.webinar_id, e.next_attempt_at])).toEqual([
      // Each key records what the email tells: the ids of the materials that person can open.
      ['one@example.org', `materials:${id}:${one.id}:recording:${deck.id},${recording.id},${part2.id}`, id, '2027-02-01T12:10:00Z'],
      ['two@example.org', `materials:${id}:${two.id}:recording:${deck.id},${recording.id},${part2.id}`, id, '2027-02-01T12:10:00Z'],
      ['waiting@example.org', `materials:${id}:${waiting.id}:recording:${recording.id},${part2.id}`, id, '2027-02-01T12:10:00Z'],
    ]);
    const [first, second, third] = emails;
    expect(first!.subject).toBe('Now available: the recording and slides of Corporate venture capital: lessons from Silicon Valley');
    expect(first!.text_body).toContain(`On the webinar page, for everyone:\n- Recording\n- Recording, part 2\n${TEST_BASE_URL}/webinars/${PAST_CVC}`);
    expect(first!.text_body).toContain(`For registered attendees only, on your personal page:\n- Slides: Full deck\n${TEST_BASE_URL}/my/${one.token}`);
    expect(second!.text_body).toContain(`${TEST_BASE_URL}/my/${two.token}`);
    expect(second!.text_body).not.toContain(one.token);
    // Without a seat, the attendees-only deck cannot be opened: the email offers the recording only.
    expect(third!.subject).toBe('Now available: the recording of Corporate venture capital: lessons from Silicon Valley');
    expect(third!.text_body).not.toContain('Full deck');
    expect((await sendDueMail(ctx)).length).toBe(0);
    ctx.clock.advance(10);
    // Sent over several connections at once: in any order.
    expect((await sendDueMail(ctx)).map((m) => m.to_address).sort()).toEqual(['one@example.org', 'two@example.org', 'waiting@example.org']);

    // A coordinator's announcement tells what is new, and never the same things twice.
    const notify = () => ctx.app.request(`/admin/webinars/${PAST_CVC}/notify-materials`, { method: 'POST', body: new URLSearchParams({ _csrf: CSRF }) });
    expect((await notify()).headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=0#materials`);
    await seedMaterial(ctx, PAST_CVC, { kind: 'link', title: 'Further reading', url: 'https://example.org/reading' });
    expect((await notify()).headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=3#materials`);
    expect((await notify()).headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=0#materials`);
    const reading = (await materialEmails(ctx)).at(-1)!;
    expect(reading.text_body).toContain('- Link: Further reading');
    expect(reading.text_body).not.toContain('- Recording');
    expect((await sendDueMail(ctx)).length).toBe(3);
    // Someone who was told as a waiting attendee and then got a seat can open the deck now: it is new to them.
    await ctx.db.updateTable('registration').set({ status: 'confirmed' }).where('attendee_id', '=', waiting.id).execute();
    expect((await notify()).headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=1#materials`);
    expect((await materialEmails(ctx)).at(-1)).toMatchObject({
      to_address: 'waiting@example.org',
      subject: expect.stringContaining('the slides'),
    });
  });

  it('announces other materials by hand once, and the recording published later once more', async () => {
    const ctx = await buildMaterialsApp();
    const one = await registerBefore(ctx, [PAST_CVC], 'one@example.org');
    await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Slides' }, { name: 'slides.pdf', bytes: SAMPLES.pdf });

    const res = await ctx.app.request(`/admin/webinars/${PAST_CVC}/notify-materials`, { method: 'POST', body: new URLSearchParams({ _csrf: CSRF }) });
    expect(res.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=1#materials`);
    expect(await notifyAttendees(ctx.deps, PAST_CVC)).toBe(0);
    expect((await sendDueMail(ctx)).length).toBe(1);
    const added = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: CSRF, kind: 'recording', title: 'Recording', url: 'https://vimeo.com/76979871', visibility: 'public' }),
    });
    expect(added.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=1#materials`);

    const id = await webinarId(ctx, PAST_CVC);
    const [slidesId, recordingId] = (await ctx.db.selectFrom('material').select('id').orderBy('id').execute()).map((m) => m.id);
    // The second email lists what is new: the recording, not the slides told about before.
    expect((await materialEmails(ctx)).map((e) => [e.subject, e.dedupe_key])).toEqual([
      ['Now available: the slides of Corporate venture capital: lessons from Silicon Valley', `materials:${id}:${one.id}:set:${slidesId}`],
      ['Now available: the recording of Corporate venture capital: lessons from Silicon Valley', `materials:${id}:${one.id}:recording:${recordingId}`],
    ]);
  });

  it('does not announce a recording before the webinar is over, nor for a cancelled one', async () => {
    const ctx = await buildMaterialsApp();
    await registerBefore(ctx, [UPCOMING], 'early@example.org');
    await seedMaterial(ctx, UPCOMING, { kind: 'recording', title: 'Trailer', url: 'https://vimeo.com/76979871' });
    await registerBefore(ctx, [PAST_CHINA], 'china@example.org');
    await ctx.db.updateTable('webinar').set({ status: 'cancelled' }).where('slug', '=', PAST_CHINA).execute();
    await seedMaterial(ctx, PAST_CHINA, { kind: 'recording', title: 'Recording', url: 'https://vimeo.com/76979871' });
    expect(await materialEmails(ctx)).toEqual([]);
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
    expect(html).toContain('<video controls="" preload="metadata" title="Recording"');
    expect(html).toContain('<source src="https://media.example.org/cvc.webm" type="video/webm"/>');
    const file = await ctx.app.request(`/my/${attendee.token}/materials/${deck.id}/deck.pdf`);
    expect(file.status).toBe(200);
  });
});

describe('feeds', () => {
  it('puts every material into a confirmed attendee’s own feed, and the public ones into a waiting one’s', async () => {
    const ctx = await buildMaterialsApp();
    const one = await registerBefore(ctx, [PAST_CVC], 'one@example.org');
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', PAST_CVC).execute();
    const waiting = await registerBefore(ctx, [PAST_CVC], 'waiting@example.org');
    const deck = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Full deck', visibility: 'attendees' }, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' });

    const feedOf = async (token: string) => parseCalendar(await (await ctx.app.request(`/my/${token}/calendar.ics`)).text()).events[0]!.description;
    const own = await feedOf(one.token);
    expect(own).toContain(`Slides: ${TEST_BASE_URL}/my/${one.token}/materials/${deck.id}/deck.pdf`);
    expect(own).toContain('Recording: https://youtu.be/dQw4w9WgXcQ');
    const waitingOwn = await feedOf(waiting.token);
    expect(waitingOwn).toContain('Recording: https://youtu.be/dQw4w9WgXcQ');
    expect(waitingOwn).not.toContain('/materials/');
    // The attendee's link to the file works from the feed, the public address of it does not.
    expect((await ctx.app.request(`/my/${one.token}/materials/${deck.id}/deck.pdf`)).status).toBe(200);
    expect((await ctx.app.request(`/materials/${deck.id}/deck.pdf`)).status).toBe(404);
  });

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
