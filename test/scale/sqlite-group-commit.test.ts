// Group commit in the SQLite driver (src/db/sqlite-driver.ts): transactions that end while others
// are under way share one COMMIT. Nothing may be acknowledged before it is committed, a member that
// rolls back takes only its own work with it, and a COMMIT that fails fails every member.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { committedReaderOf, openDatabase, type Db } from '../../src/db/connection.js';
import { inTransaction } from '../../src/db/transaction.js';
import { tempDir } from '../helpers/temp-dir.js';

const opened: Db[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

/** A table of its own, outside the hub's schema: the driver is under test, not the hub. */
async function openFileDatabase() {
  const path = join(tempDir('hub-group-'), 'hub.db');
  const db = openDatabase({ engine: 'sqlite', path });
  opened.push(db);
  await sql`create table item (id integer primary key, name text not null unique, parent_id integer references item (id))`.execute(db);
  const names = () => {
    const other = new SQLite(path, { readonly: true });
    try {
      return other.prepare('select name from item order by name').pluck().all() as string[];
    } finally {
      other.close();
    }
  };
  return { db, writes: committedReaderOf(db)!.writes, names };
}

function insert(db: Db, name: string, parentId: number | null = null) {
  return sql`insert into item (name, parent_id) values (${name}, ${parentId})`.execute(db);
}

describe('group commit on SQLite', () => {
  it('commits transactions that run together with fewer COMMITs, and each resolves only once its rows are committed', async () => {
    const { db, writes, names } = await openFileDatabase();
    const before = writes();
    const seenWhenResolved: string[][] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await inTransaction(db, (trx) => insert(trx, `n${String(i).padStart(2, '0')}`));
        // Read by another connection, as another process would: committed by now.
        seenWhenResolved.push(names());
      }),
    );
    expect(names()).toHaveLength(20);
    for (const seen of seenWhenResolved) expect(seen.length).toBeGreaterThan(0);
    // Every transaction's resolution came after a COMMIT that held its row.
    for (const [order, seen] of seenWhenResolved.entries()) expect(seen.length).toBeGreaterThanOrEqual(order + 1);
    expect(writes() - before).toBeLessThan(20);
  });

  it('rolls back only the member that fails; the others in its group are committed', async () => {
    const { db, names } = await openFileDatabase();
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((name) =>
        inTransaction(db, async (trx) => {
          await insert(trx, name);
          if (name === 'b') throw new Error('b changes its mind');
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(names()).toEqual(['a', 'c', 'd']);
  });

  it('rolls back a member that breaks a constraint, keeping the others', async () => {
    const { db, names } = await openFileDatabase();
    await insert(db, 'taken');
    const outcomes = await Promise.allSettled(['x', 'taken', 'y'].map((name) => inTransaction(db, (trx) => insert(trx, name))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(names()).toEqual(['taken', 'x', 'y']);
  });

  it('fails every member when the shared COMMIT fails, and stores none of them', async () => {
    const { db, names } = await openFileDatabase();
    const outcomes = await Promise.allSettled(
      ['p', 'q', 'r'].map((name) =>
        inTransaction(db, async (trx) => {
          if (name === 'q') {
            // A foreign key checked only at COMMIT: the member's own work passes, the COMMIT fails.
            await sql`pragma defer_foreign_keys = on`.execute(trx);
            await insert(trx, name, 999);
          } else {
            await insert(trx, name);
          }
        }),
      ),
    );
    // The three ran together, so they shared the COMMIT that the foreign key broke.
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(names()).toEqual([]);
    // And the writer works afterwards.
    await inTransaction(db, (trx) => insert(trx, 'after'));
    expect(names()).toEqual(['after']);
  });

  it('commits a group before a write outside any transaction, which is never part of one', async () => {
    const { db, names } = await openFileDatabase();
    const inside = inTransaction(db, (trx) => insert(trx, 'inside'));
    const outside = insert(db, 'outside');
    await Promise.all([inside, outside]);
    expect(names()).toEqual(['inside', 'outside']);
  });
});

describe('WAL checkpoints on SQLite', () => {
  it('happen without anyone asking: the database file catches up with what was written through the WAL', async () => {
    const path = join(tempDir('hub-checkpoint-'), 'hub.db');
    const db = openDatabase({ engine: 'sqlite', path });
    opened.push(db);
    await sql`create table blob (id integer primary key, body text not null)`.execute(db);
    const body = 'x'.repeat(100_000);
    for (let i = 0; i < 60; i++) await inTransaction(db, (trx) => sql`insert into blob (body) values (${body})`.execute(trx));
    // About 6 MB written through the WAL; the checkpointer copies it into the database file.
    const started = Date.now();
    while (statSync(path).size < 6_000_000) {
      if (Date.now() - started > 5000) throw new Error(`the database file is still ${statSync(path).size} bytes`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(path).size).toBeGreaterThanOrEqual(6_000_000);
  });
});
