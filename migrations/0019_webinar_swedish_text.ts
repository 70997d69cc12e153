// A webinar's optional Swedish title and abstract (issue 15): shown to readers of Swedish where the
// coordinators wrote them, the English ones otherwise. Null until written.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webinar').addColumn('title_sv', 'text').execute();
  await db.schema.alterTable('webinar').addColumn('abstract_sv', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webinar').dropColumn('abstract_sv').execute();
  await db.schema.alterTable('webinar').dropColumn('title_sv').execute();
}
