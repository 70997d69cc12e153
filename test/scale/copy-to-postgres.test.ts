// `npm run copy-to-postgres`: a hub moved from its SQLite file to PostgreSQL looks and works the
// same, personal links and feeds included, with its slides (also those still in uploads/).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { fixedClock } from '../../src/clock.js';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { COPY_ORDER } from '../../src/db/copy-to-postgres.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { seedDemoMaterials } from '../../src/materials/demo-materials.js';
import { json, VISITOR } from '../helpers/forms.js';
import { TEST_BASE_URL } from '../helpers/test-app.js';
import { createPostgresDatabase } from '../helpers/test-database.js';
import { tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const NOW = '2027-02-01T12:00:00Z';

function appOn(db: Db) {
  return createApp({ db, clock: fixedClock(NOW), baseUrl: TEST_BASE_URL, log: () => undefined });
}

async function counts(db: Db): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of COPY_ORDER) {
    const row = await db
      .selectFrom(table as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    result[table] = Number((row as { n: number }).n);
  }
  return result;
}

describe('copying an SQLite hub to PostgreSQL', () => {
  it('copies every row with its ids, moves slides from uploads/, and the hub serves the same pages, links, feeds and files', async () => {
    const dir = tempDir('hub-copy-');
    const path = join(dir, 'hub.db');
    const sqlite = openDatabase({ engine: 'sqlite', path });
    await migrateToLatest(sqlite);
    await seedDatabase(sqlite, fixedClock(NOW), { demo: true });
    await seedDemoMaterials({ db: sqlite, clock: fixedClock(NOW), baseUrl: TEST_BASE_URL });
    const before = appOn(sqlite);
    const registered = await before.request('/api/webinars/pilots-with-startups-norway/registrations', json({ ...VISITOR, name: 'Åsa Öberg' }));
    const myLink = ((await registered.json()) as { personalUrl: string }).personalUrl;
    // A slide deck from before files lived in the database: its row, and its file in uploads/.
    const legacy = `${'a'.repeat(32)}.pdf`;
    const legacyBytes = Buffer.from('%PDF-1.4\n% a legacy deck\n%%EOF\n');
    mkdirSync(join(dir, 'uploads'));
    writeFileSync(join(dir, 'uploads', legacy), legacyBytes);
    const webinar = await sqlite.selectFrom('webinar').select('id').where('slug', '=', 'open-innovation-platforms-china').executeTakeFirstOrThrow();
    const legacyRow = await sqlite
      .insertInto('material')
      .values({
        webinar_id: webinar.id,
        kind: 'slides',
        title: 'Old deck',
        url: null,
        file_name: legacy,
        original_name: 'old.pdf',
        content_type: 'application/pdf',
        size_bytes: legacyBytes.length,
        visibility: 'public',
        position: 5,
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pages = [
      '/',
      '/webinars/open-innovation-platforms-china?tz=Asia/Shanghai',
      '/recordings',
      '/calendar.ics',
      new URL(myLink).pathname,
      `${new URL(myLink).pathname}/calendar.ics`,
    ];
    const sqliteBodies = await Promise.all(pages.map(async (page) => (await before.request(page)).text()));
    const sqliteCounts = await counts(sqlite);
    await sqlite.destroy();

    const { url } = await createPostgresDatabase();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/copy-sqlite-to-postgres.ts', path, url]);

    expect(stdout).toContain('registration: 1 row');
    expect(stdout).toContain('Moved 1 file(s)');
    const postgres = openDatabase({ engine: 'postgres', url, poolSize: 2 });
    try {
      expect(await counts(postgres)).toEqual({ ...sqliteCounts, file_chunk: sqliteCounts.file_chunk! + 1 });
      const after = appOn(postgres);
      expect(await Promise.all(pages.map(async (page) => (await after.request(page)).text()))).toEqual(sqliteBodies);
      const file = await after.request(`/materials/${legacyRow.id}/old.pdf`);
      expect([file.status, Buffer.from(await file.arrayBuffer()).equals(legacyBytes)]).toEqual([200, true]);
      // New rows continue after the copied ids, and the search finds "Åsa" on PostgreSQL too.
      const next = await after.request('/api/webinars/pilots-with-startups-norway/registrations', json({ ...VISITOR, email: 'new@example.org' }));
      expect(next.status).toBe(201);
      const ids = await postgres.selectFrom('attendee').select(['id', 'search_text']).orderBy('id').execute();
      expect(ids.map((row) => row.id)).toEqual([1, 2]);
      expect(ids[0]!.search_text).toContain('åsa öberg');

      // A second copy into the same database is refused, and changes nothing.
      const again = await run(process.execPath, ['--import', 'tsx', 'scripts/copy-sqlite-to-postgres.ts', path, url]).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect([(again as { code: number }).code, (again as { stderr: string }).stderr]).toEqual([1, expect.stringContaining('already holds a programme')]);
      expect((await counts(postgres)).attendee).toBe(2);
    } finally {
      await postgres.destroy();
    }
  }, 90_000);
});
