import { describe, expect, it } from 'vitest';
import { seedDemoMaterials } from '../../src/materials/demo-materials.js';
import { buildMaterialsApp, storedFiles } from './material-helpers.js';

describe('the demo slides', () => {
  it('are stored in the database for every past webinar and download as PDFs of their recorded size', async () => {
    const ctx = await buildMaterialsApp();
    expect(await seedDemoMaterials(ctx.deps)).toBe(2);

    const rows = await ctx.db
      .selectFrom('material')
      .innerJoin('webinar', 'webinar.id', 'material.webinar_id')
      .select(['material.id', 'webinar.slug', 'material.file_name', 'material.size_bytes', 'material.content_type'])
      .orderBy('material.id')
      .execute();
    expect(rows.map((row) => [row.slug, row.content_type])).toEqual([
      ['corporate-venture-capital-silicon-valley', 'application/pdf'],
      ['open-innovation-platforms-china', 'application/pdf'],
    ]);
    expect(await storedFiles(ctx.db)).toEqual(rows.map((row) => row.file_name).sort());
    for (const row of rows) {
      const res = await ctx.app.request(`/materials/${row.id}/${row.slug}.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe(String(row.size_bytes));
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBe(row.size_bytes);
      expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      expect(bytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');
    }
  });
});
