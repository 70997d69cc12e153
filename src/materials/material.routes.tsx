// Materials over HTTP: the recordings page and file downloads, the coordinators' forms and the JSON API.
import { languageOf, inRequestLanguage } from '../http/language.js';
import { tmpdir } from 'node:os';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { message, say } from '../i18n/message.js';
import { renderAdminPage } from '../admin/admin-page.js';
import { RefusedMaterialForm, type MaterialAdminPanelProps } from '../../views/materials/material-admin-panel.js';
import { RecordingsPage } from '../../views/materials/recordings-page.js';
import { NotFoundError, ValidationError, RefusedError } from '../errors.js';
import { bodyKind, formValues, isMultipart, limitBody, readForm, readJsonObject } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { uncachedPage } from '../http/public-cache.js';
import { tokenCheckBeforeFile, type UploadRoute } from '../http/uploads.js';
import { getProgramme } from '../programme/programme.service.js';
import type { Webinar } from '../programme/programme.types.js';
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
import { validateMaterial, validateMaterialEdit } from './material.validation.js';
import { searchRecordingsArchive } from './recordings-archive.js';
import { attachCaptions, checkCaptions, type CheckedCaptions } from './captions.service.js';
import { recordingsFeed } from './recordings-feed.js';
import { textResponse } from '../http/text-response.js';
import { MAX_VIDEO_UPLOAD_BYTES, checkUploadSize, formatFileSize, isVideoType, maxUploadBytesFor, tooLargeMessage } from './upload-check.js';
import { rangeStillApplies, requestedRange } from '../http/byte-range.js';
import { contentEtag, isNotModified } from '../http/conditional.js';
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

/** Room for the multipart envelope and the other fields around a file. */
const FILE_ENVELOPE_BYTES = 1024 * 1024;
/** The largest file (a recording's video) and its envelope; a slides form is held to 51 MB once its kind is read (see receiveUploadForm). */
export const UPLOAD_BODY_LIMIT = MAX_VIDEO_UPLOAD_BYTES + FILE_ENVELOPE_BYTES;
/** Bodies read whole (JSON, urlencoded forms, the small forms): no file, so a few fields. */
const FORM_LIMIT = 64 * 1024;

const requestTooLarge = (limitBytes: number) => message('materials.error.requestTooLarge', { size: formatFileSize(limitBytes) });
/** `limitBytes`: the body limit that was passed, the largest unless the form's kind lowered it. */
type TooLarge = (c: Context, limitBytes?: number) => Error;
const pageTooLarge: TooLarge = (_c, limitBytes = UPLOAD_BODY_LIMIT) => new RefusedError(413, requestTooLarge(limitBytes));
/** API clients get the field that is too large as well, in English (the API's language: its clients are programs). */
const apiTooLarge: TooLarge = (c, limitBytes = UPLOAD_BODY_LIMIT) =>
  new HTTPException(413, {
    res: c.json({ error: say('en', requestTooLarge(limitBytes)), fields: { file: tooLargeMessage(limitBytes - FILE_ENVELOPE_BYTES, 'en') } }, 413),
  });

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
        searchRecordingsArchive(deps, { q: c.req.query('q'), area: c.req.query('area') }, languageOf(c)),
      ]);
      // A refused search is the same page with the form kept and the reason, not an error page.
      const status = Object.keys(archive.errors).length > 0 ? 400 : 200;
      return c.html(
        <RecordingsPage
          siteTitle={programme.title}
          viewer={c.get('viewer')}
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
  /** The webinar's materials page again, 422, with the refused add or edit form and its messages. */
  const refused = async (c: Context<AppEnv>, webinar: Webinar, form: Pick<MaterialAdminPanelProps, 'pending' | 'errors' | 'values' | 'editing'>) => {
    const materials = await listMaterials(deps.db, webinar.id);
    return renderAdminPage(c, deps.db, () => ({
      section: 'webinars',
      title: message('materials.pageTitle', { title: webinar.title }),
      status: 422,
      body: <RefusedMaterialForm backHref={back(webinar.slug)} webinar={webinar} materials={materials} csrfToken={c.get('csrfToken')} {...form} />,
    }));
  };
  return (
    new Hono<AppEnv>()
      .post(UPLOAD_FORM_PATH, limitUpload(pageTooLarge), guard, async (c) => {
        const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
        return withMaterialBody(c, { json: false, dir: deps.uploadDir, tooLarge: pageTooLarge }, async (body) => {
          const validated = inRequestLanguage(c, () => validateMaterial(body.input, body.file));
          if (!validated.ok) return refused(c, webinar, { pending: await pendingFor(deps, webinar), errors: validated.errors, values: formValues(body.input) });
          const { announced } = await addMaterial(deps, webinar.slug, validated.value);
          return c.redirect(back(webinar.slug, announced > 0 ? `?notified=${announced}` : ''), 303);
        });
      })
      // Not under /materials/: a fixed name beside its :id slows every route (test/http/router.test.ts).
      .post('/admin/webinars/:slug/notify-materials', limitBody(FORM_LIMIT), guard, async (c) => {
        const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
        const queued = await notifyAttendees(deps, webinar.slug);
        return c.redirect(back(webinar.slug, `?notified=${queued}`), 303);
      })
      .post('/admin/webinars/:slug/materials/:id/edit', limitBody(FORM_LIMIT), guard, async (c) => {
        const id = materialId(c.req.param('id'), 'material');
        const input = await readForm(c);
        delete input._csrf;
        const edited = await editMaterial(deps, c.req.param('slug'), id, (current) => validateMaterialEdit(input, current, languageOf(c)));
        if (edited.ok) return c.redirect(back(c.req.param('slug'), `?edited=${id}`), 303);
        const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
        return refused(c, webinar, { editing: { id, errors: edited.errors, values: formValues(input) } });
      })
      .post('/admin/webinars/:slug/materials/:id/delete', limitBody(FORM_LIMIT), guard, async (c) => {
        await deleteMaterial(deps, c.req.param('slug'), materialId(c.req.param('id'), 'material'));
        return c.redirect(back(c.req.param('slug')), 303);
      })
  );
}

