// The workspace's speaker pages over HTTP: the list, a new speaker, a speaker's edit page.
import { inRequestLanguage, offeredLanguagesOf } from '../http/language.js';
import { message, type Words } from '../i18n/message.js';
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { NewSpeaker, SpeakerEdit, SpeakerList, speakerFormValues } from '../../views/admin/speakers/speaker-pages.js';
import type { FormValues } from '../../views/components/form-kit.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { ValidationError, type FieldErrors, RefusedError } from '../errors.js';
import { formValues, readForm } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { languageOf } from '../http/language.js';
import type { UploadRoute } from '../http/uploads.js';
import { MAX_PHOTO_BYTES } from '../programme/photo-check.js';
import { removeSpeakerPhoto, setSpeakerPhoto } from '../programme/speaker-photo.service.js';
import { PHOTO_FORM_BODY_LIMIT, readPhotoRequest } from './speaker-photo-upload.js';
import { createSpeaker, updateSpeaker } from '../programme/programme-admin.service.js';
import { validateNewSpeaker, validateSpeakerPatch } from '../programme/programme-admin.validation.js';
import { getProgramme, getSpeakerBySlug, listSpeakers } from '../programme/programme.service.js';
import type { Speaker } from '../programme/programme.types.js';
import { doneMessage, renderAdminPage } from './admin-page.js';

export type SpeakersAdminDeps = {
  db: Db;
  clock: Clock;
  /** Extra controls on a speaker's page (the private link, filled by the speakers feature). */
  speakerExtras?: (speaker: Speaker, csrfToken: string) => Promise<Child>;
  /** Where uploaded photos wait while they are checked; os.tmpdir() unless given. */
  uploadDir?: string;
};

const PHOTO_FORM_PATH = '/admin/speakers/:slug/photo';

/** The photo form limits and reads its own body: the guards in front of it must not (see src/http/uploads.ts). */
export const SPEAKER_PHOTO_UPLOAD_ROUTES: readonly UploadRoute[] = [{ method: 'POST', path: PHOTO_FORM_PATH }];

/** `?done=` after a redirect here or from the speakers feature's private-link forms. */
/** The messages for `?done=` after a redirect, in the language being rendered. */
const doneMessages = () => ({
  saved: message('workspacePages.saved'),
  created: message('workspacePages.created'),
  'link-sent': message('workspacePages.speakers.flash.linkSent'),
  'link-rotated': message('workspacePages.speakers.flash.linkRotated'),
  'link-revoked': message('workspacePages.speakers.flash.linkRevoked'),
  'photo-saved': message('workspacePages.speakers.flash.photoSaved'),
  'photo-removed': message('workspacePages.speakers.flash.photoRemoved'),
});

export function speakersAdminRoutes(deps: SpeakersAdminDeps) {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();

  const page = (c: Context<AppEnv>, title: Words, body: Child, status = 200) =>
    renderAdminPage(c, db, () => ({ section: 'speakers', title, body, status, flash: doneMessage(c, doneMessages()) }));

  const newSpeakerPage = (c: Context<AppEnv>, values: FormValues, errors: FieldErrors, status = 200) =>
    page(c, message('workspacePages.speakers.new'), <NewSpeaker values={values} errors={errors} csrfToken={c.get('csrfToken')} />, status);

  const speakerPage = async (c: Context<AppEnv>, speaker: Speaker, values: FormValues, errors: FieldErrors, status = 200, photoError?: string) => {
    const extras = deps.speakerExtras ? await deps.speakerExtras(speaker, c.get('csrfToken')) : null;
    return page(
      c,
      speaker.name,
      <SpeakerEdit speaker={speaker} values={values} errors={errors} csrfToken={c.get('csrfToken')} extras={extras} photoError={photoError} />,
      status,
    );
  };

  app.get('/admin/speakers', async (c) => page(c, message('workspacePages.speakers.title'), <SpeakerList speakers={await listSpeakers(db)} />));

  // Not /admin/speakers/new: a fixed name beside /admin/speakers/:slug slows every route (test/http/router.test.ts).
  app.get('/admin/new-speaker', async (c) =>
    newSpeakerPage(c, { timezone: (await getProgramme(db)).defaultZone, language: offeredLanguagesOf(c)[0] ?? 'en' }, {}),
  );

  app.post('/admin/speakers', async (c) => {
    const form = await readForm(c);
    const validated = inRequestLanguage(c, () => validateNewSpeaker(form, clock.now(), offeredLanguagesOf(c)));
    if (!validated.ok) return newSpeakerPage(c, formValues(form), validated.errors, 422);
    try {
      const speaker = await createSpeaker(db, clock, validated.value);
      return c.redirect(`/admin/speakers/${speaker.slug}?done=created`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return newSpeakerPage(c, formValues(form), error.errorsIn(languageOf(c)), error.status);
      throw error;
    }
  });

  app.get('/admin/speakers/:slug', async (c) => {
    const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
    return speakerPage(c, speaker, speakerFormValues(speaker), {});
  });

  app.post('/admin/speakers/:slug', async (c) => {
    const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
    const form = await readForm(c);
    // The form is the whole speaker: an optional field that it leaves out is cleared.
    const validated = inRequestLanguage(c, () =>
      validateSpeakerPatch({ photoUrl: '', email: '', bio: '', title: '', organisation: '', ...form }, clock.now(), offeredLanguagesOf(c)),
    );
    if (!validated.ok) return speakerPage(c, speaker, formValues(form), validated.errors, 422);
    const updated = await updateSpeaker(db, clock, speaker.slug, validated.value);
    return c.redirect(`/admin/speakers/${updated.slug}?done=saved`, 303);
  });

  // A refused photo is the speaker's page again with the reason on the file field, and nothing stored.
  app.post(PHOTO_FORM_PATH, async (c) => {
    const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
    const reading = await readPhotoRequest(c, {
      dir: deps.uploadDir,
      allowRawBody: false,
      maxBodyBytes: PHOTO_FORM_BODY_LIMIT,
      tooLarge: () => new RefusedError(413, message('speakerAdmin.photo.tooLarge', { megabytes: String(MAX_PHOTO_BYTES / (1024 * 1024)) })),
      language: languageOf(c),
    });
    if (!reading.ok) return speakerPage(c, speaker, speakerFormValues(speaker), {}, 422, reading.message);
    await setSpeakerPhoto(db, clock, speaker.slug, reading.upload);
    return c.redirect(`/admin/speakers/${speaker.slug}?done=photo-saved#photo`, 303);
  });

  app.post(`${PHOTO_FORM_PATH}/delete`, async (c) => {
    const speaker = await removeSpeakerPhoto(db, clock, c.req.param('slug'));
    return c.redirect(`/admin/speakers/${speaker.slug}?done=photo-removed#photo`, 303);
  });

  return app;
}
