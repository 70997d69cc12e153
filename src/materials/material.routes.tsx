// Materials over HTTP: the recordings page and file downloads, the coordinators' forms and the JSON API.
import { tmpdir } from 'node:os';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { renderAdminPage } from '../admin/admin-page.js';
import { RefusedMaterialForm } from '../../views/materials/material-admin-panel.js';
import { RecordingsPage } from '../../views/materials/recordings-page.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { bodyKind, formValues, isMultipart, limitBody, readForm, readJsonObject } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { uncachedPage } from '../http/public-cache.js';
import { tokenCheckBeforeFile, type UploadRoute } from '../http/uploads.js';
import { getProgramme } from '../programme/programme.service.js';
import { FieldReader, type Input } from '../validation.js';
import { pendingFor } from './material.hooks.js';
import { contentDisposition, downloadName, publicFilePath, publicHref } from './material.links.js';
import {
  addMaterial,
  deleteMaterial,
  editMaterial,
  getAttendeeFile,
  getPublicFile,
  getWebinarForMaterials,
  listMaterials,
  listPublishedRecordings,
  notifyAttendees,
  type MaterialDeps,
  type ServedFile,
} from './material.service.js';
import type { Material } from './material.types.js';
import { validateMaterial } from './material.validation.js';
import { searchRecordingsArchive } from './recordings-archive.js';
import { attachCaptions, canonicalLanguage, type CaptionsInput } from './captions.service.js';
import { parseWebVtt } from './webvtt.js';
import { recordingsFeed } from './recordings-feed.js';
import { textResponse } from '../http/text-response.js';
import { MAX_UPLOAD_BYTES, checkUploadSize, tooLargeMessage } from './upload-check.js';
import { receiveUploadForm, type ReceivedFile } from './upload-receiver.js';
import { pageShare } from '../previews/share-meta.js';

export type MaterialPublicRoutesDeps = MaterialDeps & {
  viewer: MiddlewareHandler<AppEnv>;
  /** Answers /recordings from memory when nothing changed (see src/http/public-cache.ts). */
  pageCache?: MiddlewareHandler<AppEnv>;
};

export type MaterialGuardedRoutesDeps = MaterialDeps & {
  /**
   * Optional session/CSRF or bearer guards, run after each route's body limit. A guard that reads
   * the form (Hono's parseBody, for `_csrf`) holds the whole upload in memory: take the token from
   * a header, or leave it to the form's reader with checkTokenBeforeFile.
   */
  guards?: MiddlewareHandler<AppEnv>[];
  /** Where uploads wait while they are checked and stored; os.tmpdir() unless given. */
  uploadDir?: string;
};

const passThrough: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await next();
};

function guarded(deps: MaterialGuardedRoutesDeps): MiddlewareHandler<AppEnv> {
  return deps.guards && deps.guards.length > 0 ? every(...deps.guards) : passThrough;
}

/** The largest file plus room for the multipart envelope and the other fields. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 1024 * 1024;
/** Bodies read whole (JSON, urlencoded forms, the small forms): no file, so a few fields. */
const FORM_LIMIT = 64 * 1024;

const REQUEST_TOO_LARGE = `The request is too large (at most ${Math.round(UPLOAD_BODY_LIMIT / 1024)} KB).`;
type TooLarge = (c: Context) => HTTPException;
const pageTooLarge: TooLarge = () => new HTTPException(413, { message: REQUEST_TOO_LARGE });
/** API clients get the field that is too large as well. */
const apiTooLarge: TooLarge = (c) => new HTTPException(413, { res: c.json({ error: REQUEST_TOO_LARGE, fields: { file: tooLargeMessage() } }, 413) });

/**
 * The upload routes' body limit. A multipart form that says it is too large is refused before it
 * is read; one that does not say is counted as it streams to disk (see receiveUploadForm), as
 * Hono's bodyLimit would hold a body without Content-Length in memory to count it. Other bodies
 * are read whole and must be small.
 */
