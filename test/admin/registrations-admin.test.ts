import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/admin/registrations-csv.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { buildRegistrationAdminApp } from '../helpers/registration-admin-app.js';
import { tableCounts } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';
const OTHER = 'partnership-models-new-york';

const setup = buildRegistrationAdminApp;
type Ctx = Awaited<ReturnType<typeof setup>>;

/** Registers through the public JSON API, as a visitor would, and answers the registration's id. */
async function registerAs(ctx: Ctx, overrides: Record<string, string>, slug = SLUG): Promise<number> {
  const res = await ctx.app.request(`/api/webinars/${slug}/registrations`, json({ ...VISITOR, ...overrides }));
  expect(res.status).toBe(201);
  const row = await ctx.db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .innerJoin('webinar', 'webinar.id', 'registration.webinar_id')
    .select('registration.id')
    .where('attendee.email', '=', overrides.email ?? VISITOR.email)
    .where('webinar.slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

const ERIK = {
  name: 'Erik Berg',
  email: 'erik.berg@volvo.example',
  organisation: 'Volvo Cars',
  organisationType: 'large-company',
  timezone: 'Europe/Stockholm',
  question: '',
};
const MARIA = {
  name: 'Maria Silva',
  email: 'maria@research.example',
  organisation: '100% Research',
  organisationType: 'academia',
  timezone: 'America/New_York',
  question: '',
};
const OLA = {
  name: 'Ola Nordmann',
  email: 'ola@energy.example',
  organisation: 'Nordic Energy',
  organisationType: 'large-company',
  timezone: 'Europe/Oslo',
  question: '',
};

type ApiBody = {
  webinar: { slug: string; title: string; capacity: number | null };
  counts: { byStatus: Record<string, number>; byOrganisationType: Record<string, Record<string, number>> };
  registrations: Array<{ id: number; name: string; email: string; organisationType: string; status: string; waitlistPlace: number | null }>;
};

async function api(ctx: Ctx, query = ''): Promise<ApiBody> {
  const res = await ctx.admin.request(`/api/webinars/${SLUG}/registrations${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ApiBody;
}

const names = (body: ApiBody) => body.registrations.map((r) => r.name);

async function statuses(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .select(['attendee.name', 'registration.status'])
    .orderBy('registration.id')
    .execute();
  return rows.map((row) => `${row.name}: ${row.status}`);
}

/** Three people for a two-seat webinar: Wang Fang and Erik confirmed, Maria waiting. */
async function fullWebinar(ctx: Ctx) {
  await updateWebinar(ctx.db, ctx.clock, SLUG, { capacity: 2 });
  const wang = await registerAs(ctx, {});
  const erik = await registerAs(ctx, ERIK);
  const maria = await registerAs(ctx, MARIA);
  return { wang, erik, maria };
}

describe('the registration list', () => {
  it('lists registrations in order with attendees, and filters by status, organisation type and text', async () => {
    const ctx = await setup();
    const { wang, erik, maria } = await fullWebinar(ctx);
    await registerAs(ctx, OLA, OTHER);

    const all = await api(ctx);
    expect(all.webinar).toEqual({ slug: SLUG, title: 'From pilot to contract: how Norwegian industry buys from startups', capacity: 2 });
    expect(all.registrations).toEqual([
      {
        id: wang,
        name: 'Wang Fang',
        email: 'wang.fang@example.cn',
        organisation: 'Shanghai Startup Lab',
        organisationType: 'startup',
        timezone: 'Asia/Shanghai',
        status: 'confirmed',
        waitlistPlace: null,
        question: 'How do you pick pilot partners?',
        registeredAt: '2027-02-01T12:00:00Z',
      },
      {
        id: erik,
        name: 'Erik Berg',
        email: 'erik.berg@volvo.example',
        organisation: 'Volvo Cars',
        organisationType: 'large-company',
        timezone: 'Europe/Stockholm',
        status: 'confirmed',
        waitlistPlace: null,
        question: null,
        registeredAt: '2027-02-01T12:00:00Z',
      },
      {
        id: maria,
        name: 'Maria Silva',
        email: 'maria@research.example',
        organisation: '100% Research',
        organisationType: 'academia',
        timezone: 'America/New_York',
        status: 'waitlisted',
        waitlistPlace: 1,
        question: null,
        registeredAt: '2027-02-01T12:00:00Z',
      },
    ]);
    expect(names(await api(ctx, '?status=waitlisted'))).toEqual(['Maria Silva']);
    expect(names(await api(ctx, '?status=confirmed'))).toEqual(['Wang Fang', 'Erik Berg']);
    expect(names(await api(ctx, '?type=large-company'))).toEqual(['Erik Berg']);
    expect(names(await api(ctx, '?type=startup&status=waitlisted'))).toEqual([]);
    expect(names(await api(ctx, '?q=VOLVO'))).toEqual(['Erik Berg']);
    expect(names(await api(ctx, '?q=example.cn'))).toEqual(['Wang Fang']);
  });

  it('treats % and _ in the search as plain characters, not as wildcards that match everyone', async () => {
    const ctx = await setup();
    await fullWebinar(ctx);
    expect(names(await api(ctx, '?q=%25'))).toEqual(['Maria Silva']);
    expect(names(await api(ctx, '?q=100%25'))).toEqual(['Maria Silva']);
    expect(names(await api(ctx, '?q=_'))).toEqual([]);
    expect(names(await api(ctx, '?q=%5C'))).toEqual([]);
  });

  it('counts per organisation type and status, and numbers the waiting list in order', async () => {
    const ctx = await setup();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { capacity: 1 });
    await registerAs(ctx, ERIK);
    const wang = await registerAs(ctx, {});
    const maria = await registerAs(ctx, MARIA);
    const body = await api(ctx);
    expect(body.counts).toEqual({
      byStatus: { confirmed: 1, waitlisted: 2, cancelled: 0 },
      byOrganisationType: {
        'large-company': { confirmed: 1, waitlisted: 0, cancelled: 0 },
        startup: { confirmed: 0, waitlisted: 1, cancelled: 0 },
        academia: { confirmed: 0, waitlisted: 1, cancelled: 0 },
        'public-sector': { confirmed: 0, waitlisted: 0, cancelled: 0 },
        other: { confirmed: 0, waitlisted: 0, cancelled: 0 },
      },
    });
    expect(body.registrations.map((r) => [r.id, r.waitlistPlace])).toEqual([
      [body.registrations[0]!.id, null],
      [wang, 1],
      [maria, 2],
    ]);
    // Places count the whole list, whatever the filter shows.
    expect((await api(ctx, '?type=academia')).registrations.map((r) => r.waitlistPlace)).toEqual([2]);

    const html = await (await ctx.admin.request(`/admin/webinars/${SLUG}/registrations`)).text();
    expect(html).toContain('<strong>Place 1</strong>: Wang Fang, Shanghai Startup Lab (Small company or startup)');
    expect(html).toContain('<strong>Place 2</strong>: Maria Silva, 100% Research (University or research institute)');
    expect(html).toContain('1 of 1 seats taken');
    expect(html).toContain('<th scope="row">Large company</th><td>1</td><td>0</td><td>0</td>');
  });

  it('renders the page in the workspace shell with times in the programme’s zone and CSRF-protected buttons', async () => {
    const ctx = await setup();
    const { maria } = await fullWebinar(ctx);
    const res = await ctx.admin.request(`/admin/webinars/${SLUG}/registrations?status=all&type=academia&q=Research`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const html = await res.text();
    expect(html).toContain('<a href="/admin/webinars" aria-current="page">Webinars</a>');
    expect(html).toContain('<time datetime="2027-02-01T13:00:00+01:00">');
    expect(html).toContain(`href="/admin/webinars/${SLUG}/registrations.csv?type=academia&amp;q=Research"`);
    expect(html).toContain(`href="/admin/webinars/${SLUG}/registrations-excel.csv?type=academia&amp;q=Research"`);
    // Both downloads, each with a line on when to take it.
    expect(texts(parse(html), '.csv-options li').map((text) => text.replace(/\s+/g, ' '))).toEqual([
      'For Excel Swedish and other semicolon locales: opens directly with å, ä, ö and dates Excel understands.',
      'CSV (comma, UTF-8) For Google Sheets, Numbers, scripts and other tools.',
    ]);
    expect(html).toContain(
      `<form method="post" action="/admin/registrations/${maria}/promote" class="inline-form"><input type="hidden" name="_csrf" value="test"/><button type="submit" class="small" aria-label="Promote Maria Silva (maria@research.example)">Promote</button></form>`,
    );
    expect(html).toContain(`action="/admin/registrations/${maria}/cancel"`);
    const filter = one(parse(html), 'form[aria-label="Filter registrations"]');
    expect(attrs(filter, 'input, select', 'name')).toEqual(['status', 'type', 'q']);
    expect(texts(filter, 'label')).toEqual(['Status', 'Organisation type', 'Name, email or organisation']);
    expect(attrs(filter, 'label', 'for')).toEqual(['filter-status', 'filter-type', 'filter-q']);
    expect(textOf(one(filter, '#filter-status option[selected]'))).toBe('All');
    expect(textOf(one(filter, '#filter-type option[selected]'))).toBe('University or research institute');
    expect(one(filter, '#filter-q').getAttribute('value')).toBe('Research');
    expect(filter.querySelector('[aria-invalid]')).toBeNull();
    expect(html).not.toContain('wang.fang@example.cn</a>');
  });

  it('answers 400 with a message for bad filter values, on the page, the CSV and the API, and changes nothing', async () => {
    const ctx = await setup();
    await fullWebinar(ctx);
    const before = await tableCounts(ctx.db);

    const page = await ctx.admin.request(`/admin/webinars/${SLUG}/registrations?status=maybe`);
    expect(page.status).toBe(400);
    const html = await page.text();
    const doc = parse(html);
    const message = 'Status must be one of: all, confirmed, waitlisted, cancelled.';
    expect(texts(doc, '#filter-errors strong, #filter-errors li')).toEqual(['The filter could not be applied:', message]);
    expect(attrs(doc, '#filter-errors a', 'href')).toEqual(['#filter-status']);
    expect(textOf(one(doc, '#filter-status-error'))).toBe(message);
    expect(one(doc, '#filter-status').getAttribute('aria-invalid')).toBe('true');
    expect(one(doc, '#filter-status').getAttribute('aria-describedby')).toBe('filter-status-error');
    expect(one(doc, '#filter-type').getAttribute('aria-invalid')).toBeNull();
    expect(html).not.toContain('<caption class="visually-hidden">Registrations, in the order they came in</caption>');

    const csv = await ctx.admin.request(`/admin/webinars/${SLUG}/registrations.csv?type=bank`);
    expect(csv.status).toBe(400);
    expect(await csv.text()).toContain('Organisation type must be one of: large-company, startup, academia, public-sector, other, all.');
    const excel = await ctx.admin.request(`/admin/webinars/${SLUG}/registrations-excel.csv?status=maybe`);
    expect(excel.status).toBe(400);
    expect(await excel.text()).toContain(message);

    const apiRes = await ctx.admin.request(`/api/webinars/${SLUG}/registrations?q=${'x'.repeat(201)}`);
    expect(apiRes.status).toBe(400);
    expect(await apiRes.json()).toEqual({ error: 'Search must be at most 200 characters.', fields: { q: 'Search must be at most 200 characters.' } });

    const control = await ctx.admin.request(`/api/webinars/${SLUG}/registrations?q=a%0Ab`);
    expect(control.status).toBe(400);
    expect(ctx.logged).toEqual([]);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('answers 404 for a webinar that does not exist', async () => {
    const ctx = await setup();
    expect((await ctx.admin.request('/admin/webinars/no-such-webinar/registrations')).status).toBe(404);
    expect((await ctx.admin.request('/admin/webinars/no-such-webinar/registrations.csv')).status).toBe(404);
    expect((await ctx.admin.request('/admin/webinars/no-such-webinar/registrations-excel.csv')).status).toBe(404);
    const res = await ctx.admin.request('/api/webinars/no-such-webinar/registrations');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'There is no webinar called "no-such-webinar".' });
  });
});

describe('the CSV export', () => {
  it('comes for Excel (BOM, semicolons) and as comma CSV, both CRLF, quoted, formulas neutralised and times in the programme’s zone', async () => {
    const ctx = await setup();
    await registerAs(ctx, {
      // A spreadsheet command, not a web address (names with those are refused at registration).
      name: '=cmd|"/C calc"!A0',
      email: 'mallory@example.com',
      organisation: '+46 70 123 45 67',
      organisationType: 'other',
      timezone: 'Europe/Stockholm',
      question: '',
    });
    await registerAs(ctx, { name: '王芳', organisation: 'Shanghai Startup Lab, 上海', question: 'How do you pick "pilot" partners?\r\nAnd how long?' });
    await registerAs(ctx, { ...ERIK, name: 'Åsa Öberg', organisation: '@Ängby AB' });

    const header =
      "Name,Email,Organisation,Organisation type,Attendee's time zone,Status,Waiting-list place,Registered at (Europe/Stockholm),UTC offset,Registered at (UTC),Question\r\n";
    const rows = [
      `"'=cmd|""/C calc""!A0",mallory@example.com,'+46 70 123 45 67,Other,Europe/Stockholm,Confirmed,,2027-02-01 13:00,UTC+01:00,2027-02-01T12:00:00Z,\r\n`,
      '王芳,wang.fang@example.cn,"Shanghai Startup Lab, 上海",Small company or startup,Asia/Shanghai,Confirmed,,2027-02-01 13:00,UTC+01:00,2027-02-01T12:00:00Z,"How do you pick ""pilot"" partners?\nAnd how long?"\r\n',
      "Åsa Öberg,erik.berg@volvo.example,'@Ängby AB,Large company,Europe/Stockholm,Confirmed,,2027-02-01 13:00,UTC+01:00,2027-02-01T12:00:00Z,\r\n",
    ];

    // For other tools: RFC 4180, no byte order mark.
    const comma = await ctx.admin.request(`/admin/webinars/${SLUG}/registrations.csv`);
    expect(comma.status).toBe(200);
    expect(comma.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(comma.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}-registrations-comma.csv"`);
    expect(comma.headers.get('cache-control')).toBe('private, no-store');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await comma.arrayBuffer())).toBe(header + rows.join(''));

    // For Excel: the BOM, semicolons, and only what holds a semicolon, a quote or a line break quoted.
    const excel = await ctx.admin.request(`/admin/webinars/${SLUG}/registrations-excel.csv`);
    expect(excel.status).toBe(200);
    expect(excel.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(excel.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}-registrations-excel-semicolon.csv"`);
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      "\uFEFFName;Email;Organisation;Organisation type;Attendee's time zone;Status;Waiting-list place;Registered at (Europe/Stockholm);UTC offset;Registered at (UTC);Question\r\n" +
        `"'=cmd|""/C calc""!A0";mallory@example.com;'+46 70 123 45 67;Other;Europe/Stockholm;Confirmed;;2027-02-01 13:00;UTC+01:00;2027-02-01T12:00:00Z;\r\n` +
        '王芳;wang.fang@example.cn;Shanghai Startup Lab, 上海;Small company or startup;Asia/Shanghai;Confirmed;;2027-02-01 13:00;UTC+01:00;2027-02-01T12:00:00Z;"How do you pick ""pilot"" partners?\nAnd how long?"\r\n' +
        "Åsa Öberg;erik.berg@volvo.example;'@Ängby AB;Large company;Europe/Stockholm;Confirmed;;2027-02-01 13:00;UTC+01:00;2027-02-01T12:00:00Z;\r\n",
    );
  });

  it('honours the filters and writes the waiting-list place', async () => {
    const ctx = await setup();
    await fullWebinar(ctx);
    const res = await ctx.admin.request(`/admin/webinars/${SLUG}/registrations-excel.csv?status=waitlisted`);
    // Response.text() drops a BOM; the bytes are what Excel reads.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(
      "\uFEFFName;Email;Organisation;Organisation type;Attendee's time zone;Status;Waiting-list place;Registered at (Europe/Stockholm);UTC offset;Registered at (UTC);Question\r\n" +
        'Maria Silva;maria@research.example;100% Research;University or research institute;America/New_York;Waiting list;1;2027-02-01 13:00;UTC+01:00;2027-02-01T12:00:00Z;\r\n',
    );
  });

  it('neutralises every cell that a spreadsheet would run, and leaves others alone', () => {
    expect(['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\r=1', 'plain', 'a=b', 'a,b', 'say "hi"', '', null, 3].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      `"'\r=1"`,
      'plain',
      'a=b',
      '"a,b"',
      '"say ""hi"""',
      '',
      '',
      '3',
    ]);
  });
});

