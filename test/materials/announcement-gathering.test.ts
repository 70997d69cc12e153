// One announcement per attendee for materials added together: a recording starts one that waits a
// few minutes, what is added meanwhile joins it, and the button sends it now. Never twice, also
// with a worker claiming it at the same moment or two coordinators pressing at once.
import { describe, expect, it } from 'vitest';
import { recordingTransport } from '../../src/mail/mailer.js';
import { claimDueMessages } from '../../src/mail/outbox.repository.js';
import { createOutboxWorker } from '../../src/mail/outbox.worker.js';
import { materialAdminPanel } from '../../src/materials/material.hooks.js';
import { ANNOUNCEMENT_GATHER_MINUTES, addMaterial, deleteMaterial, getWebinarForMaterials, notifyAttendees } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { all, one as oneEl, parse as parseHtml } from '../helpers/dom.js';
import { buildMaterialsApp, CSRF, PAST_CVC, SAMPLES, registerBefore, type MaterialsCtx } from './material-helpers.js';

async function add(ctx: MaterialsCtx, input: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const validated = validateMaterial(input, file);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return addMaterial(ctx.deps, PAST_CVC, validated.value);
}

const RECORDING = { kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' };
const SLIDES = { kind: 'slides', title: 'Full deck', visibility: 'attendees' };

/** The workspace's materials panel of the webinar, as the admin webinar page shows it. */
async function panel(ctx: MaterialsCtx) {
  const webinar = await getWebinarForMaterials(ctx.db, PAST_CVC);
  return parseHtml(String(await materialAdminPanel(ctx.deps)(webinar, CSRF)));
}

async function announcements(ctx: MaterialsCtx) {
  return ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'materials-available').orderBy('id').execute();
}

function worker(ctx: MaterialsCtx) {
  const transport = recordingTransport();
  return { transport, worker: createOutboxWorker({ db: ctx.db, clock: ctx.clock, transport, from: 'hub@example.org', log: () => undefined }) };
}

/** Two confirmed attendees; their confirmations are left out of the outbox, which then holds announcements only. */
async function twoAttendees(ctx: MaterialsCtx) {
  const people = [await registerBefore(ctx, [PAST_CVC], 'one@example.org'), await registerBefore(ctx, [PAST_CVC], 'two@example.org')];
  await ctx.db.deleteFrom('outbox').execute();
  return people;
}

