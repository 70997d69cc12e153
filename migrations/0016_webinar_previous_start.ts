// Where a moved webinar was before its last move, as the coordinator had set it (wall time, zone,
// offset for the fall-back hour): search engines are told a rescheduled event's previous start
// (schema.org previousStartDate), and people who saw the old time can be shown what changed.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webinar').addColumn('previous_start_local', 'text').execute();
  await db.schema.alterTable('webinar').addColumn('previous_start_zone', 'text').execute();
  await db.schema.alterTable('webinar').addColumn('previous_start_offset_minutes', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webinar').dropColumn('previous_start_offset_minutes').execute();
  await db.schema.alterTable('webinar').dropColumn('previous_start_zone').execute();
  await db.schema.alterTable('webinar').dropColumn('previous_start_local').execute();
}
