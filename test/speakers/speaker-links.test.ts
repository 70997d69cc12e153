import { describe, expect, it } from 'vitest';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/test-app.js';

describe('speaker links through the API', () => {
  it('creates or rotates the private link with POST and revokes it with DELETE', async () => {
    const ctx = await buildTestApp();
    const token = await createTestApiToken(ctx);
    const auth = { authorization: `Bearer ${token}` };
    const created = await ctx.app.request('/api/speakers/chen-jing/link', { method: 'POST', headers: auth });
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    expect(url).toMatch(/^https:\/\/hub\.example\.org\/speaker\/[A-Za-z0-9_-]{43}$/);
    const path = new URL(url).pathname;
    expect((await ctx.app.request(path)).status).toBe(200);

    const rotated = (await (await ctx.app.request('/api/speakers/chen-jing/link', { method: 'POST', headers: auth })).json()) as { url: string };
    expect(rotated.url).not.toBe(url);
    expect((await ctx.app.request(path)).status).toBe(404);

    const revoked = await ctx.app.request('/api/speakers/chen-jing/link', { method: 'DELETE', headers: auth });
    expect(revoked.status).toBe(204);
    expect((await ctx.app.request(new URL(rotated.url).pathname)).status).toBe(404);
    expect((await ctx.app.request('/api/speakers/nobody/link', { method: 'POST', headers: auth })).status).toBe(404);
  });
});

describe('speaker links in the workspace', () => {
  it('sends the link with one click, and can withdraw it', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const noEmail = await ctx.app.request('/admin/speakers/chen-jing/link/send', session.form({}));
    expect(noEmail.status).toBe(409);
    expect(await noEmail.text()).toContain('has no email address yet');
    await ctx.db.updateTable('speaker').set({ email: 'chen@example.cn' }).where('slug', '=', 'chen-jing').execute();
    const sent = await ctx.app.request('/admin/speakers/chen-jing/link/send', session.form({}));
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/admin/speakers/chen-jing?done=link-sent');
    const page = await (await ctx.app.request('/admin/speakers/chen-jing?done=link-sent', { headers: session.headers() })).text();
    expect(page).toContain('The private link is on its way to the speaker.');
    const link = /value="(https:\/\/hub\.example\.org\/speaker\/[A-Za-z0-9_-]{43})"/.exec(page)![1]!;
    const email = await ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'speaker-link').executeTakeFirstOrThrow();
    expect(email.text_body).toContain(link);
    const revoked = await ctx.app.request('/admin/speakers/chen-jing/link/revoke', session.form({}));
    expect(revoked.status).toBe(303);
    expect((await ctx.app.request(new URL(link).pathname)).status).toBe(404);
  });
});

describe('assigning a speaker to a published webinar', () => {
  it('sends them an invite in their own zone, and a cancellation when they are removed', async () => {
    const ctx = await buildTestApp();
    const token = await createTestApiToken(ctx);
    await ctx.db.updateTable('speaker').set({ email: 'michael@example.com' }).where('slug', '=', 'michael-torres').execute();
    const patch = (body: unknown) =>
      ctx.app.request('/api/webinars/pilots-with-startups-norway', {
        method: 'PATCH',
        body: JSON.stringify(body),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    const added = await patch({
      speakers: [
        { slug: 'ingrid-haugen', role: 'speaker' },
        { slug: 'michael-torres', role: 'panelist' },
      ],
    });
    expect(added.status).toBe(200);
    const invite = await ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', 'michael@example.com').executeTakeFirstOrThrow();
    expect(invite.kind).toBe('speaker-invited');
    expect(invite.ics_method).toBe('REQUEST');
    expect(invite.text_body).toMatch(/When \(your time\):\n.* (PST|PDT) \(America\/Los_Angeles\)/);
    await patch({ speakers: [{ slug: 'ingrid-haugen', role: 'speaker' }] });
    const kinds = await ctx.db.selectFrom('outbox').select(['kind', 'ics_method']).where('to_address', '=', 'michael@example.com').orderBy('id').execute();
    expect(kinds).toEqual([
      { kind: 'speaker-invited', ics_method: 'REQUEST' },
      { kind: 'speaker-cancelled', ics_method: 'CANCEL' },
    ]);
  });
});
