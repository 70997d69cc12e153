// Materials over HTTP: the recordings page and file downloads, the coordinators' forms and the JSON API.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { renderAdminPage } from '../admin/admin-page.js';
import { MaterialAdminPanel } from '../../views/materials/material-admin-panel.js';
import { RecordingsPage } from '../../views/materials/recordings-page.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { bodyKind, formValues, limitBody, readJsonObject } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { uncachedPage } from '../http/public-cache.js';
import { getProgramme } from '../programme/programme.service.js';
import { FieldReader, type Input } from '../validation.js';
import { contentDisposition, downloadName, publicFilePath, publicHref } from './material.links.js';
import {
  addMaterial,
  deleteMaterial,
  getAttendeeFile,
  getPublicFile,
  getWebinarForMaterials,
  listMaterials,
  notifyAttendees,
  type MaterialDeps,
  type ServedFile,
} from './material.service.js';
import type { Material } from './material.types.js';
import { validateMaterial, type UploadedFile } from './material.validation.js';
import { searchRecordingsArchive } from './recordings-archive.js';
import { MAX_UPLOAD_BYTES, checkUploadSize, tooLargeMessage } from './upload-check.js';

export type MaterialPublicRoutesDeps = MaterialDeps & {
  viewer: MiddlewareHandler<AppEnv>;
  /** Answers /recordings from memory when nothing changed (see src/http/public-cache.ts). */
  pageCache?: MiddlewareHandler<AppEnv>;
};

export type MaterialGuardedRoutesDeps = MaterialDeps & {
  /**
   * Optional session/CSRF or bearer guards, run after each route's body limit: a guard that reads
   * the form (the `_csrf` field) must not read a 51 MB upload before the limit has had its say.
   */
  guards?: MiddlewareHandler<AppEnv>[];
};

const passThrough: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await next();
};

function guarded(deps: MaterialGuardedRoutesDeps): MiddlewareHandler<AppEnv> {
  return deps.guards && deps.guards.length > 0 ? every(...deps.guards) : passThrough;
}

/** The largest file plus room for the multipart envelope and the other fields. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 1024 * 1024;
const FORM_LIMIT = 64 * 1024;

export function materialPublicRoutes(deps: MaterialPublicRoutesDeps) {
  return new Hono<AppEnv>()
    .get('/recordings', deps.viewer, deps.pageCache ?? uncachedPage, async (c) => {
      const [programme, archive] = await Promise.all([getProgramme(deps.db), searchRecordingsArchive(deps, { q: c.req.query('q'), area: c.req.query('area') })]);
      // A refused search is the same page with the form kept and the reason, not an error page.
      const status = Object.keys(archive.errors).length > 0 ? 400 : 200;
      return c.html(<RecordingsPage siteTitle={programme.title} viewer={c.var.viewer} archive={archive} hrefOf={publicHref()} />, status);
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
    .post('/admin/webinars/:slug/materials', limitBody(UPLOAD_BODY_LIMIT), guard, async (c) => {
      const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
      const body = await readMaterialBody(c, { json: false });
      const validated = validateMaterial(body.input, body.file);
      if (!validated.ok) {
        const materials = await listMaterials(deps.db, webinar.id);
        return renderAdminPage(c, deps.db, {
          section: 'webinars',
          title: `Materials: ${webinar.title}`,
          status: 422,
          body: (
            <>
              <p class="small">
                <a href={back(webinar.slug, '')}>← {webinar.title}</a>
              </p>
              <MaterialAdminPanel webinar={webinar} materials={materials} csrfToken={c.var.csrfToken} errors={validated.errors} values={formValues(body.input)} />
            </>
          ),
        });
      }
      const { announced } = await addMaterial(deps, webinar.slug, validated.value);
      return c.redirect(back(webinar.slug, announced > 0 ? `?notified=${announced}` : ''), 303);
    })
    .post('/admin/webinars/:slug/materials/notify', limitBody(FORM_LIMIT), guard, async (c) => {
      const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
      const queued = await notifyAttendees(deps, webinar.slug);
      return c.redirect(back(webinar.slug, `?notified=${queued}`), 303);
    })
    .post('/admin/webinars/:slug/materials/:id/delete', limitBody(FORM_LIMIT), guard, async (c) => {
      await deleteMaterial(deps, c.req.param('slug'), materialId(c.req.param('id'), 'material'));
      return c.redirect(back(c.req.param('slug')), 303);
    });
}

/** Like limitBody, but API clients get the field that is too large as well. */
const apiUploadLimit = bodyLimit({
  maxSize: UPLOAD_BODY_LIMIT,
  onError: (c) =>
    c.json({ error: `The request is too large (at most ${Math.round(UPLOAD_BODY_LIMIT / 1024)} KB).`, fields: { file: tooLargeMessage() } }, 413),
});

export function materialApiRoutes(deps: MaterialGuardedRoutesDeps) {
  return new Hono<AppEnv>().post('/api/webinars/:slug/materials', apiUploadLimit, guarded(deps), async (c) => {
    const webinar = await getWebinarForMaterials(deps.db, c.req.param('slug'));
    const body = await readMaterialBody(c, { json: true });
    const sizeProblem = body.file ? checkUploadSize(body.file.bytes.length) : undefined;
    if (sizeProblem && !sizeProblem.ok && sizeProblem.reason === 'too-large') return c.json({ error: sizeProblem.message, fields: { file: sizeProblem.message } }, 413);
    const validated = validateMaterial(body.input, body.file);
    if (!validated.ok) throw new ValidationError(validated.errors, 422);
    const { material, announced } = await addMaterial(deps, webinar.slug, validated.value);
    // A recording announces itself; `notify: true` also announces other material by hand.
    const requested = new FieldReader(body.input).boolean('notify') ? await notifyAttendees(deps, webinar.slug) : 0;
    return c.json({ ...materialJson(material, deps.baseUrl, webinar.slug), notified: announced + requested }, 201);
  });
}

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

/** Fields as text plus at most one file from a form (multipart or urlencoded) or, for the API, JSON. */
async function readMaterialBody(c: Context, options: { json: boolean }): Promise<{ input: Input; file?: UploadedFile }> {
  const kind = bodyKind(c);
  if (kind === 'json' && options.json) return { input: await readJsonObject(c) };
  if (kind !== 'form') {
    throw new ValidationError(
      { body: options.json ? 'Send a JSON object (application/json) or a multipart/form-data form with a "file".' : 'Send the form as multipart/form-data or application/x-www-form-urlencoded.' },
      400,
    );
  }
  let body: Record<string, string | File | Array<string | File>>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof HTTPException) throw error;
    throw new ValidationError({ body: 'The form could not be read.' }, 400);
  }
  const input: Input = {};
  for (const [key, value] of Object.entries(body)) if (key !== 'file' && key !== '_csrf') input[key] = value instanceof File ? undefined : value;
  const raw = body.file;
  if (Array.isArray(raw)) throw new ValidationError({ file: 'Upload one file at a time.' }, 422);
  // A form whose file input was left empty still sends a nameless, empty part.
  if (!(raw instanceof File) || (raw.name === '' && raw.size === 0)) return { input };
  return { input, file: { name: raw.name, bytes: new Uint8Array(await raw.arrayBuffer()) } };
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
