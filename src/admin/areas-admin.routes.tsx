// The workspace's knowledge-area pages over HTTP: the list with the new-area form, and an area's edit page.
import { inRequestLanguage } from '../http/language.js';
import { t } from '../i18n/catalogue.js';
import { message } from '../i18n/message.js';
import { Hono, type Context } from 'hono';
import { AreaEdit, AreaList, areaFormValues } from '../../views/admin/areas/area-pages.js';
import type { FormValues } from '../../views/components/form-kit.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { ValidationError, type FieldErrors } from '../errors.js';
import { formValues, readForm } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { languageOf } from '../http/language.js';
import { createArea, updateArea } from '../programme/programme-admin.service.js';
import { validateArea } from '../programme/programme-admin.validation.js';
import { getAreaBySlug, listAreas } from '../programme/programme.service.js';
import { doneMessage, renderAdminPage } from './admin-page.js';

/** The messages for `?done=` after a redirect, in the language being rendered. */
const doneMessages = () => ({ saved: message('workspacePages.saved'), created: message('workspacePages.created') });

export function areasAdminRoutes(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();

  const areasPage = async (c: Context<AppEnv>, values: FormValues, errors: FieldErrors, status = 200) => {
    const areas = await listAreas(db);
    return renderAdminPage(c, db, () => ({
      section: 'areas',
      title: t('workspacePages.areas.title'),
      body: <AreaList areas={areas} values={values} errors={errors} csrfToken={c.get('csrfToken')} />,
      status,
      flash: doneMessage(c, doneMessages()),
    }));
  };

  const areaPage = (c: Context<AppEnv>, slug: string, values: FormValues, errors: FieldErrors, status = 200) =>
    renderAdminPage(c, db, () => ({
      section: 'areas',
      title: t('workspacePages.areas.edit'),
      body: <AreaEdit slug={slug} values={values} errors={errors} csrfToken={c.get('csrfToken')} />,
      status,
      flash: doneMessage(c, doneMessages()),
    }));

  app.get('/admin/areas', (c) => areasPage(c, {}, {}));

  app.post('/admin/areas', async (c) => {
    const form = await readForm(c);
    const validated = inRequestLanguage(c, () => validateArea(form));
    if (!validated.ok) return areasPage(c, formValues(form), validated.errors, 422);
    try {
      await createArea(db, validated.value);
    } catch (error) {
      if (error instanceof ValidationError) return areasPage(c, formValues(form), error.errorsIn(languageOf(c)), error.status);
      throw error;
    }
    return c.redirect('/admin/areas?done=created', 303);
  });

  app.get('/admin/areas/:slug', async (c) => {
    const area = await getAreaBySlug(db, c.req.param('slug'));
    return areaPage(c, area.slug, areaFormValues(area), {});
  });

  app.post('/admin/areas/:slug', async (c) => {
    const area = await getAreaBySlug(db, c.req.param('slug'));
    const form = await readForm(c);
    const validated = inRequestLanguage(c, () => validateArea(form));
    if (!validated.ok) return areaPage(c, area.slug, formValues(form), validated.errors, 422);
    try {
      await updateArea(db, clock, area.slug, validated.value);
    } catch (error) {
      if (error instanceof ValidationError) return areaPage(c, area.slug, formValues(form), error.errorsIn(languageOf(c)), error.status);
      throw error;
    }
    return c.redirect('/admin/areas?done=saved', 303);
  });

  return app;
}
