// SQL for materials, and the outbox keys that tell which announcements went out already.
import type { Db } from '../db/connection.js';
import type { MaterialRow, NewMaterial } from '../db/schema.js';

export async function insertMaterialRow(db: Db, material: NewMaterial): Promise<MaterialRow> {
  return db.insertInto('material').values(material).returningAll().executeTakeFirstOrThrow();
}

export async function findMaterialRow(db: Db, id: number): Promise<MaterialRow | undefined> {
  return db.selectFrom('material').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteMaterialRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('material').where('id', '=', id).execute();
}

export async function listMaterialRows(db: Db, webinarIds: readonly number[], options: { publicOnly: boolean }): Promise<MaterialRow[]> {
  if (webinarIds.length === 0) return [];
  let query = db.selectFrom('material').selectAll().where('webinar_id', 'in', webinarIds);
  if (options.publicOnly) query = query.where('visibility', '=', 'public');
  return query.orderBy('webinar_id').orderBy('position').orderBy('id').execute();
}

/** New materials go to the end of their webinar's list. */
export async function nextMaterialPosition(db: Db, webinarId: number): Promise<number> {
  const row = await db
    .selectFrom('material')
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .where('webinar_id', '=', webinarId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** When each attendee was last emailed about this webinar's materials, for any reason. */
export async function lastMaterialsEmailPerAttendee(db: Db, webinarId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['attendee_id', (eb) => eb.fn.max<string>('created_at').as('last')])
    .where('webinar_id', '=', webinarId)
    .where('kind', '=', 'materials-available')
    .where('attendee_id', 'is not', null)
    .groupBy('attendee_id')
    .execute();
  return new Map(rows.map((row) => [row.attendee_id!, row.last]));
}

export async function listExistingDedupeKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('outbox').select('dedupe_key').where('dedupe_key', 'in', keys).execute();
  return new Set(rows.map((row) => row.dedupe_key).filter((key): key is string => key !== null));
}