function limitUpload(tooLarge: TooLarge): MiddlewareHandler<AppEnv> {
  const small = limitBody(FORM_LIMIT);
  return async function limitUploadBody(c, next) {
    if (!isMultipart(c)) return small(c, next);
    if (Number(c.req.header('content-length')) > UPLOAD_BODY_LIMIT) throw tooLarge(c);
    await next();
  };
}

const UPLOAD_FORM_PATH = '/admin/webinars/:slug/materials';

/** The workspace's upload form limits and reads its own body: the guards in front of it must not (see src/http/uploads.ts). */
export const MATERIAL_UPLOAD_ROUTES: readonly UploadRoute[] = [{ method: 'POST', path: UPLOAD_FORM_PATH }];

export function materialPublicRoutes(deps: MaterialPublicRoutesDeps) {
  return new Hono<AppEnv>()
    .get('/recordings', deps.viewer, deps.pageCache ?? uncachedPage, async (c) => {
      const [programme, archive] = await Promise.all([
        getProgramme(deps.db),
        searchRecordingsArchive(deps, { q: c.req.query('q'), area: c.req.query('area') }),
      ]);
      // A refused search is the same page with the form kept and the reason, not an error page.
      const status = Object.keys(archive.errors).length > 0 ? 400 : 200;
      return c.html(
        <RecordingsPage
          siteTitle={programme.title}
          viewer={c.var.viewer}
          archive={archive}
          hrefOf={publicHref()}
          share={pageShare(deps.baseUrl, programme, '/recordings')}
        />,
        status,
      );
    })
    .get('/recordings.atom', async (c) => {
      const [programme, items] = await Promise.all([getProgramme(deps.db), listPublishedRecordings(deps)]);
      const feed = recordingsFeed(programme, items, deps.baseUrl);
      return textResponse(c, { body: feed.body, contentType: 'application/atom+xml; charset=utf-8', lastModified: feed.updated });
    })
    .get('/materials/:id/:filename', async (c) => {
      const served = await getPublicFile(deps, materialId(c.req.param('id')));
      return fileResponse(c, served, 'public, max-age=3600');
    });
}

export function materialAttendeeRoutes(deps: MaterialDeps) {
  return new Hono<AppEnv>().get('/my/:token/materials/:id/:filename', async (c) => {
    const served = await getAttendeeFile(deps, c.req.param('token'), materialId(c.req.param('id')));
    // Behind a secret link: no shared cache may keep it.
    return fileResponse(c, served, 'private, no-store');
  });
}

export function materialAdminRoutes(deps: MaterialGuardedRoutesDeps) {
  const guard = guarded(deps);
  const back = (slug: string, query = '') => `/admin/webinars/${encodeURIComponent(slug)}${query}#materials`;
  return new Hono<AppEnv>()
    .post(UPLOAD_FORM_PATH, limitUpload(pageTooLarge), guard, async (c) => {
      const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
      return withMaterialBody(c, { json: false, dir: deps.uploadDir, tooLarge: pageTooLarge }, async (body) => {
        const validated = validateMaterial(body.input, body.file);
        if (!validated.ok) {
          const materials = await listMaterials(deps.db, webinar.id);
          return renderAdminPage(c, deps.db, {
            section: 'webinars',
            title: `Materials: ${webinar.title}`,
            status: 422,
            body: (
              <RefusedMaterialForm
                backHref={back(webinar.slug, '')}
                webinar={webinar}
                materials={materials}
                pending={await pendingFor(deps, webinar)}
                csrfToken={c.var.csrfToken}
                errors={validated.errors}
                values={formValues(body.input)}
              />
            ),
          });
        }
        const { announced } = await addMaterial(deps, webinar.slug, validated.value);
        return c.redirect(back(webinar.slug, announced > 0 ? `?notified=${announced}` : ''), 303);
      });
    })
    .post('/admin/webinars/:slug/materials/notify', limitBody(FORM_LIMIT), guard, async (c) => {
      const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
      const queued = await notifyAttendees(deps, webinar.slug);
      return c.redirect(back(webinar.slug, `?notified=${queued}`), 303);
    })
    .post('/admin/webinars/:slug/materials/:id/edit', limitBody(FORM_LIMIT), guard, async (c) => {
      const id = materialId(c.req.param('id'), 'material');
      const input = await readForm(c);
      delete input._csrf;
      const edited = await editMaterial(deps, c.req.param('slug'), id, input);
      if (edited.ok) return c.redirect(back(c.req.param('slug'), `?edited=${id}`), 303);
      const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
      return renderAdminPage(c, deps.db, {
        section: 'webinars',
        title: `Materials: ${webinar.title}`,
        status: 422,
        body: (
          <RefusedMaterialForm
            backHref={back(webinar.slug)}
            webinar={webinar}
            materials={await listMaterials(deps.db, webinar.id)}
            csrfToken={c.var.csrfToken}
            editing={{ id, errors: edited.errors, values: formValues(input) }}
          />
        ),
      });
    })
    .post('/admin/webinars/:slug/materials/:id/delete', limitBody(FORM_LIMIT), guard, async (c) => {
      await deleteMaterial(deps, c.req.param('slug'), materialId(c.req.param('id'), 'material'));
      return c.redirect(back(c.req.param('slug')), 303);
    });
}

