// Registrations in the coordinators' workspace over HTTP: the list page, CSV, JSON for scripts,
// manual cancel and promote, and the dashboard. Authentication and CSRF are the mounting app's guards.
import { t } from '../i18n/catalogue.js';
import { message } from '../i18n/message.js';
import { inRequestLanguage } from '../http/language.js';
import { Hono, type Context } from 'hono';
import { CancelRegistrationConfirm } from '../../views/admin/registrations/cancel-registration-confirm.js';
import { RegistrationsPage, type RegistrationsPageProps } from '../../views/admin/registrations/registrations-page.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { readForm } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { getProgramme } from '../programme/programme.service.js';
import type { RegistrationDeps } from '../registration/registration.service.js';
import { adminShellProps, renderAdminPage } from './admin-page.js';
import { dashboardRoutes } from './dashboard.routes.js';
import {
  adminCancellationPreview,
  adminCancelRegistration,
  adminPromoteRegistration,
  countWebinarRegistrations,
  getAdminWebinar,
  listRegistrationsAndWaitingList,
  listWebinarRegistrations,
  type RegistrationCounts,
} from './registrations-admin.service.js';
import { csvFileName, registrationsCsv, type CsvForm } from './registrations-csv.js';
import { filterQuery, validateRegistrationFilter } from './registrations-admin.validation.js';

/** The shell every workspace page needs. */
/** `?done=` after a redirect: a fixed set of messages, so nothing from the address is echoed. */
function flashFor(done: string | undefined, webinar: { capacity: number | null }, counts: RegistrationCounts): RegistrationsPageProps['flash'] {
  switch (done) {
    case 'cancelled':
      return { kind: 'ok', text: t('workspacePages.registrations.flash.cancelled') };
    case 'cancelled-promoted':
      return { kind: 'ok', text: t('workspacePages.registrations.flash.cancelledPromoted') };
    case 'promoted':
      return { kind: 'ok', text: t('workspacePages.registrations.flash.promoted') };
    case 'promoted-over-capacity':
      return {
        kind: 'warn',
        text: t('workspacePages.registrations.flash.promotedOverCapacity', { confirmed: counts.byStatus.confirmed, capacity: webinar.capacity ?? 0 }),
      };
    default:
      return undefined;
  }
}

function registrationId(c: Context): number {
  const text = c.req.param('id') ?? '';
  const id = /^\d{1,12}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new NotFoundError(message('workspacePages.registrations.error.noSuchRegistration', { id: text.slice(0, 40) }));
  return id;
}

function filterInput(c: Context) {
  return { status: c.req.query('status'), type: c.req.query('type'), q: c.req.query('q') };
}

export function registrationAdminRoutes(deps: RegistrationDeps) {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();

  app.get('/admin/webinars/:slug/registrations', async (c) => {
    const webinar = await getAdminWebinar(db, c.req.param('slug'));
    const programme = await getProgramme(db);
    const input = filterInput(c);
    const filter = inRequestLanguage(c, () => validateRegistrationFilter(input));
    const counts = await countWebinarRegistrations(db, webinar.id);
    const lists = await listRegistrationsAndWaitingList(db, webinar.id, filter.ok ? filter.value : null);
    c.header('Cache-Control', 'private, no-store');
    const base = `/admin/webinars/${webinar.slug}/registrations`;
    return c.html(
      inRequestLanguage(c, () => (
        <RegistrationsPage
          {...adminShellProps(c, programme.title)}
          flash={flashFor(c.req.query('done'), webinar, counts)}
          webinar={webinar}
          zone={programme.defaultZone}
          now={clock.now()}
          filter={{ status: input.status ?? 'all', type: input.type ?? '', q: input.q ?? '' }}
          filterErrors={filter.ok ? undefined : filter.errors}
          {...lists}
          counts={counts}
          csvHrefs={{
            excel: `${base}-excel.csv${filter.ok ? filterQuery(filter.value) : ''}`,
            comma: `${base}.csv${filter.ok ? filterQuery(filter.value) : ''}`,
          }}
        />
      )),
      filter.ok ? 200 : 400,
    );
  });

  // The comma form keeps the address scripts already use; Excel's has its own.
  const csvRoute = (form: CsvForm) => async (c: Context) => {
    const webinar = await getAdminWebinar(db, c.req.param('slug') ?? '');
    const filter = inRequestLanguage(c, () => validateRegistrationFilter(filterInput(c)));
    if (!filter.ok) throw new ValidationError(filter.errors, 400);
    const { defaultZone } = await getProgramme(db);
    const registrations = await listWebinarRegistrations(db, webinar.id, filter.value);
    // The header row in the coordinator's language (English stays as scripts have always read it).
    const csv = inRequestLanguage(c, () => registrationsCsv(registrations, { form, zone: defaultZone }));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(webinar.slug, form)}"`,
      'Cache-Control': 'private, no-store',
    });
  };
  app.get('/admin/webinars/:slug/registrations.csv', csvRoute('comma'));
  app.get('/admin/webinars/:slug/registrations-excel.csv', csvRoute('excel'));

  // Cancelling someone's registration emails them and may give their seat away: ask first (GET, or
  // a POST without confirm=yes), with the same refusals the cancellation itself would give.
  const askToCancel = async (c: Context<AppEnv>) => {
    const preview = await adminCancellationPreview(deps, registrationId(c));
    const programme = await getProgramme(db);
    c.header('Cache-Control', 'private, no-store');
    return renderAdminPage(c, db, () => ({
      section: 'webinars',
      title: t('workspacePages.registrations.cancelTitle', { title: preview.webinar.title }),
      body: <CancelRegistrationConfirm preview={preview} zone={programme.defaultZone} csrfToken={c.get('csrfToken')} />,
      siteTitle: programme.title,
    }));
  };
  app.get('/admin/registrations/:id/cancel', askToCancel);

  app.post('/admin/registrations/:id/cancel', async (c) => {
    if ((await readForm(c)).confirm !== 'yes') return askToCancel(c);
    const result = await adminCancelRegistration(deps, registrationId(c));
    return c.redirect(`/admin/webinars/${result.webinar.slug}/registrations?done=${result.promoted > 0 ? 'cancelled-promoted' : 'cancelled'}`, 303);
  });

  app.post('/admin/registrations/:id/promote', async (c) => {
    const result = await adminPromoteRegistration(deps, registrationId(c));
    return c.redirect(`/admin/webinars/${result.webinar.slug}/registrations?done=${result.overCapacity ? 'promoted-over-capacity' : 'promoted'}`, 303);
  });

  app.get('/api/webinars/:slug/registrations', async (c) => {
    const webinar = await getAdminWebinar(db, c.req.param('slug'));
    const filter = inRequestLanguage(c, () => validateRegistrationFilter(filterInput(c)));
    if (!filter.ok) throw new ValidationError(filter.errors, 400);
    const registrations = await listWebinarRegistrations(db, webinar.id, filter.value);
    c.header('Cache-Control', 'private, no-store');
    return c.json({
      webinar: { slug: webinar.slug, title: webinar.title, capacity: webinar.capacity },
      counts: await countWebinarRegistrations(db, webinar.id),
      registrations: registrations.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        organisation: r.organisation,
        organisationType: r.organisationType,
        timezone: r.zone,
        status: r.status,
        waitlistPlace: r.waitlistPlace,
        question: r.question,
        registeredAt: r.createdAt.toUTC().toISO({ suppressMilliseconds: true }),
      })),
    });
  });

  app.route('/', dashboardRoutes(deps));
  return app;
}