/**
 * The JSON API. Its refusals are in English, whatever language the request asks for: its clients
 * are programs, which match on these texts (the hub's pages speak the reader's language).
 */
export function materialApiRoutes(deps: MaterialGuardedRoutesDeps) {
  return new Hono<AppEnv>()
    .patch('/api/webinars/:slug/materials/:id', limitBody(FORM_LIMIT), guarded(deps), async (c) => {
      const id = materialId(c.req.param('id'), 'material');
      const input = await readJsonObject(c);
      const unknown = Object.keys(input).filter((key) => !EDITABLE_FIELDS.includes(key));
      if (unknown.length > 0)
        throw new ValidationError(Object.fromEntries(unknown.map((key) => [key, `${key} cannot be changed (only ${EDITABLE_FIELDS.join(', ')}).`])), 422);
      const edited = await editMaterial(deps, c.req.param('slug'), id, (current) => validateMaterialEdit(input, current, 'en'));
      if (!edited.ok) throw new ValidationError(edited.errors, 422);
      return c.json(materialJson(edited.value, deps.baseUrl, c.req.param('slug')), 200);
    })
    .post('/api/webinars/:slug/materials', limitUpload(apiTooLarge), guarded(deps), async (c) => {
      const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
      return withMaterialBody(c, { json: true, dir: deps.uploadDir, tooLarge: apiTooLarge }, async (body) => {
        const sizeProblem = body.file
          ? checkUploadSize(body.file.sizeBytes, Math.min(body.file.maxBytes, maxUploadBytesFor(body.input.kind)), 'en')
          : undefined;
        if (sizeProblem && !sizeProblem.ok && sizeProblem.reason === 'too-large')
          return c.json({ error: sizeProblem.message, fields: { file: sizeProblem.message } }, 413);
        const validated = validateMaterial(body.input, body.file, { language: 'en' });
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

/** `captions: {language, vtt}` sent with a new recording through the API, checked (in English, the API's language). */
function captionsAlong(input: Input, kind: string | undefined): { ok: true; value?: CheckedCaptions } | { ok: false; errors: Record<string, string> } {
  const sent = input.captions;
  if (sent === undefined || sent === null) return { ok: true };
  if (typeof sent !== 'object' || Array.isArray(sent)) return { ok: false, errors: { captions: 'Send captions as {"language": "en", "vtt": "WEBVTT…"}.' } };
  const { language, vtt } = sent as Record<string, unknown>;
  if (kind !== undefined && kind !== 'recording') return { ok: false, errors: { captions: 'Captions go with a recording.' } };
  const checked = checkCaptions(
    { language: typeof language === 'string' ? language : '', bytes: new TextEncoder().encode(typeof vtt === 'string' ? vtt : '') },
    'en',
  );
  // One field for both: `captions` is what the client sent.
  if (!checked.ok) return { ok: false, errors: { captions: checked.errors.language ?? checked.errors.captions ?? '' } };
  return { ok: true, value: checked.value };
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

function materialId(param: string, what: 'file' | 'material' = 'file'): number {
  const id = /^\d{1,12}$/.test(param) ? Number(param) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(message(what === 'file' ? 'materials.error.noSuchFile' : 'materials.error.noSuchMaterial'));
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
      { body: options.json ? 'Send a JSON object (application/json) or a multipart/form-data form with a "file".' : message('materials.error.sendForm') },
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
    // The kind, sent before the file, decides: a recording's video may be far larger than slides.
    maxFileBytes: (fieldsBefore) => maxUploadBytesFor(fieldsBefore.kind),
    maxBodyBytes: UPLOAD_BODY_LIMIT,
    fileEnvelopeBytes: FILE_ENVELOPE_BYTES,
    bodyTooLarge: (limitBytes) => options.tooLarge(c, limitBytes),
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

/**
 * A stored file, whole or the one byte range asked for (a video player seeking, a download
 * resuming: 206 with Content-Range; 416 past the end), with validators so that a browser
 * revalidates instead of fetching again. A material's file never changes (a new file is a new
 * material), so its stored name is its ETag's source and its creation its Last-Modified.
 */
function fileResponse(c: Context, served: ServedFile, cacheControl: string): Response {
  const { material } = served;
  const size = material.file.sizeBytes;
  const etag = contentEtag(material.file.storedName);
  const lastModified = material.createdAt.toHTTP() ?? '';
  const headers: Record<string, string> = {
    'Content-Type': material.file.contentType,
    'Content-Disposition': contentDisposition(downloadName(material), isVideoType(material.file) ? 'inline' : 'attachment'),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': cacheControl,
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': lastModified,
  };
  if (isNotModified(c, { etag, lastModifiedMs: material.createdAt.startOf('second').toMillis() })) return new Response(null, { status: 304, headers });
  const range = rangeStillApplies(c, { etag, lastModified }) ? requestedRange(c.req.header('range'), size) : undefined;
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' } });
  }
  const status = range ? 206 : 200;
  const sent = range ?? { start: 0, end: size - 1 };
  headers['Content-Length'] = String(sent.end - sent.start + 1);
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  if (c.req.method === 'HEAD') return new Response(null, { status, headers });
  return new Response(served.open(sent), { status, headers });
}
