// What uploads cost a real hub process (src/server.ts on a port, on this run's engine): memory that
// stays bounded whatever the uploads' size, and temporary files that never outlive their request.
// The hub's memory is read from /proc, so these run on Linux.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { TEMP_UPLOAD_PREFIX } from '../../src/materials/temp-file.js';
import { createWebinarThroughApi, HUB_PROCESS_API_TOKEN, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { createPostgresDatabase, TEST_ENGINE } from '../helpers/test-database.js';
import { memoryOf, postUpload, resetPeakMemory, sampleMemory, sha256Of } from './upload-client.js';

const MB = 1024 * 1024;
const AUTH = { authorization: `Bearer ${HUB_PROCESS_API_TOKEN}` };
const TOO_LARGE_REQUEST = {
  error: 'The request is too large (at most 51 MB).',
  fields: { file: 'The file is larger than 50 MB. Upload a video as a recording (up to 2 GB), or publish large files as a link.' },
};

let hub: HubProcess;
let db: Db;
let uploadsUrl: string;
/** The hub's TMPDIR: only its uploads (and tsx's cache) are in there. */
const hubTmp = mkdtempSync(join(tmpdir(), 'hub-process-tmp-'));
const dataDir = mkdtempSync(join(tmpdir(), 'hub-process-data-'));

function tempUploads(): string[] {
  return readdirSync(hubTmp).filter((name) => name.startsWith(TEMP_UPLOAD_PREFIX));
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function counts() {
  const [materials, pieces] = await Promise.all([db.selectFrom('material').select('id').execute(), db.selectFrom('file_chunk').select('seq').execute()]);
  return { materials: materials.length, pieces: pieces.length };
}

beforeAll(async () => {
  const target =
    TEST_ENGINE === 'postgres'
      ? { engine: 'postgres' as const, url: (await createPostgresDatabase()).url, poolSize: 2 }
      : { engine: 'sqlite' as const, path: join(dataDir, 'hub.db') };
  const env: Record<string, string> = target.engine === 'postgres' ? { DATABASE_URL: target.url } : { DATABASE_PATH: target.path };
  hub = await startHubProcess({ HUB_DEMO: '0', HUB_API_TOKEN: HUB_PROCESS_API_TOKEN, TMPDIR: hubTmp, ...env });
  db = openDatabase(target);
  const slug = await createWebinarThroughApi(hub, { title: 'Uploads', capacity: 10 });
  uploadsUrl = `${hub.url}/api/webinars/${slug}/materials`;
});

afterAll(async () => {
  await hub?.stop('SIGKILL');
  await db?.destroy();
  rmSync(hubTmp, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')(`uploads to a hub process on ${TEST_ENGINE === 'postgres' ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('takes six 49 MB uploads at once with at most 100 MB more memory, and stores each byte for byte', { timeout: 180_000 }, async ({ annotate }) => {
    // Once first, so that what is loaded and compiled on the first upload is in the baseline.
    const warm = await postUpload(uploadsUrl, { fields: { kind: 'slides', title: 'Warm-up' }, file: { name: 'warm.pdf', sizeBytes: 2 * MB }, headers: AUTH });
    expect(warm.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const pid = hub.child.pid!;
    const baseline = memoryOf(pid).rss;
    const peakIsExact = resetPeakMemory(pid);
    const sampler = sampleMemory(pid);
    const uploads = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        postUpload(uploadsUrl, { fields: { kind: 'slides', title: `Deck ${n}` }, file: { name: `deck-${n}.pdf`, sizeBytes: 49 * MB }, headers: AUTH }),
      ),
    );
    const sampledPeak = sampler.stop();
    const peak = Math.max(sampledPeak, peakIsExact ? memoryOf(pid).peak : 0);
    const figures = `hub memory: ${(baseline / MB).toFixed(0)} MB before, ${(peak / MB).toFixed(0)} MB at the peak (+${((peak - baseline) / MB).toFixed(0)} MB)`;
    await annotate(figures);
    expect(
      uploads.map((upload) => upload.status),
      uploads.map((upload) => upload.body).join('\n'),
    ).toEqual([201, 201, 201, 201, 201, 201]);
    expect((peak - baseline) / MB, figures).toBeLessThanOrEqual(100);

    for (const upload of uploads) {
      const created = JSON.parse(upload.body) as { url: string; file: { sizeBytes: number } };
      expect(created.file.sizeBytes).toBe(49 * MB);
      const download = await fetch(created.url.replace(/^https?:\/\/[^/]+/, hub.url));
      expect(download.status).toBe(200);
      expect(await sha256Of(download)).toEqual({ sha256: upload.sha256, bytes: 49 * MB });
    }
    expect(tempUploads()).toEqual([]);
  });

  it('refuses a 51 MB upload with 413, with Content-Length or without, and leaves no temporary file', { timeout: 60_000 }, async () => {
    const before = await counts();
    const form = { fields: { kind: 'slides', title: 'Too big' }, file: { name: 'big.pdf', sizeBytes: 51 * MB }, headers: AUTH };
    // Content-Length says it all once the kind is read: the answer comes after the first piece of
    // the file (the form's reader sees the file's part begin only when some of it follows).
    const declared = await postUpload(uploadsUrl, { ...form, waitForEarlyAnswerMs: 10_000, earlyAnswerAfterFileBytes: 64 * 1024 });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual(TOO_LARGE_REQUEST);
    expect(declared.sentFileBytes).toBe(64 * 1024);
    // Without it, the hub counts the body as it comes and stops once it passes 51 MB.
    const chunked = await postUpload(uploadsUrl, { ...form, declareLength: false });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual(TOO_LARGE_REQUEST);
    await waitFor(() => tempUploads().length === 0, 'the temporary files to go');
    expect(await counts()).toEqual(before);
  });

  it('leaves no temporary file and no row when the client goes away in the middle of an upload', { timeout: 60_000 }, async () => {
    const before = await counts();
    const upload = await postUpload(uploadsUrl, {
      fields: { kind: 'slides', title: 'Cut off' },
      file: { name: 'cut.pdf', sizeBytes: 40 * MB },
      headers: AUTH,
      abortAfterBytes: 20 * MB,
      // The file is on its way to disk when the connection goes.
      beforeAbort: () => waitFor(() => tempUploads().length === 1, 'the temporary file'),
    });
    expect(upload.status).toBe(0);
    await waitFor(() => tempUploads().length === 0, 'the temporary file to go');
    expect(await counts()).toEqual(before);
    // Still serving.
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });
});
