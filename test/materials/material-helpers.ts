// Builds the materials routes on a demo database, real ZIP-based sample files, and past-webinar attendees.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll } from 'vitest';
import { calendarRoutes } from '../../src/calendar/calendar.routes.js';
import type { Db } from '../../src/db/connection.js';
import type { AppEnv } from '../../src/http/env.js';
import { handleErrors, handleNotFound } from '../../src/http/error-handler.js';
import { createPublicCache } from '../../src/http/public-cache.js';
import { unknownZoneResponse } from '../../src/http/unknown-zone.js';
import { viewerZone } from '../../src/http/viewer-zone.js';
import { attendeeFeedLinks, attendeeMaterialsOf, materialsOf, publicMaterialLinks } from '../../src/materials/material.hooks.js';
import { materialAdminRoutes, materialApiRoutes, materialAttendeeRoutes, materialPublicRoutes } from '../../src/materials/material.routes.js';
import type { MaterialDeps } from '../../src/materials/material.service.js';
import { programmeRoutes } from '../../src/programme/programme.routes.js';
import { getProgramme } from '../../src/programme/programme.service.js';
import { registrationRoutes } from '../../src/registration/registration.routes.js';
import { cancelRegistration, register } from '../../src/registration/registration.service.js';
import { TEST_BASE_URL, buildTestApp } from '../helpers/test-app.js';

export const NOW = '2027-02-01T12:00:00Z';
/** Both past at NOW: 2026-12-14 and 2027-01-18. */
export const PAST_CVC = 'corporate-venture-capital-silicon-valley';
export const PAST_CHINA = 'open-innovation-platforms-china';
export const UPCOMING = 'pilots-with-startups-norway';
export const CSRF = 'test-csrf-token';

export type MaterialsCtx = Awaited<ReturnType<typeof buildMaterialsApp>>;

const uploadDirs: string[] = [];
afterAll(() => {
  for (const dir of uploadDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The materials routes and hooks mounted the way the lead will mount them, on a fresh demo database. */
export async function buildMaterialsApp() {
  const ctx = await buildTestApp({ now: NOW });
  const deps: MaterialDeps = { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL };
  // A folder of this app's own for uploads on their way in, so that a test sees exactly its files.
  const uploadDir = mkdtempSync(join(tmpdir(), 'hub-test-uploads-'));
  uploadDirs.push(uploadDir);
  const logged: Array<{ message: string; error: unknown }> = [];
  const log = (message: string, error: unknown) => logged.push({ message, error });
  const siteTitle = async () => (await getProgramme(ctx.db)).title;
  const viewer = viewerZone({
    defaultZone: async () => (await getProgramme(ctx.db)).defaultZone,
    secureCookies: true,
    onUnknownZone: unknownZoneResponse(ctx.db),
  });

  const app = new Hono<AppEnv>();
  app.onError(handleErrors({ siteTitle, log }));
  app.notFound(handleNotFound({ siteTitle, log }));
  // Stands in for the admin session guard, which sets these.
  app.use(async (c, next) => {
    c.set('csrfToken', CSRF);
    c.set('coordinator', { id: 1, email: 'coordinator@example.org', name: 'Test Coordinator' });
    await next();
  });
  app.route('/', materialPublicRoutes({ ...deps, viewer }));
  app.route('/', materialAttendeeRoutes(deps));
  app.route('/', materialAdminRoutes({ ...deps, uploadDir }));
  app.route('/', materialApiRoutes({ ...deps, uploadDir }));
  const pages = { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL, viewer, materialsOf: materialsOf(deps) };
  app.route(
    '/',
    calendarRoutes({ db: ctx.db, baseUrl: TEST_BASE_URL, linksOf: publicMaterialLinks(deps), cache: createPublicCache({ db: ctx.db, clock: ctx.clock }) }),
  );
  app.route('/', programmeRoutes(pages));
  app.route(
    '/',
    registrationRoutes({
      ...pages,
      rateLimit: { max: 1000, windowMinutes: 10 },
      attendeeMaterialsOf: attendeeMaterialsOf(deps),
      attendeeFeedLinksOf: attendeeFeedLinks(deps),
    }),
  );
  return { ...ctx, app, deps, logged, uploadDir, tempFiles: () => readdirSync(uploadDir) };
}

/** Registers someone while registration was still open, then returns to NOW. */
export async function registerBefore(ctx: Pick<MaterialsCtx, 'clock' | 'deps'>, slugs: string[], email: string, options: { cancel?: boolean } = {}) {
  ctx.clock.set('2026-12-01T08:00:00Z');
  try {
    const result = await register(ctx.deps, slugs, {
      name: email.split('@')[0]!,
      email,
      organisation: 'Example AB',
      organisationType: 'startup',
      timezone: 'Europe/Stockholm',
      question: null,
    });
    if (options.cancel) for (const outcome of result.outcomes) await cancelRegistration(ctx.deps, result.attendee, outcome.registrationId!);
    return result.attendee;
  } finally {
    ctx.clock.set(NOW);
  }
}

/** The stored names of the files in the database (file_chunk), sorted. */
export async function storedFiles(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('file_chunk').select('file_name').distinct().orderBy('file_name').execute();
  return rows.map((row) => row.file_name);
}

/** The sizes of a stored file's pieces, in order. */
export async function chunkSizes(db: Db, fileName: string): Promise<number[]> {
  const rows = await db.selectFrom('file_chunk').select(['seq', 'data']).where('file_name', '=', fileName).orderBy('seq').execute();
  return rows.map((row) => row.data.length);
}

export function upload(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }): RequestInit {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  if (file) body.set('file', new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }));
  return { method: 'POST', body };
}

