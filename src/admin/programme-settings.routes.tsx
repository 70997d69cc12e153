// The workspace's programme settings over HTTP.
import { inRequestLanguage } from '../http/language.js';
import { t } from '../i18n/catalogue.js';
import { message } from '../i18n/message.js';
import { Hono, type Context } from 'hono';
import { ProgrammeSettings, programmeFormValues } from '../../views/admin/programme/programme-settings.js';
import type { FormValues } from '../../views/components/form-kit.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { FieldErrors } from '../errors.js';
import { formValues, readForm } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { getAudienceZones, updateProgrammeSettings } from '../programme/programme-admin.service.js';
import { validateProgramme } from '../programme/programme-admin.validation.js';
import { getProgramme } from '../programme/programme.service.js';
import { doneMessage, renderAdminPage } from './admin-page.js';

/** The message for `?done=` after a redirect, in the language being rendered. */
const doneMessages = () => ({ saved: message('workspacePages.saved') });

export function programmeSettingsRoutes(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();

  const settingsPage = async (c: Context<AppEnv>, values: FormValues, errors: FieldErrors, status = 200) => {
    // The default as it would be with the list left empty, so the hint says what empty means.
    const audience = await getAudienceZones(db, { ignoreSetting: true });
    return renderAdminPage(c, db, () => ({
      section: 'programme',
      title: t('workspacePages.programme.title'),
      body: <ProgrammeSettings values={values} errors={errors} csrfToken={c.get('csrfToken')} defaultAudienceZones={audience.zones} />,
      status,
      flash: doneMessage(c, doneMessages()),
    }));
  };

  app.get('/admin/programme', async (c) => settingsPage(c, programmeFormValues(await getProgramme(db)), {}));

  app.post('/admin/programme', async (c) => {
    const form = await readForm(c);
    const validated = inRequestLanguage(c, () => validateProgramme(form, clock.now()));
    if (!validated.ok) return settingsPage(c, formValues(form), validated.errors, 422);
    await updateProgrammeSettings(db, clock, validated.value);
    return c.redirect('/admin/programme?done=saved', 303);
  });

  return app;
}
