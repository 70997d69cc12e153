// Speakers' private pages (a revocable secret link), their panelist join link and technical check.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webinar').addColumn('speaker_join_url', 'text').execute();
  await db.schema.alterTable('webinar').addColumn('tech_check_minutes', 'integer', (col) => col.notNull().defaultTo(30)).execute();
  // Only the SHA-256 of the link is needed to find the speaker; the link itself is stored so that
  // the workspace can send it again.
  await db.schema.alterTable('speaker').addColumn('token', 'text').execute();
  await db.schema.alterTable('speaker').addColumn('token_lookup', 'text').execute();
  await db.schema.createIndex('speaker_token_lookup').on('speaker').column('token_lookup').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('speaker_token_lookup').execute();
  await db.schema.alterTable('speaker').dropColumn('token_lookup').execute();
  await db.schema.alterTable('speaker').dropColumn('token').execute();
  await db.schema.alterTable('webinar').dropColumn('tech_check_minutes').execute();
  await db.schema.alterTable('webinar').dropColumn('speaker_join_url').execute();
}
