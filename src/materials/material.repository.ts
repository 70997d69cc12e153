// SQL for materials, and the outbox keys that tell which announcements went out already.
import type { Db } from '../db/connection.js';
import type { MaterialRow, NewMaterial } from '../db/schema.js';

export async function insertMaterialRow(db: Db, material: NewMaterial): Promise<MaterialRow> {
  return db.insertInto('material').values(material).returningAll().executeTakeFirstOrThrow();
}

export async function findMaterialRow(db: Db, id: number): Promise<MaterialRow | undefined> {
  return db.selectFrom('material').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateMaterialRow(db: Db, id: number, changes: Pick<MaterialRow, 'title' | 'visibility' | 'url' | 'updated_at'>): Promise<MaterialRow> {
  return db.updateTable('material').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
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

/**
 * The keys of the announcements of this webinar's materials that went out (or are going out, or
 * gave up), per attendee: what each was told. Unsent ones (pending, held) are still being gathered.
 */
export async function listMaterialsEmailKeys(db: Db, webinarId: number): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['attendee_id', 'dedupe_key'])
    .where('webinar_id', '=', webinarId)
    .where('kind', '=', 'materials-available')
    .where('status', 'not in', ['pending', 'held'])
    .where('attendee_id', 'is not', null)
    .where('dedupe_key', 'is not', null)
    .execute();
  const byAttendee = new Map<number, string[]>();
  for (const row of rows) byAttendee.set(row.attendee_id!, [...(byAttendee.get(row.attendee_id!) ?? []), row.dedupe_key!]);
  return byAttendee;
}

/** The unsent (pending, held) announcements of a webinar, for the workspace; not locked. */
export async function listUnsentAnnouncements(db: Db, webinarId: number) {
  return db
    .selectFrom('outbox')
    .select(['attendee_id', 'dedupe_key', 'next_attempt_at'])
    .where('webinar_id', '=', webinarId)
    .where('kind', '=', 'materials-available')
    .where('status', 'in', ['pending', 'held'])
    .execute();
}