export function materialApiRoutes(deps: MaterialGuardedRoutesDeps) {
  return new Hono<AppEnv>()
    .patch('/api/webinars/:slug/materials/:id', limitBody(FORM_LIMIT), guarded(deps), async (c) => {
      const id = materialId(c.req.param('id'), 'material');
      const input = await readJsonObject(c);
      const unknown = Object.keys(input).filter((key) => !EDITABLE_FIELDS.includes(key));
      if (unknown.length > 0)
        throw new ValidationError(Object.fromEntries(unknown.map((key) => [key, `${key} cannot be changed (only ${EDITABLE_FIELDS.join(', ')}).`])), 422);
      const edited = await editMaterial(deps, c.req.param('slug'), id, input);
      if (!edited.ok) throw new ValidationError(edited.errors, 422);
      return c.json(materialJson(edited.value, deps.baseUrl, c.req.param('slug')), 200);
    })
    .post('/api/webinars/:slug/materials', limitUpload(apiTooLarge), guarded(deps), async (c) => {
      const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
      return withMaterialBody(c, { json: true, dir: deps.uploadDir, tooLarge: apiTooLarge }, async (body) => {
        const sizeProblem = body.file ? checkUploadSize(body.file.sizeBytes) : undefined;
        if (sizeProblem && !sizeProblem.ok && sizeProblem.reason === 'too-large')
          return c.json({ error: sizeProblem.message, fields: { file: sizeProblem.message } }, 413);
        const validated = validateMaterial(body.input, body.file);
        // A recording may bring its captions along: checked before anything is stored.
        const captions = captionsAlong(body.input, validated.ok ? validated.value.kind : undefined);
        if (!validated.ok || !captions.ok)
          throw new ValidationError({ ...(validated.ok ? {} : validated.errors), ...(captions.ok ? {} : captions.errors) }, 422);
        const { material, announced } = await addMaterial(deps, webinar.slug, validated.value);
        if (captions.value) await attachCaptions(deps, webinar.slug, material.id, captions.value);
        // A recording announces itself; `notify: true` also announces other material by hand.
        const requested = new FieldReader(body.input).boolean('notify') ? await notifyAttendees(deps, webinar.slug) : 0;
        return c.json({ ...materialJson(material, deps.baseUrl, webinar.slug), notified: announced + requested }, 201);
      });
    });
}

/** `captions: {language, vtt}` sent with a new recording through the API, checked. */
function captionsAlong(input: Input, kind: string | undefined): { ok: true; value?: CaptionsInput } | { ok: false; errors: Record<string, string> } {
  const sent = input.captions;
  if (sent === undefined || sent === null) return { ok: true };
  if (typeof sent !== 'object' || Array.isArray(sent)) return { ok: false, errors: { captions: 'Send captions as {"language": "en", "vtt": "WEBVTT…"}.' } };
  const { language, vtt } = sent as Record<string, unknown>;
  if (kind !== undefined && kind !== 'recording') return { ok: false, errors: { captions: 'Captions go with a recording.' } };
  if (typeof language !== 'string' || !canonicalLanguage(language))
    return { ok: false, errors: { captions: 'Give the language of the captions as a language code, such as en, sv or zh.' } };
  const bytes = new TextEncoder().encode(typeof vtt === 'string' ? vtt : '');
  const parsed = parseWebVtt(bytes);
  if (!parsed.ok) return { ok: false, errors: { captions: parsed.error } };
  return { ok: true, value: { language, bytes } };
}

