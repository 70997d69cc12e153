// The workspace's pages for speakers, knowledge areas, programme settings and the outbox.
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { CsrfField, type AdminSection } from '../../views/admin/admin-layout.js';
import { ErrorSummary, SelectField, TextArea, TextField, type FormValues } from '../../views/admin/fields.js';
import { zoneOptions } from '../../views/admin/webinars/webinar-form.js';
import { OutboxTable } from '../../views/admin/outbox-table.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { OutboxStatus } from '../db/schema.js';
import { NotFoundError, ValidationError, type FieldErrors } from '../errors.js';
import { formValues, readForm } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { listOutbox, outboxSummary, OUTBOX_STATUSES, retryMessage } from '../mail/outbox.service.js';
import { createArea, createSpeaker, updateArea, updateProgrammeSettings, updateSpeaker } from '../programme/programme-admin.service.js';
import { validateArea, validateNewSpeaker, validateProgramme, validateSpeakerPatch } from '../programme/programme-admin.validation.js';
import { getAreaBySlug, getProgramme, getSpeakerBySlug, listAreas, listSpeakers } from '../programme/programme.service.js';
import { TableWrap } from '../../views/components/table-wrap.js';
import type { Speaker } from '../programme/programme.types.js';
import { renderAdminPage } from './admin-page.js';

export type ProgrammeAdminDeps = {
  db: Db;
  clock: Clock;
  /** Whether an SMTP server is configured: without one, the outbox holds messages. */
  mailConfigured: boolean;
  /** Extra controls on a speaker's page (the private link, filled by the speakers feature). */
  speakerExtras?: (speaker: Speaker, csrfToken: string) => Promise<Child>;
};

const DONE: Record<string, string> = {
  saved: 'Saved.',
  created: 'Created.',
  retried: 'The message will be sent again at the next run of the outbox.',
  'link-sent': 'The private link is on its way to the speaker.',
  'link-rotated': 'The old link no longer works; the new one is on its way to the speaker.',
  'link-revoked': 'The private link no longer works.',
};

