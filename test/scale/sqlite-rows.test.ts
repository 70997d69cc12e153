// Rows read through the hub's SQLite driver (src/db/sqlite-driver.ts) are read raw and turned into
// objects by a function made for each statement: they must be exactly the objects better-sqlite3
// itself would give, whatever the column names.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { tempDir } from '../helpers/temp-dir.js';

const opened: Db[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

const QUERIES = [
  'select * from item order by id',
  // A repeated name keeps its first place and the last value, as better-sqlite3 does.
  'select id, name, id as name from item order by id',
  // Names that are not identifiers in JavaScript.
  `select id as "a""b", name as "c\\d", name as "line
break", id as "1", id as "${'\u2028'}", name as "åäö 名" from item order by id`,
  'select count(*) from item',
  'select * from item where id < 0',
];

describe('rows from SQLite', () => {
  it.each(QUERIES)('are the objects better-sqlite3 gives: %s', async (query) => {
    const path = join(tempDir('hub-rows-'), 'hub.db');
    const db = openDatabase({ engine: 'sqlite', path });
    opened.push(db);
    await sql`create table item (id integer primary key, name text, note blob)`.execute(db);
    await sql`insert into item (name, note) values ('one', x'00ff'), (null, null), ('três', x'')`.execute(db);

    const { rows } = await sql.raw(query).execute(db);

    const plain = new SQLite(path, { readonly: true });
    try {
      const expected = plain.prepare(query).all();
      expect(rows).toEqual(expected);
      expect(rows.map((row) => Object.keys(row as object))).toEqual(expected.map((row) => Object.keys(row as object)));
    } finally {
      plain.close();
    }
  });
});