// --- Sample files --------------------------------------------------------------------------------

type ZipInput = { name: string; data: string | Uint8Array; store?: boolean };

/** A real ZIP archive (local headers, central directory, end record), stored or deflated per entry. */
export function zip(entries: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data);
    const packed = entry.store ? data : deflateRawSync(data);
    const crc = crc32(data);
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const ODF = (type: string) => [
  { name: 'mimetype', data: `application/vnd.oasis.opendocument.${type}`, store: true },
  { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' },
  { name: 'META-INF/manifest.xml', data: '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
];

export const SAMPLES = {
  pdf: new Uint8Array(
    Buffer.from(
      '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
    ),
  ),
  pptx: zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    { name: 'ppt/presentation.xml', data: '<?xml version="1.0"?><p:presentation/>' },
    { name: 'ppt/slides/slide1.xml', data: '<?xml version="1.0"?><p:sld/>' },
  ]),
  docx: zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document/>' },
  ]),
  odp: zip(ODF('presentation')),
  odt: zip(ODF('text')),
  keynote: zip([
    { name: 'Index/Document.iwa', data: new Uint8Array([0, 1, 2, 3, 4, 5]) },
    { name: 'Index/Slide.iwa', data: new Uint8Array([6, 7, 8]) },
    { name: 'Metadata/Properties.plist', data: '<plist/>' },
  ]),
  keynote09: zip([
    { name: 'Index.zip', data: new Uint8Array([0x50, 0x4b, 0x05, 0x06]), store: true },
    { name: 'QuickLook/Thumbnail.jpg', data: new Uint8Array([0xff, 0xd8, 0xff]) },
  ]),
  exe: new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(64)])),
  text: new Uint8Array(Buffer.from('These are not slides, only a text file renamed to .pdf.\n')),
};

/** Real video files made with ffmpeg (see test/fixtures/video/README.md): a 30-second MP4 (VP9, 320×180) and a 3-second WebM. */
export const VIDEO_FIXTURES = {
  mp4: fileURLToPath(new URL('../fixtures/video/testsrc-30s.mp4', import.meta.url)),
  webm: fileURLToPath(new URL('../fixtures/video/tiny.webm', import.meta.url)),
};

export const VIDEO_SAMPLES = {
  mp4: new Uint8Array(readFileSync(VIDEO_FIXTURES.mp4)),
  webm: new Uint8Array(readFileSync(VIDEO_FIXTURES.webm)),
};

/** A PDF of exactly `size` bytes whose every byte depends on its offset, so a misplaced piece shows. */
export function largePdf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.imul(i, 2654435761) >>> 24;
  bytes.set(SAMPLES.pdf);
  return bytes;
}