describe('materials added together', () => {
  it('gives each attendee exactly one announcement listing the recording and the slides added 2 minutes later, sent when the button is pressed', async () => {
    const ctx = await buildMaterialsApp();
    await twoAttendees(ctx);
    expect(ANNOUNCEMENT_GATHER_MINUTES).toBe(10);
    expect((await add(ctx, RECORDING)).announced).toBe(2);
    ctx.clock.advance(2);
    expect((await add(ctx, SLIDES, { name: 'deck.pdf', bytes: SAMPLES.pdf })).announced).toBe(0);

    // The workspace says when and about what, in the programme's zone, and that more may join.
    const page = await panel(ctx);
    const notice = oneEl(page, '#materials-announcement');
    expect(notice.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      '2 people registered will be emailed at 13:10 CET (Stockholm) about: Recording, Slides: Full deck. Materials added before then are included.',
    );
    expect(oneEl(notice, 'time').getAttribute('datetime')).toBe('2027-02-01T13:10:00+01:00');
    expect(all(page, 'form[action$="/notify-materials"] button').map((b) => b.textContent!.trim())).toEqual(['Email registered attendees now']);

    ctx.clock.advance(1);
    const pressed = await ctx.app.request(`/admin/webinars/${PAST_CVC}/notify-materials`, { method: 'POST', body: new URLSearchParams({ _csrf: CSRF }) });
    expect(pressed.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?notified=2#materials`);
    const rows = await announcements(ctx);
    expect(rows.map((r) => [r.to_address, r.status, r.next_attempt_at])).toEqual([
      ['one@example.org', 'pending', '2027-02-01T12:03:00Z'],
      ['two@example.org', 'pending', '2027-02-01T12:03:00Z'],
    ]);
    for (const row of rows) {
      expect(row.subject).toBe('Now available: the recording and slides of Corporate venture capital: lessons from Silicon Valley');
      expect(row.text_body).toContain('On the webinar page, for everyone:\n- Recording\n');
      expect(row.text_body).toContain('For registered attendees only, on your personal page:\n- Slides: Full deck\n');
      expect(row.html_body).toContain('- Slides: Full deck');
    }
    expect(
      oneEl(await panel(ctx), '#materials-announcement')
        .textContent!.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('2 people registered are being emailed now about: Recording, Slides: Full deck.');
    const { transport, worker: w } = worker(ctx);
    await w.runOnce();
    expect(transport.sent.map((m) => m.to_address)).toEqual(['one@example.org', 'two@example.org']);
    // Pressed again, or the deadline passing: nothing more.
    expect(await notifyAttendees(ctx.deps, PAST_CVC)).toBe(0);
    ctx.clock.advance(20);
    await w.runOnce();
    expect(transport.sent).toHaveLength(2);
    expect(await announcements(ctx)).toHaveLength(2);
  });

  it('sends the gathered announcement by itself once the gathering time is over', async () => {
    const ctx = await buildMaterialsApp();
    await twoAttendees(ctx);
    await add(ctx, RECORDING);
    ctx.clock.advance(2);
    await add(ctx, SLIDES, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    const { transport, worker: w } = worker(ctx);
    ctx.clock.advance(7);
    await w.runOnce();
    expect(transport.sent).toEqual([]);
    ctx.clock.advance(1);
    await w.runOnce();
    expect(transport.sent.map((m) => [m.to_address, m.text_body.includes('- Recording') && m.text_body.includes('- Slides: Full deck')])).toEqual([
      ['one@example.org', true],
      ['two@example.org', true],
    ]);
    // After it went out, the panel says nothing is waiting.
    const page = await panel(ctx);
    expect(all(page, '#materials-heading')).toHaveLength(1);
    expect(all(page, '#materials-announcement')).toEqual([]);
  });

  it('leaves an announcement a worker already claimed as it is, and announces what came after it separately', async () => {
    const ctx = await buildMaterialsApp();
    await twoAttendees(ctx);
    await add(ctx, RECORDING);
    ctx.clock.advance(10);
    // Another instance's worker claims both, and is still sending when the slides are added.
    const claimed = await claimDueMessages(ctx.db, { now: '2027-02-01T12:10:00Z', limit: 10, worker: 'other', until: '2027-02-01T12:11:00Z' });
    expect(claimed).toHaveLength(2);
    expect((await add(ctx, SLIDES, { name: 'deck.pdf', bytes: SAMPLES.pdf })).announced).toBe(0);
    let rows = await announcements(ctx);
    expect(rows.map((r) => [r.status, r.text_body])).toEqual(claimed.map((m) => ['sending', m.text_body]));
    // The button announces the slides alone: the recording is on its way already.
    expect(await notifyAttendees(ctx.deps, PAST_CVC)).toBe(2);
    rows = await announcements(ctx);
    expect(rows.slice(2).map((r) => r.subject)).toEqual([
      'Now available: the slides of Corporate venture capital: lessons from Silicon Valley',
      'Now available: the slides of Corporate venture capital: lessons from Silicon Valley',
    ]);
    expect(rows.slice(2).every((r) => !r.text_body.includes('- Recording'))).toBe(true);
  });

  it('never lists a material twice for anyone while a worker sends and a coordinator adds slides at the same moment', async () => {
    const ctx = await buildMaterialsApp();
    const people = await twoAttendees(ctx);
    await add(ctx, RECORDING);
    ctx.clock.advance(10);
    const { transport, worker: w } = worker(ctx);
    await Promise.all([w.runOnce(), add(ctx, SLIDES, { name: 'deck.pdf', bytes: SAMPLES.pdf }), notifyAttendees(ctx.deps, PAST_CVC)]);
    await w.runOnce();
    await notifyAttendees(ctx.deps, PAST_CVC);
    await w.runOnce();
    const rows = await announcements(ctx);
    for (const person of people) {
      const theirs = transport.sent.filter((m) => m.attendee_id === person.id);
      const listed = theirs.flatMap((m) => m.text_body.split('\n').filter((line) => line.startsWith('- ')));
      expect(listed.sort()).toEqual(['- Recording', '- Slides: Full deck']);
    }
    // What went out is what the outbox says went out: no row was rewritten after its claim.
    for (const sent of transport.sent) expect(rows.find((r) => r.id === sent.id)!.text_body).toBe(sent.text_body);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('sends one announcement per attendee when two coordinators (or instances) press the button at once', async () => {
    const ctx = await buildMaterialsApp();
    await twoAttendees(ctx);
    await add(ctx, SLIDES, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    const counts = await Promise.all([notifyAttendees(ctx.deps, PAST_CVC), notifyAttendees({ ...ctx.deps }, PAST_CVC), notifyAttendees(ctx.deps, PAST_CVC)]);
    expect(counts.sort()).toEqual([0, 0, 2]);
    expect((await announcements(ctx)).map((r) => r.to_address)).toEqual(['one@example.org', 'two@example.org']);
  });

  it('drops what was removed from a gathering announcement, and the announcement when nothing is left or the person cancelled', async () => {
    const ctx = await buildMaterialsApp();
    const [first] = await twoAttendees(ctx);
    const { material: recording } = await add(ctx, RECORDING);
    await add(ctx, SLIDES, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    // Cancelled by a coordinator after the webinar (attendees cannot cancel a past one themselves).
    await ctx.db.updateTable('registration').set({ status: 'cancelled' }).where('attendee_id', '=', first!.id).execute();
    await deleteMaterial(ctx.deps, PAST_CVC, recording.id);
    const rows = await announcements(ctx);
    expect(rows.map((r) => [r.to_address, r.subject])).toEqual([
      ['two@example.org', 'Now available: the slides of Corporate venture capital: lessons from Silicon Valley'],
    ]);
    expect(rows[0]!.text_body).not.toContain('- Recording');
  });

  it('merges two unsent announcements of one person, queued before announcements gathered, into one', async () => {
    const ctx = await buildMaterialsApp();
    const [first] = await twoAttendees(ctx);
    const { material: slides } = await add(ctx, SLIDES, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    expect(await notifyAttendees(ctx.deps, PAST_CVC)).toBe(2);
    // As the earlier code could leave it: a second unsent email to the first person, keyed on what
    // the first is about to become (the link added next takes the next id).
    const { material: recording } = await add(ctx, RECORDING);
    const original = (await announcements(ctx))[0]!;
    await ctx.db
      .insertInto('outbox')
      .values({ ...original, id: undefined, dedupe_key: `materials:${slides.webinarId}:${first!.id}:set:${slides.id},${recording.id},${recording.id + 1}` })
      .execute();
    await add(ctx, { kind: 'link', title: 'Further reading', url: 'https://example.org/reading' });
    const rows = (await announcements(ctx)).filter((r) => r.attendee_id === first!.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text_body).toContain('- Link: Further reading');
  });
});
