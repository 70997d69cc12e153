// Copies a hub from its SQLite file to an empty PostgreSQL database:
//   npm run copy-to-postgres -- ./data/hub.db postgres://user:password@host:5432/dbname
// Stop the hub first. Slides still in uploads/ next to the file are moved into PostgreSQL as well.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { redactDatabaseUrl } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';
import { copySqliteToPostgres } from '../src/db/copy-to-postgres.js';
import { importUploadsFolder } from '../src/materials/legacy-uploads.js';

const [from = process.env.DATABASE_PATH ?? './data/hub.db', to = process.env.DATABASE_URL] = process.argv.slice(2);
if (!to || !/^postgres(ql)?:\/\//.test(to)) {
  console.error('Usage: npm run copy-to-postgres -- <sqlite file> <postgres://user:password@host:5432/dbname>');
  process.exit(2);
}
if (!existsSync(from)) {
  console.error(`There is no SQLite database at ${from}.`);
  process.exit(2);
}

const source = openDatabase({ engine: 'sqlite', path: from });
const target = openDatabase({ engine: 'postgres', url: to, poolSize: 2 });
try {
  console.log(`Copying ${resolve(from)} to ${redactDatabaseUrl(to)}:`);
  await copySqliteToPostgres(source, target, (line) => console.log(`  ${line}`));
  const uploads = join(dirname(resolve(from)), 'uploads');
  const { imported, missing } = await importUploadsFolder(target, uploads);
  if (imported > 0) console.log(`Moved ${imported} file(s) from ${uploads} into PostgreSQL.`);
  if (missing.length > 0) console.warn(`${missing.length} uploaded file(s) were found neither in the database nor in ${uploads}: ${missing.join(', ')}`);
  console.log('Done: start the hub with DATABASE_URL set to this database.');
} catch (error) {
  console.error(`The copy failed; nothing was copied: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await source.destroy();
  await target.destroy();
}
