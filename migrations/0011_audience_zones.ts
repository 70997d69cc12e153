// The programme's audience zones: where its attendees are expected to sit, for the scheduling
// assistant before anyone has registered. Stored as IANA names separated by single spaces (zone
// names never contain one); empty means "the programme's zone and its speakers' zones".
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('programme')
    .addColumn('audience_zones', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programme').dropColumn('audience_zones').execute();
}
