// The workspace's webinar pages: list, create, edit with the scheduling assistant, cancel.
import { languageOf, inRequestLanguage } from '../http/language.js';
import { message, type Words } from '../i18n/message.js';
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { ChangeConfirm } from '../../views/admin/webinars/change-confirm.js';
import { WebinarIndex, WebinarPage } from '../../views/admin/webinars/webinar-page.js';
import type { FormValues } from '../../views/components/form-kit.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { ConflictError, ValidationError, type FieldErrors } from '../errors.js';
import { formValues, readForm } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import type { Input } from '../validation.js';
import { ALL_STATUSES, getProgramme, getWebinarBySlug, listAreas, listSpeakers, listWebinars } from '../programme/programme.service.js';
import type { Webinar } from '../programme/programme.types.js';
import { createWebinar, previewWebinarChange, updateWebinar, type WebinarChangeListener, type WebinarChangePreview } from '../programme/webinar.service.js';
import { audienceOfChange } from '../notifications/change-audience.js';
import { validateNewWebinar, validateWebinarPatch, type WebinarInput } from '../programme/webinar.validation.js';
import { doneMessage, renderAdminPage } from './admin-page.js';
import { countRegistrationsByWebinar } from './registrations-admin.service.js';
import { assistantRequestFromForm, formValuesFromWebinar, webinarInputFromForm } from './webinar-form-input.js';
import { rangeErrors, schedulingAdvice, type AssistantRequest } from './scheduling.js';

export type WebinarAdminDeps = {
  db: Db;
  clock: Clock;
  baseUrl: string;
  listeners: WebinarChangeListener[];
  /** The materials panel for a webinar (filled by the materials feature). */
  materialsPanel?: (webinar: Webinar, csrfToken: string, notifiedCount?: number, editedId?: number) => Promise<Child>;
};

/** The messages for `?done=` after a redirect, in the language being rendered. */
const flashMessages = () => ({
  created: message('workspacePages.webinars.flash.created'),
  saved: message('workspacePages.webinars.flash.saved'),
  cancelled: message('workspacePages.webinars.flash.cancelled'),
});

