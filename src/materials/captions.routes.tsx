// Captions over HTTP: the WebVTT files that players load (public, and behind an attendee's link),
// attaching and removing them in the workspace, and the JSON API.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Hono, type Context } from 'hono';
import { CaptionsRefused } from '../../views/materials/captions-refused.js';
import { renderAdminPage } from '../admin/admin-page.js';
import { type FieldErrors, NotFoundError, ValidationError, RefusedError } from '../errors.js';
import { isMultipart, limitBody, readJsonObject } from '../http/body.js';
import { contentEtag, isNotModified } from '../http/conditional.js';
import type { AppEnv } from '../http/env.js';
import { languageOf } from '../http/language.js';
import { tokenCheckBeforeFile, type UploadRoute } from '../http/uploads.js';
import { translate } from '../i18n/catalogue.js';
import { message, say } from '../i18n/message.js';
import { FieldReader } from '../validation.js';
import { attachCaptions, type Caption, checkCaptions, getAttendeeCaptions, getPublicCaptions, publicCaptionsPath, removeCaptions } from './captions.service.js';
import { getWebinarForMaterials, type MaterialDeps } from './material.service.js';
import { receiveUploadForm } from './upload-receiver.js';
import { MAX_CAPTIONS_BYTES } from './webvtt.js';

const CAPTIONS_FORM_PATH = '/admin/webinars/:slug/materials/:id/captions';
/** The captions form reads its own body (a file of up to 2 MB): the guards in front of it must not. */
export const CAPTION_UPLOAD_ROUTES: readonly UploadRoute[] = [{ method: 'POST', path: CAPTIONS_FORM_PATH }];

/** The file plus the form's few fields. */
const CAPTIONS_BODY_LIMIT = MAX_CAPTIONS_BYTES + 64 * 1024;
const TOO_LARGE = message('materials.captions.tooLarge', { megabytes: String(MAX_CAPTIONS_BYTES / 1024 / 1024) });
/** "en.vtt", "zh-Hans.vtt": the language and the extension players expect. */
const VTT_FILE = ':file{[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}\\.vtt}';

export type CaptionRoutesDeps = MaterialDeps & { uploadDir?: string };

