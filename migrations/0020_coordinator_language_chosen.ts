// Whether a coordinator chose their workspace's language (issue 15). 0018 gave every coordinator
// 'en', which could not tell "chose English" from "never chose": a coordinator with a Swedish
// browser was then signed in to an English workspace. Null until they switch language once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('coordinator').addColumn('language_chosen_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('coordinator').dropColumn('language_chosen_at').execute();
}
