// The workspace's outbox says, for every email that waits, when its next try is due and how many
// tries it has had: a coordinator can tell "retrying after an outage" from "stuck".
import { describe, expect, it } from 'vitest';
import { recordingTransport } from '../../src/mail/mailer.js';
import { createOutboxWorker } from '../../src/mail/outbox.worker.js';
import { signInAsCoordinator } from '../helpers/admin-session.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';
type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

async function register(ctx: Ctx, email: string) {
  const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email }));
  expect(res.status).toBe(201);
}

/** The cells of each row of the outbox table, tags stripped, keyed by recipient. */
function rowsOf(html: string): Record<string, { status: string; nextTry: string }> {
  const rows: Record<string, { status: string; nextTry: string }> = {};
  // Cells may carry attributes (the phone layout's roles and labels): only their contents count here.
  const body = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
  for (const row of body.split(/<tr\b[^>]*>/).slice(1)) {
    const cells = [...row.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((match) => match[1]!);
    rows[cells[1]!] = { status: cells[2]!, nextTry: cells[4]! };
  }
  return rows;
}

function worker(ctx: Ctx, transport: ReturnType<typeof recordingTransport> | null) {
  return createOutboxWorker({ db: ctx.db, clock: ctx.clock, transport, from: 'hub@example.org', log: () => undefined, random: () => 0 });
}

describe('the outbox page', () => {
  it('shows when the next try of a pending email is due, with the offset, and the tries so far', async () => {
    const ctx = await buildTestApp({ now: '2027-02-01T12:00:00Z' });
    const session = await signInAsCoordinator(ctx);
    await register(ctx, 'first@example.org');
    // The mail server refuses for a while: two tries, the next one 2 minutes after the second.
    const refusing = recordingTransport();
    refusing.failWith(new Error('451 4.3.0 Try again later'));
    await worker(ctx, refusing).runOnce();
    ctx.clock.advance(1);
    await worker(ctx, refusing).runOnce();
    await register(ctx, 'second@example.org');

    const res = await ctx.app.request('/admin/outbox', { headers: session.headers() });
    expect(res.status).toBe(200);
    const html = await res.text();
    // In the programme's zone, as every other workspace page (Stockholm is UTC+1 in February).
    expect(html).toMatch(/<th scope="col"[^>]*>Next try \(Stockholm\)<\/th>/);
    const rows = rowsOf(html);
    expect(rows['first@example.org']!.nextTry).toBe(
      '<time datetime="2027-02-01T13:03:00+01:00">Mon 1 Feb 2027, 13:03 <abbr title="Europe/Stockholm, UTC+01:00">CET</abbr></time><span class="clock-date">2 attempts so far</span>',
    );
    expect(rows['first@example.org']!.status).toContain('451 4.3.0 Try again later');
    // Queued at 12:01 and not tried yet: due now.
    expect(rows['second@example.org']!.nextTry).toBe(
      '<time datetime="2027-02-01T13:01:00+01:00">Mon 1 Feb 2027, 13:01 <abbr title="Europe/Stockholm, UTC+01:00">CET</abbr></time><span class="clock-date">due now</span><span class="clock-date">not tried yet</span>',
    );
  });

  it('shows the next try of a held email, says why it is held, and nothing for sent ones', async () => {
    const ctx = await buildTestApp({ now: '2027-02-01T12:00:00Z' });
    const session = await signInAsCoordinator(ctx);
    await register(ctx, 'sent@example.org');
    await worker(ctx, recordingTransport()).runOnce();
    await register(ctx, 'held@example.org');
    await worker(ctx, null).runOnce();
    ctx.clock.advance(5);

    const rows = rowsOf(await (await ctx.app.request('/admin/outbox', { headers: session.headers() })).text());
    expect(rows['held@example.org']!.nextTry).toBe(
      '<time datetime="2027-02-01T13:00:00+01:00">Mon 1 Feb 2027, 13:00 <abbr title="Europe/Stockholm, UTC+01:00">CET</abbr></time><span class="clock-date">due now</span><span class="clock-date">not tried yet</span><span class="clock-date">held until a mail server is configured (SMTP_URL)</span>',
    );
    expect(rows['sent@example.org']!.nextTry).toBe('');
    expect(rows['sent@example.org']!.status).toBe('<span class="tag live">Sent</span>');
  });
});