/** What PATCH may change; a kind or a file is changed by deleting the material and adding another. */
const EDITABLE_FIELDS = ['title', 'visibility', 'url'];

/** What the API answers for a material; attendees-only files have no public address. */
export function materialJson(material: Material, baseUrl: string, webinarSlug: string) {
  const fileUrl = `${baseUrl}${publicFilePath(material)}`;
  return {
    id: material.id,
    webinar: webinarSlug,
    kind: material.kind,
    title: material.title,
    visibility: material.visibility,
    url: material.url ?? (material.visibility === 'public' ? fileUrl : null),
    file: material.file
      ? {
          name: downloadName({ kind: material.kind, file: material.file }),
          contentType: material.file.contentType,
          sizeBytes: material.file.sizeBytes,
          ...(material.visibility === 'attendees' ? { attendeeUrl: `${baseUrl}/my/{token}${publicFilePath(material)}` } : {}),
        }
      : null,
  };
}

function materialId(param: string, what = 'file'): number {
  const id = /^\d{1,12}$/.test(param) ? Number(param) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(`There is no such ${what}. It may have been removed.`);
  return id;
}

type MaterialBody = { input: Input; file?: ReceivedFile };

/**
 * Reads the material form (multipart or urlencoded) or, for the API, JSON, and hands it to `use`.
 * A multipart file is streamed to a temporary file that is removed once `use` is done, whatever
 * happened: the material is stored from it inside `use`.
 */
async function withMaterialBody<T>(
  c: Context,
  options: { json: boolean; dir: string | undefined; tooLarge: TooLarge },
  use: (body: MaterialBody) => Promise<T>,
): Promise<T> {
  const kind = bodyKind(c);
  if (kind === 'json' && options.json) return use({ input: await readJsonObject(c) });
  if (kind !== 'form') {
    throw new ValidationError(
      {
        body: options.json
          ? 'Send a JSON object (application/json) or a multipart/form-data form with a "file".'
          : 'Send the form as multipart/form-data or application/x-www-form-urlencoded.',
      },
      400,
    );
  }
  if (!isMultipart(c)) {
    // An urlencoded form has no file (a `file` field is only text) and is small: read it whole.
    const input = await readForm(c);
    delete input.file;
    delete input._csrf;
    return use({ input });
  }
  const form = await receiveUploadForm(await unreadRequest(c), {
    dir: options.dir ?? tmpdir(),
    maxFileBytes: MAX_UPLOAD_BYTES,
    maxBodyBytes: UPLOAD_BODY_LIMIT,
    bodyTooLarge: () => options.tooLarge(c),
    checkToken: tokenCheckBeforeFile(c),
  });
  try {
    // A form whose file input was left empty still sends a nameless, empty part: that is no file.
    const file = form.file && !(form.file.name === '' && form.file.sizeBytes === 0) ? form.file : undefined;
    return await use(file ? { input: form.input, file } : { input: form.input });
  } finally {
    await form.dispose();
  }
}

/**
 * The request with its body still to read. A guard that read the form already (see
 * MaterialGuardedRoutesDeps.guards) left it in Hono's cache, in memory: it is read from there.
 */
async function unreadRequest(c: Context): Promise<Request> {
  if (!c.req.raw.bodyUsed) return c.req.raw;
  return new Request(c.req.url, { method: c.req.method, body: await c.req.formData() });
}

function fileResponse(c: Context, served: ServedFile, cacheControl: string): Response {
  const headers = {
    'Content-Type': served.material.file.contentType,
    'Content-Length': String(served.material.file.sizeBytes),
    'Content-Disposition': contentDisposition(downloadName(served.material)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': cacheControl,
  };
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  return new Response(served.open(), { status: 200, headers });
}