describe('manual cancel and promote', () => {
  it('cancels a confirmed registration, promotes the first person waiting and queues both emails', async () => {
    const ctx = await setup();
    const { wang, maria } = await fullWebinar(ctx);
    const tom = await registerAs(ctx, { ...OLA, name: 'Tom Waits', email: 'tom@example.org' });
    const outboxBefore = (await ctx.db.selectFrom('outbox').select('id').execute()).length;

    const res = await ctx.admin.request(`/admin/registrations/${wang}/cancel`, form({ _csrf: 'test', confirm: 'yes' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/webinars/${SLUG}/registrations?done=cancelled-promoted`);
    expect(await statuses(ctx)).toEqual(['Wang Fang: cancelled', 'Erik Berg: confirmed', 'Maria Silva: confirmed', 'Tom Waits: waitlisted']);

    const emails = await ctx.db
      .selectFrom('outbox')
      .select(['kind', 'to_address', 'ics_method', 'subject'])
      .where('id', '>', outboxBefore)
      .orderBy('id')
      .execute();
    expect(emails).toEqual([
      {
        kind: 'registration-cancelled',
        to_address: 'wang.fang@example.cn',
        ics_method: 'CANCEL',
        subject: 'Cancelled: your registration for From pilot to contract: how Norwegian industry buys from startups',
      },
      {
        kind: 'promoted',
        to_address: 'maria@research.example',
        ics_method: 'REQUEST',
        subject: 'A seat is free: you are now registered for From pilot to contract: how Norwegian industry buys from startups',
      },
    ]);
    const cancelledRow = await ctx.db.selectFrom('registration').select(['cancelled_at']).where('id', '=', wang).executeTakeFirstOrThrow();
    expect(cancelledRow.cancelled_at).toBe('2027-02-01T12:00:00Z');

    const html = await (await ctx.admin.request(res.headers.get('location')!)).text();
    expect(html).toContain('The freed seat went to the first person on the waiting list; both have been emailed.');
    expect(html).toContain('<strong>Place 1</strong>: Tom Waits');
    expect(maria).toBeGreaterThan(wang);
    expect(tom).toBeGreaterThan(maria);
  });

  it('asks first, saying who is emailed and where the seat goes, and changes nothing until confirmed', async () => {
    const ctx = await setup();
    const { wang, maria } = await fullWebinar(ctx);
    const before = await tableCounts(ctx.db);
    const page = parse(await (await ctx.admin.request(`/admin/webinars/${SLUG}/registrations`)).text());
    expect(one(page, `form[action="/admin/registrations/${wang}/cancel"]`).getAttribute('method')).toBe('get');
    for (const step of [
      await ctx.admin.request(`/admin/registrations/${wang}/cancel`),
      await ctx.admin.request(`/admin/registrations/${wang}/cancel`, form({ _csrf: 'test' })),
    ]) {
      expect(step.status).toBe(200);
      const doc = parse(await step.text());
      expect(textOf(one(doc, 'h1'))).toBe('Cancel the registration of Wang Fang?');
      expect(texts(doc, '.confirm-consequences li')).toEqual([
        'Wang Fang (wang.fang@example.cn) is emailed that the registration is cancelled.',
        'The seat goes to the first person on the waiting list, who is emailed too.',
      ]);
      expect(attrs(doc, `form[action="/admin/registrations/${wang}/cancel"] input[type="hidden"]`, 'name')).toEqual(['_csrf', 'confirm']);
    }
    const waiting = parse(await (await ctx.admin.request(`/admin/registrations/${maria}/cancel`)).text());
    expect(textOf(one(waiting, 'h1'))).toBe('Take Maria Silva off the waiting list?');
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('takes someone off the waiting list without a calendar cancellation and without promoting anyone', async () => {
    const ctx = await setup();
    const { maria } = await fullWebinar(ctx);
    const outboxBefore = (await ctx.db.selectFrom('outbox').select('id').execute()).length;
    const res = await ctx.admin.request(`/admin/registrations/${maria}/cancel`, form({ _csrf: 'test', confirm: 'yes' }));
    expect(res.headers.get('location')).toBe(`/admin/webinars/${SLUG}/registrations?done=cancelled`);
    expect(await statuses(ctx)).toEqual(['Wang Fang: confirmed', 'Erik Berg: confirmed', 'Maria Silva: cancelled']);
    const emails = await ctx.db.selectFrom('outbox').select(['kind', 'to_address', 'ics_method']).where('id', '>', outboxBefore).execute();
    expect(emails).toEqual([{ kind: 'registration-cancelled', to_address: 'maria@research.example', ics_method: null }]);
  });

  it('promotes a waiting registration over capacity when a coordinator decides so, and says so', async () => {
    const ctx = await setup();
    const { maria } = await fullWebinar(ctx);
    const outboxBefore = (await ctx.db.selectFrom('outbox').select('id').execute()).length;
    const res = await ctx.admin.request(`/admin/registrations/${maria}/promote`, form({ _csrf: 'test' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/webinars/${SLUG}/registrations?done=promoted-over-capacity`);
    expect(await statuses(ctx)).toEqual(['Wang Fang: confirmed', 'Erik Berg: confirmed', 'Maria Silva: confirmed']);
    const promoted = await ctx.db.selectFrom('registration').select('confirmed_at').where('id', '=', maria).executeTakeFirstOrThrow();
    expect(promoted.confirmed_at).toBe('2027-02-01T12:00:00Z');
    const emails = await ctx.db.selectFrom('outbox').select(['kind', 'to_address', 'ics_method']).where('id', '>', outboxBefore).execute();
    expect(emails).toEqual([{ kind: 'promoted', to_address: 'maria@research.example', ics_method: 'REQUEST' }]);

    const html = await (await ctx.admin.request(res.headers.get('location')!)).text();
    expect(html).toContain('The webinar is now over its capacity: 3 confirmed for 2 seats.');
    expect(html).toContain('3 of 2 seats taken<strong> (over capacity)</strong>');
  });

  it('promotes without the over-capacity warning when a seat is free', async () => {
    const ctx = await setup();
    const { maria } = await fullWebinar(ctx);
    // Raising the capacity directly leaves the waiting list as it was, as a coordinator may want.
    await updateWebinar(ctx.db, ctx.clock, SLUG, { capacity: 3 });
    const res = await ctx.admin.request(`/admin/registrations/${maria}/promote`, form({ _csrf: 'test' }));
    expect(res.headers.get('location')).toBe(`/admin/webinars/${SLUG}/registrations?done=promoted`);
  });

  it('refuses unknown registrations with 404 and wrong states with 409, changing nothing', async () => {
    const ctx = await setup();
    const { wang, maria } = await fullWebinar(ctx);
    await ctx.admin.request(`/admin/registrations/${maria}/cancel`, form({ _csrf: 'test', confirm: 'yes' }));
    const before = await tableCounts(ctx.db);

    for (const path of [
      '/admin/registrations/999/cancel',
      '/admin/registrations/999/promote',
      '/admin/registrations/abc/cancel',
      '/admin/registrations/0/promote',
    ]) {
      const res = await ctx.admin.request(path, form({ _csrf: 'test' }));
      expect(res.status).toBe(404);
    }
    const unknown = await ctx.admin.request('/admin/registrations/999/cancel', form({ _csrf: 'test' }));
    expect(await unknown.text()).toContain('There is no registration number 999.');

    const cases: Array<[string, string]> = [
      [`/admin/registrations/${wang}/promote`, 'Wang Fang is already confirmed for “From pilot to contract: how Norwegian industry buys from startups”.'],
      [
        `/admin/registrations/${maria}/cancel`,
        'The registration of Maria Silva for “From pilot to contract: how Norwegian industry buys from startups” is already cancelled.',
      ],
      [
        `/admin/registrations/${maria}/promote`,
        'The registration of Maria Silva for “From pilot to contract: how Norwegian industry buys from startups” was cancelled; only someone on the waiting list can be promoted.',
      ],
    ];
    for (const [path, message] of cases) {
      const res = await ctx.admin.request(path, form({ _csrf: 'test' }));
      expect(res.status).toBe(409);
      expect(await res.text()).toContain(message);
    }
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('refuses to change registrations of a webinar that has started, and hides the buttons', async () => {
    const ctx = await setup();
    const { wang, maria } = await fullWebinar(ctx);
    const before = await tableCounts(ctx.db);
    ctx.clock.set('2027-03-01T12:00:00Z');
    for (const path of [`/admin/registrations/${wang}/cancel`, `/admin/registrations/${maria}/promote`]) {
      const res = await ctx.admin.request(path, form({ _csrf: 'test' }));
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('has already started, so its registrations can no longer be changed.');
    }
    expect(await tableCounts(ctx.db)).toEqual(before);
    const html = await (await ctx.admin.request(`/admin/webinars/${SLUG}/registrations`)).text();
    expect(html).toContain('registrations can no longer be cancelled or promoted');
    expect(html).not.toContain('/admin/registrations/');
  });

  it('refuses to promote anyone into a cancelled webinar', async () => {
    const ctx = await setup();
    const { maria } = await fullWebinar(ctx);
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'cancelled' });
    const res = await ctx.admin.request(`/admin/registrations/${maria}/promote`, form({ _csrf: 'test' }));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('is cancelled; nobody can be promoted to it.');
    expect(await statuses(ctx)).toEqual(['Wang Fang: confirmed', 'Erik Berg: confirmed', 'Maria Silva: waitlisted']);
  });
});
