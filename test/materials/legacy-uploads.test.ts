import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importUploadsFolder } from '../../src/materials/legacy-uploads.js';
import { PAST_CVC, SAMPLES, buildMaterialsApp, chunkSizes, largePdf, storedFiles, type MaterialsCtx } from './material-helpers.js';
import { tempDir } from '../helpers/temp-dir.js';

const OLD_NAME = '0123456789abcdef0123456789abcdef.pdf';
const OTHER_NAME = 'fedcba9876543210fedcba9876543210.pdf';

/** A material row as a hub kept it before files moved into the database: its file is only in the folder. */
async function legacyMaterial(ctx: MaterialsCtx, fileName: string, sizeBytes: number) {
  const webinar = await ctx.db.selectFrom('webinar').select('id').where('slug', '=', PAST_CVC).executeTakeFirstOrThrow();
  const position = (await ctx.db.selectFrom('material').select('id').where('webinar_id', '=', webinar.id).execute()).length;
  return ctx.db
    .insertInto('material')
    .values({
      webinar_id: webinar.id,
      kind: 'slides',
      title: 'Slides',
      url: null,
      file_name: fileName,
      original_name: 'Old slides.pdf',
      content_type: 'application/pdf',
      size_bytes: sizeBytes,
      visibility: 'public',
      position,
      created_at: '2026-12-20T10:00:00Z',
      updated_at: '2026-12-20T10:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

function uploadsFolder(files: Record<string, Uint8Array>): string {
  const dir = tempDir('hub-legacy-uploads-');
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

describe('importing an uploads folder', () => {
  it('stores each file of the folder once, and the download then serves it', async () => {
    const ctx = await buildMaterialsApp();
    const pdf = largePdf(1_300_000);
    const material = await legacyMaterial(ctx, OLD_NAME, pdf.length);
    const dir = uploadsFolder({ [OLD_NAME]: pdf });
    expect((await ctx.app.request(`/materials/${material.id}/slides.pdf`)).status).toBe(404);

    expect(await importUploadsFolder(ctx.db, dir)).toEqual({ imported: 1, missing: [] });
    expect(await chunkSizes(ctx.db, OLD_NAME)).toEqual([524_288, 524_288, 251_424]);
    expect(await importUploadsFolder(ctx.db, dir)).toEqual({ imported: 0, missing: [] });
    expect(await chunkSizes(ctx.db, OLD_NAME)).toEqual([524_288, 524_288, 251_424]);

    const res = await ctx.app.request(`/materials/${material.id}/Old%20slides.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1300000');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Old slides.pdf"; filename*=UTF-8''Old%20slides.pdf`);
    expect(Buffer.compare(new Uint8Array(await res.arrayBuffer()), pdf)).toBe(0);
  });

  it('leaves files already in the database alone and names the ones the folder lacks or holds at another size', async () => {
    const ctx = await buildMaterialsApp();
    await legacyMaterial(ctx, OLD_NAME, SAMPLES.pdf.length);
    await legacyMaterial(ctx, OTHER_NAME, SAMPLES.pdf.length + 1);
    await legacyMaterial(ctx, 'ffffffffffffffffffffffffffffffff.pdf', 10);
    const dir = uploadsFolder({ [OLD_NAME]: SAMPLES.pdf, [OTHER_NAME]: SAMPLES.pdf, 'unrelated.pdf': SAMPLES.pdf });

    expect(await importUploadsFolder(ctx.db, dir)).toEqual({ imported: 1, missing: [OTHER_NAME, 'ffffffffffffffffffffffffffffffff.pdf'] });
    expect(await storedFiles(ctx.db)).toEqual([OLD_NAME]);
  });

  it('imports nothing from a folder that does not exist', async () => {
    const ctx = await buildMaterialsApp();
    await legacyMaterial(ctx, OLD_NAME, SAMPLES.pdf.length);
    const dir = join(tempDir('hub-legacy-uploads-'), 'uploads');

    expect(await importUploadsFolder(ctx.db, dir)).toEqual({ imported: 0, missing: [OLD_NAME] });
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('imports nothing when every material is a link', async () => {
    const ctx = await buildMaterialsApp();
    expect(await importUploadsFolder(ctx.db, uploadsFolder({ [OLD_NAME]: SAMPLES.pdf }))).toEqual({ imported: 0, missing: [] });
    expect(await storedFiles(ctx.db)).toEqual([]);
  });
});
