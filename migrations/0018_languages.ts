// Each person's language (issue 15): attendees and speakers get their emails, invites and personal
// feed texts in it, coordinators the workspace. Everyone so far has read English.
import type { Kysely } from 'kysely';

const TABLES = ['attendee', 'speaker', 'coordinator'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('language', 'text', (col) => col.notNull().defaultTo('en'))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('language').execute();
}