export function programmeAdminRoutes(deps: ProgrammeAdminDeps) {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();

  const page = (c: Context<AppEnv>, section: AdminSection, title: string, body: Child, status = 200) =>
    renderAdminPage(c, db, { section, title, body, status, flash: DONE[c.req.query('done') ?? ''] });

  // --- Speakers ---------------------------------------------------------------------------
  function speakerForm(c: Context<AppEnv>, action: string, values: FormValues, errors: FieldErrors, submit: string) {
    return (
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={c.var.csrfToken} />
        <ErrorSummary errors={errors} />
        <TextField name="name" label="Name" values={values} errors={errors} required maxlength={120} />
        <TextField name="title" label="Title" values={values} errors={errors} maxlength={160} />
        <TextField name="organisation" label="Organisation" values={values} errors={errors} maxlength={160} />
        <TextField name="city" label="City" values={values} errors={errors} required maxlength={100} />
        <TextField name="country" label="Country" values={values} errors={errors} required maxlength={100} />
        <SelectField name="timezone" label="Time zone" hint="Where the speaker will be during the webinar." values={values} errors={errors} required options={zoneOptions()} />
        <TextField name="email" type="email" label="Email" hint="For calendar invitations and the speaker’s private link." values={values} errors={errors} />
        <TextField name="photoUrl" type="url" label="Photo URL (https)" values={values} errors={errors} />
        <TextArea name="bio" label="Biography" values={values} errors={errors} rows={5} maxlength={3000} />
        <div class="actions">
          <button type="submit">{submit}</button>
          <a class="button secondary" href="/admin/speakers">
            Back
          </a>
        </div>
      </form>
    );
  }

  function speakerValues(s: Speaker): FormValues {
    return { name: s.name, title: s.title, organisation: s.organisation, city: s.city, country: s.country, timezone: s.zone, email: s.email ?? '', photoUrl: s.photoUrl ?? '', bio: s.bio };
  }

  app.get('/admin/speakers', async (c) => {
    const speakers = await listSpeakers(db);
    return page(
      c,
      'speakers',
      'Speakers',
      <>
        <div class="actions" style="justify-content:space-between">
          <h1>Speakers</h1>
          <a class="button" href="/admin/speakers/new">
            New speaker
          </a>
        </div>
        <TableWrap label="Speakers">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Where</th>
                <th scope="col">Time zone</th>
              </tr>
            </thead>
            <tbody>
              {speakers.map((s) => (
                <tr>
                  <td>
                    <a href={`/admin/speakers/${s.slug}`}>{s.name}</a>
                    <span class="clock-date">{[s.title, s.organisation].filter(Boolean).join(', ')}</span>
                  </td>
                  <td>
                    {s.city}, {s.country}
                  </td>
                  <td>{s.zone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </>,
    );
  });

  app.get('/admin/speakers/new', async (c) => {
    const programme = await getProgramme(db);
    return page(c, 'speakers', 'New speaker', <><h1>New speaker</h1>{speakerForm(c, '/admin/speakers', { timezone: programme.defaultZone }, {}, 'Create speaker')}</>);
  });

  app.post('/admin/speakers', async (c) => {
    const form = await readForm(c);
    const validated = validateNewSpeaker(form);
    const fail = (errors: FieldErrors, status: number) =>
      page(c, 'speakers', 'New speaker', <><h1>New speaker</h1>{speakerForm(c, '/admin/speakers', formValues(form), errors, 'Create speaker')}</>, status);
    if (!validated.ok) return fail(validated.errors, 422);
    try {
      const speaker = await createSpeaker(db, clock, validated.value);
      return c.redirect(`/admin/speakers/${speaker.slug}?done=created`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return fail(error.errors, error.status);
      throw error;
    }
  });

  async function speakerPage(c: Context<AppEnv>, speaker: Speaker, values: FormValues, errors: FieldErrors, status = 200) {
    return page(
      c,
      'speakers',
      speaker.name,
      <>
        <p class="small">
          <a href="/admin/speakers">← Speakers</a> · <a href={`/speakers/${speaker.slug}`}>Public page</a>
        </p>
        <h1>{speaker.name}</h1>
        <div class="layout-2">
          {speakerForm(c, `/admin/speakers/${speaker.slug}`, values, errors, 'Save speaker')}
          <aside>{deps.speakerExtras ? await deps.speakerExtras(speaker, c.var.csrfToken) : null}</aside>
        </div>
      </>,
      status,
    );
  }

  app.get('/admin/speakers/:slug', async (c) => {
    const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
    return speakerPage(c, speaker, speakerValues(speaker), {});
  });

  app.post('/admin/speakers/:slug', async (c) => {
    const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
    const form = await readForm(c);
    const validated = validateSpeakerPatch({ photoUrl: '', email: '', bio: '', title: '', organisation: '', ...form });
    if (!validated.ok) return speakerPage(c, speaker, formValues(form), validated.errors, 422);
    const updated = await updateSpeaker(db, clock, speaker.slug, validated.value);
    return c.redirect(`/admin/speakers/${updated.slug}?done=saved`, 303);
  });

  // --- Knowledge areas --------------------------------------------------------------------
  async function areasPage(c: Context<AppEnv>, values: FormValues, errors: FieldErrors, status = 200) {
    const areas = await listAreas(db);
    return page(
      c,
      'areas',
      'Knowledge areas',
      <>
        <h1>Knowledge areas</h1>
        <div class="layout-2">
          <TableWrap label="Knowledge areas">
            <table>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Order</th>
                </tr>
              </thead>
              <tbody>
                {areas.map((a) => (
                  <tr>
                    <td>
                      <a href={`/admin/areas/${a.slug}`}>{a.name}</a>
                      <span class="clock-date">{a.description}</span>
                    </td>
                    <td>{a.position}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <section class="panel">
            <h2 style="margin-top:0">New area</h2>
            <form method="post" action="/admin/areas" class="stack" novalidate>
              <CsrfField token={c.var.csrfToken} />
              <ErrorSummary errors={errors} />
              <TextField name="name" label="Name" values={values} errors={errors} required maxlength={120} />
              <TextArea name="description" label="Description" values={values} errors={errors} rows={3} maxlength={2000} />
              <TextField name="position" type="number" label="Order" values={values} errors={errors} />
              <button type="submit">Add area</button>
            </form>
          </section>
        </div>
      </>,
      status,
    );
  }

  app.get('/admin/areas', (c) => areasPage(c, {}, {}));
  app.post('/admin/areas', async (c) => {
    const form = await readForm(c);
    const validated = validateArea(form);
    if (!validated.ok) return areasPage(c, formValues(form), validated.errors, 422);
    try {
      await createArea(db, validated.value);
    } catch (error) {
      if (error instanceof ValidationError) return areasPage(c, formValues(form), error.errors, error.status);
      throw error;
    }
    return c.redirect('/admin/areas?done=created', 303);
  });

  async function areaPage(c: Context<AppEnv>, slug: string, values: FormValues, errors: FieldErrors, status = 200) {
    return page(
      c,
      'areas',
      'Edit area',
      <>
        <p class="small">
          <a href="/admin/areas">← Knowledge areas</a>
        </p>
        <h1>Edit area</h1>
        <form method="post" action={`/admin/areas/${slug}`} class="stack" style="max-width:40rem" novalidate>
          <CsrfField token={c.var.csrfToken} />
          <ErrorSummary errors={errors} />
          <TextField name="name" label="Name" values={values} errors={errors} required maxlength={120} />
          <TextField name="slug" label="Address (slug)" values={values} errors={errors} required maxlength={80} />
          <TextArea name="description" label="Description" values={values} errors={errors} rows={3} maxlength={2000} />
          <TextField name="position" type="number" label="Order" values={values} errors={errors} />
          <button type="submit">Save area</button>
        </form>
      </>,
      status,
    );
  }

  app.get('/admin/areas/:slug', async (c) => {
    const area = await getAreaBySlug(db, c.req.param('slug'));
    return areaPage(c, area.slug, { name: area.name, slug: area.slug, description: area.description, position: String(area.position) }, {});
  });
  app.post('/admin/areas/:slug', async (c) => {
    const area = await getAreaBySlug(db, c.req.param('slug'));
    const form = await readForm(c);
    const validated = validateArea(form);
    if (!validated.ok) return areaPage(c, area.slug, formValues(form), validated.errors, 422);
    try {
      await updateArea(db, clock, area.slug, validated.value);
    } catch (error) {
      if (error instanceof ValidationError) return areaPage(c, area.slug, formValues(form), error.errors, error.status);
      throw error;
    }
    return c.redirect('/admin/areas?done=saved', 303);
  });

  // --- Programme settings -----------------------------------------------------------------
  async function programmePage(c: Context<AppEnv>, values: FormValues, errors: FieldErrors, status = 200) {
    return page(
      c,
      'programme',
      'Programme settings',
      <>
        <h1>Programme settings</h1>
        <form method="post" action="/admin/programme" class="stack" style="max-width:48rem" novalidate>
          <CsrfField token={c.var.csrfToken} />
          <ErrorSummary errors={errors} />
          <TextField name="title" label="Title" values={values} errors={errors} required maxlength={200} />
          <TextField name="tagline" label="Tagline" values={values} errors={errors} maxlength={300} />
          <TextArea name="description" label="Description" values={values} errors={errors} required rows={6} maxlength={5000} />
          <TextField name="organiserName" label="Organiser" values={values} errors={errors} required maxlength={200} />
          <TextField name="organiserEmail" type="email" label="Organiser email" hint="The ORGANIZER of every calendar invitation." values={values} errors={errors} required />
          <SelectField name="defaultZone" label="Programme time zone" hint="Pages use it until a visitor picks their own." values={values} errors={errors} required options={zoneOptions()} />
          <button type="submit">Save settings</button>
        </form>
      </>,
      status,
    );
  }

  app.get('/admin/programme', async (c) => {
    const p = await getProgramme(db);
    return programmePage(c, { title: p.title, tagline: p.tagline, description: p.description, organiserName: p.organiserName, organiserEmail: p.organiserEmail, defaultZone: p.defaultZone }, {});
  });
  app.post('/admin/programme', async (c) => {
    const form = await readForm(c);
    const validated = validateProgramme(form);
    if (!validated.ok) return programmePage(c, formValues(form), validated.errors, 422);
    await updateProgrammeSettings(db, clock, validated.value);
    return c.redirect('/admin/programme?done=saved', 303);
  });

  // --- Outbox ------------------------------------------------------------------------------
  app.get('/admin/outbox', async (c) => {
    const requested = c.req.query('status');
    if (requested !== undefined && requested !== '' && !OUTBOX_STATUSES.includes(requested as OutboxStatus)) {
      throw new ValidationError({ status: `Status must be one of: ${OUTBOX_STATUSES.join(', ')}.` }, 400);
    }
    const status = requested ? (requested as OutboxStatus) : undefined;
    const [summary, messages] = await Promise.all([outboxSummary(db), listOutbox(db, { status, limit: 200 })]);
    return page(
      c,
      'outbox',
      'Outbox',
      <>
        <h1>Outbox</h1>
        {deps.mailConfigured ? null : (
          <p class="notice warn">No SMTP_URL is configured: messages are held here, safe, and go out once a mail server is set.</p>
        )}
        <OutboxTable summary={summary} messages={messages} status={status} csrfToken={c.var.csrfToken} now={clock.now()} />
      </>,
    );
  });

  app.post('/admin/outbox/:id/retry', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError('There is no such message.');
    await retryMessage(db, clock, id);
    return c.redirect('/admin/outbox?done=retried', 303);
  });

  return app;
}
