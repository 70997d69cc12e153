// Prepared queries (src/db/prepared-query.ts) are compiled once per dialect and shape and run with
// each call's own values: every call must give what the same query built afresh gives, on SQLite
// and PostgreSQL, inside and outside transactions, and a build that would fix a value into later
// calls must fail at once.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { preparedQuery } from '../../src/db/prepared-query.js';
import { inTransaction } from '../../src/db/transaction.js';
import { openTestDatabase } from '../helpers/test-database.js';

const insertHit = preparedQuery((db, hit: { scope: string; key: string; at: string }) => db.insertInto('rate_limit_hit').values(hit).returning(['id', 'key']));

const hitsOf = preparedQuery((db, { scope, keys }: { scope: string; keys: readonly string[] }) =>
  db.selectFrom('rate_limit_hit').select(['key', 'at']).where('scope', '=', scope).where('key', 'in', keys).orderBy('key').orderBy('at'),
);

const countSince = preparedQuery((db, { scope, since, key }: { scope: string; since: string; key?: string }) =>
  db
    .selectFrom('rate_limit_hit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('scope', '=', scope)
    .where('at', '>', since)
    .$if(key !== undefined, (query) => query.where('key', '=', key!)),
);

function builtHitsOf(db: Db, scope: string, keys: readonly string[]) {
  return db.selectFrom('rate_limit_hit').select(['key', 'at']).where('scope', '=', scope).where('key', 'in', keys).orderBy('key').orderBy('at').execute();
}

async function seed(db: Db) {
  for (const [key, at] of [
    ['a', '2026-11-30T10:00:00.000Z'],
    ['b', '2026-11-30T10:01:00.000Z'],
    ['c', '2026-11-30T10:02:00.000Z'],
    ['a', '2026-11-30T10:03:00.000Z'],
  ] as const) {
    const { rows } = await insertHit(db, { scope: 'test', key, at });
    expect(rows).toEqual([{ id: expect.any(Number), key }]);
  }
}

describe('prepared queries', () => {
  it('run each call with its own values, as the query built afresh would, lists of any length included', async () => {
    const db = await openTestDatabase();
    await seed(db);
    for (const keys of [['a'], ['b'], ['a', 'c'], ['c', 'b', 'a'], ['x'], ['b', 'x']]) {
      expect((await hitsOf(db, { scope: 'test', keys })).rows).toEqual(await builtHitsOf(db, 'test', keys));
    }
    expect((await hitsOf(db, { scope: 'other', keys: ['a'] })).rows).toEqual([]);
  });

  it('compile again for another shape: a param left out changes the SQL', async () => {
    const db = await openTestDatabase();
    await seed(db);
    const count = async (params: { scope: string; since: string; key?: string }) => Number((await countSince(db, params)).rows[0]!.n);
    expect(await count({ scope: 'test', since: '2026-11-30T10:00:30.000Z' })).toBe(3);
    expect(await count({ scope: 'test', since: '2026-11-30T10:00:30.000Z', key: 'a' })).toBe(1);
    expect(await count({ scope: 'test', since: '2026-11-30T09:00:00.000Z', key: 'a' })).toBe(2);
    expect(await count({ scope: 'test', since: '2026-11-30T09:00:00.000Z', key: undefined })).toBe(4);
  });

  it('run in the transaction they are given: rolled back with it, seen inside it', async () => {
    const db = await openTestDatabase();
    await expect(
      inTransaction(db, async (trx) => {
        await insertHit(trx, { scope: 'trx', key: 'k', at: '2026-11-30T10:00:00.000Z' });
        expect((await hitsOf(trx, { scope: 'trx', keys: ['k'] })).rows).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await hitsOf(db, { scope: 'trx', keys: ['k'] })).rows).toEqual([]);
  });

  it('build afresh for a database with a plugin (withSchema), whose SQL differs though its dialect does not', async () => {
    const db = await openTestDatabase();
    await seed(db);
    expect((await hitsOf(db, { scope: 'test', keys: ['a'] })).rows).toHaveLength(2);
    // Kept SQL would name the table without the schema and find the rows; the schema's SQL cannot.
    await expect(hitsOf(db.withSchema('nowhere'), { scope: 'test', keys: ['a'] })).rejects.toThrow(/nowhere/);
  });

  it('refuse a build that leaves a param unused or fixes an undefined value, before running anything', async () => {
    const db = await openTestDatabase();
    const ignoresKey = preparedQuery((db, _: { scope: string; key: string }) => db.selectFrom('rate_limit_hit').select('id').where('scope', '=', _.scope));
    await expect(ignoresKey(db, { scope: 'test', key: 'a' })).rejects.toThrow(/never uses its param "key"/);
    const fixesUndefined = preparedQuery((db, { scope }: { scope: string }) =>
      db
        .selectFrom('rate_limit_hit')
        .select('id')
        .where('scope', '=', scope)
        .where('key', '=', undefined as unknown as string),
    );
    await expect(fixesUndefined(db, { scope: 'test' })).rejects.toThrow(/undefined parameter/);
    expect((await hitsOf(db, { scope: 'test', keys: ['k'] })).rows).toEqual([]);
  });
});