export function captionRoutes(deps: CaptionRoutesDeps) {
  const back = (slug: string, query = '') => `/admin/webinars/${encodeURIComponent(slug)}${query}#materials`;
  return new Hono<AppEnv>()
    .get(`/captions/:id/${VTT_FILE}`, async (c) => {
      const caption = await getPublicCaptions(deps, materialId(c.req.param('id')), languageOfFile(c.req.param('file')));
      return vttResponse(c, caption, 'public, max-age=300');
    })
    .get(`/my/:token/captions/:id/${VTT_FILE}`, async (c) => {
      const caption = await getAttendeeCaptions(deps, c.req.param('token'), materialId(c.req.param('id')), languageOfFile(c.req.param('file')));
      return vttResponse(c, caption, 'private, no-store');
    })
    .post(CAPTIONS_FORM_PATH, async (c) => {
      const slug = c.req.param('slug');
      const webinar = await getWebinarForMaterials(deps.db, slug);
      if (!isMultipart(c)) throw new ValidationError({ body: message('materials.captions.sendForm') }, 400);
      if (Number(c.req.header('content-length')) > CAPTIONS_BODY_LIMIT) throw new RefusedError(413, TOO_LARGE);
      const form = await receiveUploadForm(c.req.raw, {
        dir: deps.uploadDir ?? tmpdir(),
        maxFileBytes: MAX_CAPTIONS_BYTES,
        maxBodyBytes: CAPTIONS_BODY_LIMIT,
        bodyTooLarge: () => new RefusedError(413, TOO_LARGE),
        checkToken: tokenCheckBeforeFile(c),
      });
      const language = languageOf(c);
      const refused = (errors: FieldErrors) =>
        renderAdminPage(c, deps.db, () => ({
          section: 'webinars',
          title: message('materials.captions.refusedTitle', { title: webinar.title }),
          status: 422,
          body: <CaptionsRefused webinarTitle={webinar.title} backHref={back(webinar.slug)} errors={errors} />,
        }));
      try {
        const file = form.file && form.file.sizeBytes > 0 ? form.file : undefined;
        const fields = new FieldReader(form.input, undefined, language);
        const captionsLanguage = fields.text('language', fields.say('materials.captions.languageField'), { max: 40 });
        if (!file) return refused({ captions: translate(language, 'materials.captions.chooseFile') });
        if (file.sizeBytes > MAX_CAPTIONS_BYTES) return refused({ captions: say(language, TOO_LARGE) });
        const checked = checkCaptions({ language: captionsLanguage, bytes: await readFile(file.path) }, language);
        if (!checked.ok) return refused(checked.errors);
        try {
          await attachCaptions(deps, webinar.slug, materialId(c.req.param('id')), checked.value);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return refused(error.errorsIn(language));
        }
        return c.redirect(back(webinar.slug, '?done=captions'), 303);
      } finally {
        await form.dispose();
      }
    })
    .post(`${CAPTIONS_FORM_PATH}/:language/delete`, limitBody(64 * 1024), async (c) => {
      await removeCaptions(deps, c.req.param('slug'), materialId(c.req.param('id')), c.req.param('language'));
      return c.redirect(back(c.req.param('slug'), '?done=captions-removed'), 303);
    })
    .post('/api/webinars/:slug/materials/:id/captions', limitBody(CAPTIONS_BODY_LIMIT), async (c) => {
      const id = materialId(c.req.param('id'));
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      let language: string;
      let bytes: Uint8Array;
      if (type.startsWith('text/vtt')) {
        // The file itself as the body, its language in the query: curl --data-binary @talk.vtt.
        language = c.req.query('language') ?? '';
        bytes = new Uint8Array(await c.req.arrayBuffer());
      } else {
        const input = await readJsonObject(c);
        const fields = new FieldReader(input, undefined, 'en');
        language = fields.text('language', 'The language', { max: 40 });
        const vtt = typeof input.vtt === 'string' ? input.vtt : '';
        if (!vtt) throw new ValidationError({ vtt: 'Send the WebVTT text as "vtt" (or the file itself as the body, Content-Type: text/vtt).' }, 422);
        bytes = new TextEncoder().encode(vtt);
      }
      // The API's refusals are English, whatever the request's language: its clients are programs.
      const checked = checkCaptions({ language, bytes }, 'en');
      if (!checked.ok) throw new ValidationError(checked.errors, 422);
      const caption = await attachCaptions(deps, c.req.param('slug'), id, checked.value);
      return c.json(captionJson(caption, deps.baseUrl), 201);
    })
    .delete('/api/webinars/:slug/materials/:id/captions/:language', async (c) => {
      await removeCaptions(deps, c.req.param('slug'), materialId(c.req.param('id')), c.req.param('language'));
      return c.body(null, 204);
    });
}

export function captionJson(caption: Caption, baseUrl: string) {
  return {
    material: caption.materialId,
    language: caption.language,
    label: caption.label,
    cues: caption.transcript.split('\n').length,
    url: `${baseUrl}${publicCaptionsPath(caption)}`,
  };
}

function vttResponse(c: Context, caption: Caption, cacheControl: string): Response {
  const etag = contentEtag(caption.vtt);
  const headers = { ETag: etag, 'Cache-Control': cacheControl };
  if (isNotModified(c, { etag })) return new Response(null, { status: 304, headers });
  return new Response(c.req.method === 'HEAD' ? null : caption.vtt, {
    headers: { ...headers, 'Content-Type': 'text/vtt; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

function languageOfFile(file: string): string {
  return file.slice(0, -'.vtt'.length);
}

function materialId(param: string): number {
  const id = /^\d{1,12}$/.test(param) ? Number(param) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(message('materials.error.noSuchMaterial'));
  return id;
}
