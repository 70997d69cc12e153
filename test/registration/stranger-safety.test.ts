// What a stranger who types someone else's address can do with the hub: nothing that reaches the
// owner's page, link, calendar or seats, and no email from the hub that carries the stranger's links.
import { describe, expect, it } from 'vitest';
import { form, json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, tableCounts } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';
const OTHER = 'partnership-models-new-york';
type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

const outbox = (ctx: Ctx) => ctx.db.selectFrom('outbox').selectAll().orderBy('id').execute();

async function owner(ctx: Ctx) {
  const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
  expect(res.status).toBe(201);
  return ((await res.json()) as { personalUrl: string }).personalUrl.split('/').pop()!;
}

describe('a stranger registering someone else’s address', () => {
  it('never breaks the owner’s link or calendar, takes no seat, and is told only “emailed”', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 5 }).where('slug', '=', OTHER).execute();
    const token = await owner(ctx);
    const feed = await (await ctx.app.request(`/my/${token}/calendar.ics`)).text();

    const api = await ctx.app.request(`/api/webinars/${OTHER}/registrations`, json({ ...VISITOR, name: 'Mallory' }));
    const viaForm = await ctx.app.request('/register', form({ ...VISITOR, name: 'Mallory', webinars: [SLUG, OTHER] }));

    expect([api.status, ((await api.json()) as { status: string }).status]).toEqual([202, 'emailed']);
    expect([viaForm.status, viaForm.headers.get('location')]).toEqual([303, `/registered?webinars=${SLUG}%2C${OTHER}`]);
    // The owner's link still works, and shows them what was asked, to confirm or discard.
    const ownPage = await ctx.app.request(`/my/${token}`);
    expect([ownPage.status, (await ownPage.text()).includes('Waiting for your confirmation')]).toEqual([200, true]);
    expect(await (await ctx.app.request(`/my/${token}/calendar.ics`)).text()).toBe(feed);
    // No seat: the webinar page still offers all five.
    expect(await (await ctx.app.request(`/webinars/${OTHER}`)).text()).toContain('5 of 5 seats left');
    expect(await ctx.db.selectFrom('registration').select('webinar_id').execute()).toHaveLength(1);
    // One request, and one email a day about it, however often the address is typed.
    expect(await ctx.db.selectFrom('registration_request').select(['webinar_id', 'attendee_id']).execute()).toHaveLength(1);
    expect((await outbox(ctx)).map((m) => m.kind)).toEqual(['registration-confirmed', 'registration-request', 'already-registered']);
  });

  it('confirms a new address at once, as before', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'new@example.org' }));
    expect([res.status, ((await res.json()) as { status: string }).status]).toEqual([201, 'confirmed']);
  });

  it('refuses a name or an organisation with a web address in it, with a field message, and stores nothing', async () => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const name = await ctx.app.request(
      `/api/webinars/${SLUG}/registrations`,
      json({ ...VISITOR, name: 'Action needed: verify at https://evil.example/login' }),
    );
    const organisation = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, organisation: 'see www.evil.example' }));
    const path = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, name: 'Go to evil.example/login now' }));

    expect(name.status).toBe(422);
    expect(((await name.json()) as { fields: Record<string, string> }).fields).toEqual({ name: 'Please write your name without a web address.' });
    expect(((await organisation.json()) as { fields: Record<string, string> }).fields).toEqual({
      organisation: 'Please write the organisation’s name without a web address.',
    });
    expect(path.status).toBe(422);
    expect(await path.text()).toContain('Please write your name without a web address.');
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('never turns text a visitor typed into a link, even one stored before such names were refused', async () => {
    const ctx = await buildTestApp();
    const token = await owner(ctx);
    await ctx.db.updateTable('attendee').set({ name: 'Action needed: verify at https://evil.example/login' }).execute();
    await ctx.app.request(`/my/${token}/register/${OTHER}`, { method: 'POST' });
    const email = (await outbox(ctx)).at(-1)!;
    expect(email.text_body).toContain('Hello Action needed: verify at https://evil.example/login,');
    expect(email.html_body).toContain('Hello Action needed: verify at https://evil.example/login,');
    expect(email.html_body).not.toContain('href="https://evil.example');
    // The hub's own links still are links.
    expect(email.html_body).toContain(`<a href="https://hub.example.org/my/${token}" style=`);
  });

  it('offers in every email to the address one button that removes it and everything about it', async () => {
    const ctx = await buildTestApp();
    const token = await owner(ctx);
    await ctx.app.request(`/api/webinars/${OTHER}/registrations`, json(VISITOR));
    for (const email of await outbox(ctx)) expect(email.text_body).toContain(`https://hub.example.org/my/${token}/remove`);

    const landing = await ctx.app.request(`/my/${token}/remove`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Remove everything');
    // Opening the link removes nothing; the button does.
    expect(await ctx.db.selectFrom('attendee').select('id').execute()).toHaveLength(1);
    const removed = await ctx.app.request(`/my/${token}/delete`, form({ confirm: 'yes' }));
    expect(removed.status).toBe(200);
    expect(await ctx.db.selectFrom('attendee').select('id').execute()).toEqual([]);
    expect(await ctx.db.selectFrom('registration_request').select('id').execute()).toEqual([]);
    expect((await ctx.app.request(`/my/${token}`)).status).toBe(404);
  });

  it('lets a request expire unconfirmed: after a week it confirms nothing', async () => {
    const ctx = await buildTestApp();
    const token = await owner(ctx);
    await ctx.app.request(`/api/webinars/${OTHER}/registrations`, json(VISITOR));
    const confirm = new RegExp(`/my/${token}/confirm/\\d+`).exec((await outbox(ctx)).at(-1)!.text_body)![0];
    ctx.clock.advance(7 * 24 * 60 + 1);
    expect((await ctx.app.request(confirm)).status).toBe(404);
    expect((await ctx.app.request(confirm, form({}))).status).toBe(404);
    expect(await ctx.db.selectFrom('registration').select('id').execute()).toHaveLength(1);
  });
});

describe('the owner’s page', () => {
  it('lists the registrations asked for the address, to confirm or discard there too', async () => {
    const ctx = await buildTestApp();
    const token = await owner(ctx);
    await ctx.app.request(`/api/webinars/${OTHER}/registrations`, json(VISITOR));
    const page = await (await ctx.app.request(`/my/${token}`)).text();
    expect(page).toContain('Waiting for your confirmation');
    const [request] = await ctx.db.selectFrom('registration_request').select('id').execute();
    expect(page).toContain(`action="/my/${token}/confirm/${request!.id}"`);
    await ctx.app.request(`/my/${token}/confirm/${request!.id}`, form({}));
    expect(await (await ctx.app.request(`/my/${token}`)).text()).not.toContain('Waiting for your confirmation');
  });
});