export function webinarAdminRoutes(deps: WebinarAdminDeps) {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();

  const page = (c: Context<AppEnv>, title: Words, body: Child, status = 200, flash?: Words, siteTitle?: string) =>
    renderAdminPage(c, db, () => ({ section: 'webinars', title, body, status, flash, siteTitle }));

  async function formPage(
    c: Context<AppEnv>,
    options: {
      mode: 'new' | 'edit';
      webinar?: Webinar;
      values: FormValues;
      errors: FieldErrors;
      assistant?: AssistantRequest;
      suggest?: { from: string; to: string };
    },
    status = 200,
  ) {
    const [programme, areas, speakers] = await Promise.all([getProgramme(db), listAreas(db), listSpeakers(db)]);
    const webinar = options.webinar;
    const advice = options.assistant ? await schedulingAdvice(db, programme.defaultZone, options.assistant, options.suggest, languageOf(c)) : undefined;
    // On the new form the range fields are the form's own, so their errors join the form's summary.
    const result = advice?.suggestions?.result;
    const errors =
      options.mode === 'new' && result && !result.ok ? { ...options.errors, ...rangeErrors(result.errors, { durationField: true }) } : options.errors;
    if (errors !== options.errors) status = 422;
    const notified = c.req.query('notified');
    const edited = Number(c.req.query('edited'));
    const materials =
      webinar && deps.materialsPanel
        ? await deps.materialsPanel(
            webinar,
            c.get('csrfToken'),
            notified ? Number(notified) || 0 : undefined,
            Number.isSafeInteger(edited) ? edited : undefined,
          )
        : undefined;
    return page(
      c,
      webinar ? message('workspacePages.webinars.editTitle', { title: webinar.title }) : message('workspacePages.webinars.new'),
      <WebinarPage
        webinar={webinar}
        action={webinar ? `/admin/webinars/${webinar.slug}` : '/admin/webinars'}
        mode={options.mode}
        values={options.values}
        errors={errors}
        areas={areas}
        speakers={speakers}
        csrfToken={c.get('csrfToken')}
        programmeZone={programme.defaultZone}
        advice={advice}
        materials={materials}
      />,
      status,
      doneMessage(c, flashMessages()),
      programme.title,
    );
  }

  /**
   * The step before a move or a cancellation that people are emailed about: what changes and who
   * hears of it. A page of its own that changes nothing; its button sends the same form again.
   */
  async function confirmChangePage(c: Context<AppEnv>, preview: WebinarChangePreview, action: string, values?: FormValues) {
    const [programme, audience] = await Promise.all([getProgramme(db), audienceOfChange(db, preview)]);
    const title = message(preview.kind === 'move' ? 'workspacePages.webinars.moveTitle' : 'workspacePages.webinars.cancelTitle', {
      title: preview.before.title,
    });
    return page(
      c,
      title,
      <ChangeConfirm
        preview={preview}
        audience={audience}
        programmeZone={programme.defaultZone}
        csrfToken={c.get('csrfToken')}
        action={action}
        values={values}
      />,
      200,
      undefined,
      programme.title,
    );
  }

  function assistantRequest(
    values: { start?: WebinarInput['start']; durationMinutes?: number; techCheckMinutes?: number; speakers?: WebinarInput['speakers'] },
    webinar?: Webinar,
  ): AssistantRequest | undefined {
    const start = values.start ?? webinar?.start;
    if (!start) return undefined;
    return {
      start,
      durationMinutes: values.durationMinutes ?? webinar?.durationMinutes ?? 60,
      techCheckMinutes: values.techCheckMinutes ?? webinar?.techCheckMinutes ?? 0,
      speakerSlugs: (values.speakers ?? webinar?.speakers ?? []).map((s) => s.slug),
      excludeWebinarId: webinar?.id,
    };
  }

  app.get('/admin/webinars', async (c) => {
    const programme = await getProgramme(db);
    const webinars = await listWebinars(db, { statuses: ALL_STATUSES });
    const counts = await countRegistrationsByWebinar(
      db,
      webinars.map((w) => w.id),
    );
    const confirmed = new Map(webinars.map((w) => [w.id, counts.get(w.id)?.byStatus.confirmed ?? 0]));
    const waiting = new Map(webinars.map((w) => [w.id, counts.get(w.id)?.byStatus.waitlisted ?? 0]));
    return page(
      c,
      message('workspacePages.webinars.title'),
      <WebinarIndex webinars={webinars} programmeZone={programme.defaultZone} confirmed={confirmed} waiting={waiting} />,
      200,
      doneMessage(c, flashMessages()),
    );
  });

  // Not /admin/webinars/new: a fixed name beside /admin/webinars/:slug slows every route (test/http/router.test.ts).
  app.get('/admin/new-webinar', async (c) => {
    const programme = await getProgramme(db);
    return formPage(c, {
      mode: 'new',
      values: { timezone: programme.defaultZone, durationMinutes: '60', techCheckMinutes: '30', registrationClosesMinutesBefore: '0', status: 'draft' },
      errors: {},
    });
  });

  app.post('/admin/webinars', async (c) => {
    const programme = await getProgramme(db);
    const form = await readForm(c);
    if (form.intent === 'suggest' || typeof form.useStart === 'string') return suggestOnNewForm(c, form, programme.defaultZone);
    const values = formValues(form);
    const validated = inRequestLanguage(c, () => validateNewWebinar(webinarInputFromForm(form), programme.defaultZone, clock.now()));
    if (!validated.ok) return formPage(c, { mode: 'new', values, errors: validated.errors }, 422);
    if (form.intent === 'check') {
      // Suggestions asked for earlier stay beside the checked time, to compare.
      const suggest =
        typeof form.suggestFrom === 'string' && form.suggestFrom !== '' ? { from: form.suggestFrom, to: String(form.suggestTo ?? '') } : undefined;
      return formPage(c, { mode: 'new', values, errors: {}, assistant: assistantRequest(validated.value), suggest });
    }
    try {
      const webinar = await createWebinar(db, clock, validated.value, deps.listeners);
      return c.redirect(`/admin/webinars/${webinar.slug}?done=created`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return formPage(c, { mode: 'new', values, errors: error.errorsIn(languageOf(c)) }, error.status);
      throw error;
    }
  });

  /**
   * "Suggest times" on the unsaved new-webinar form, and taking one of its suggestions (`useStart`,
   * a wall time in the programme zone): the form comes back with every typed value, the chosen
   * time checked and the suggestions for the range; nothing is stored.
   */
  async function suggestOnNewForm(c: Context<AppEnv>, form: Input, programmeZone: string) {
    const kept: Input = { ...form, ...(typeof form.useStart === 'string' ? { start: form.useStart, timezone: programmeZone, offset: '' } : {}) };
    delete kept.useStart;
    delete kept.intent;
    const { request, errors } = inRequestLanguage(c, () => assistantRequestFromForm(kept, programmeZone));
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const suggest = { from: text(form.suggestFrom), to: text(form.suggestTo) };
    const status = Object.keys(errors).length > 0 ? 422 : 200;
    return formPage(c, { mode: 'new', values: formValues(kept), errors, assistant: request, suggest }, status);
  }

  app.get('/admin/webinars/:slug', async (c) => {
    const webinar = await getWebinarBySlug(db, c.req.param('slug'), ALL_STATUSES);
    const from = c.req.query('suggestFrom');
    const to = c.req.query('suggestTo');
    return formPage(c, {
      mode: 'edit',
      webinar,
      values: formValuesFromWebinar(webinar),
      errors: {},
      assistant: assistantRequest({}, webinar),
      suggest: from !== undefined || to !== undefined ? { from: from ?? '', to: to ?? '' } : undefined,
    });
  });

  app.post('/admin/webinars/:slug', async (c) => {
    const webinar = await getWebinarBySlug(db, c.req.param('slug'), ALL_STATUSES);
    const form = await readForm(c);
    const values = formValues(form);
    const input = webinarInputFromForm(form);
    const validated = inRequestLanguage(c, () => validateWebinarPatch(input, webinar.start.zone, clock.now()));
    if (!validated.ok) return formPage(c, { mode: 'edit', webinar, values, errors: validated.errors }, 422);
    // "Go back" from the step below: the form again, as it was sent.
    if (form.intent === 'check' || form.intent === 'use-time' || form.intent === 'edit') {
      return formPage(c, { mode: 'edit', webinar, values, errors: {}, assistant: assistantRequest(validated.value, webinar) });
    }
    // Moving or cancelling a published webinar emails people: ask first, unless this is the answer.
    const preview = form.intent === 'confirm-save' ? undefined : previewWebinarChange(webinar, validated.value);
    if (preview) return confirmChangePage(c, preview, `/admin/webinars/${webinar.slug}`, values);
    try {
      await updateWebinar(db, clock, webinar.slug, validated.value, deps.listeners);
    } catch (error) {
      if (error instanceof ValidationError) return formPage(c, { mode: 'edit', webinar, values, errors: error.errorsIn(languageOf(c)) }, error.status);
      throw error;
    }
    return c.redirect(`/admin/webinars/${webinar.slug}?done=saved`, 303);
  });

  // A suggested time: the form comes back with the time filled in, to be checked and saved.
  app.post('/admin/webinars/:slug/use-time', async (c) => {
    const webinar = await getWebinarBySlug(db, c.req.param('slug'), ALL_STATUSES);
    const programme = await getProgramme(db);
    const form = await readForm(c);
    const values = { ...formValuesFromWebinar(webinar), start: typeof form.start === 'string' ? form.start : '', timezone: programme.defaultZone, offset: '' };
    const validated = inRequestLanguage(c, () => validateWebinarPatch({ start: values.start, timezone: values.timezone }, programme.defaultZone));
    if (!validated.ok) return formPage(c, { mode: 'edit', webinar, values, errors: validated.errors }, 422);
    return formPage(c, { mode: 'edit', webinar, values, errors: {}, assistant: assistantRequest(validated.value, webinar) });
  });

  // Cancelling asks first, on a page that says who will be emailed; only confirm=yes acts.
  const askToCancel = async (c: Context<AppEnv>, webinar: Webinar) => {
    if (webinar.status === 'cancelled') return c.redirect(`/admin/webinars/${webinar.slug}`, 303);
    const preview: WebinarChangePreview = { kind: 'cancel', before: webinar, speakerSlugs: webinar.speakers.map((s) => s.slug) };
    return confirmChangePage(c, preview, `/admin/webinars/${webinar.slug}/cancel`);
  };
  app.get('/admin/webinars/:slug/cancel', async (c) => askToCancel(c, await getWebinarBySlug(db, c.req.param('slug'), ALL_STATUSES)));

  app.post('/admin/webinars/:slug/cancel', async (c) => {
    const webinar = await getWebinarBySlug(db, c.req.param('slug'), ALL_STATUSES);
    const form = await readForm(c);
    if (form.confirm !== 'yes') return askToCancel(c, webinar);
    if (webinar.status === 'cancelled') throw new ConflictError(message('workspacePages.webinars.alreadyCancelled'));
    await updateWebinar(db, clock, webinar.slug, { status: 'cancelled' }, deps.listeners);
    return c.redirect(`/admin/webinars/${webinar.slug}?done=cancelled`, 303);
  });

  return app;
}
