// Speakers' uploaded photos: the bytes live in file_chunk (as slides do, so that every instance
// serves them), and the speaker row says which file it is and what the checks found.
import type { Kysely } from 'kysely';

const COLUMNS: Array<[string, 'text' | 'integer']> = [
  // The file_chunk name of the photo's bytes.
  ['photo_file', 'text'],
  // The first 128 bits of the bytes' SHA-256 in hex: the public address and the ETag.
  ['photo_hash', 'text'],
  ['photo_content_type', 'text'],
  ['photo_size_bytes', 'integer'],
  ['photo_width', 'integer'],
  ['photo_height', 'integer'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of COLUMNS) await db.schema.alterTable('speaker').addColumn(name, type).execute();
  // Every photo request finds its speaker by the hash in the address.
  await db.schema.createIndex('speaker_photo_hash').on('speaker').column('photo_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('speaker_photo_hash').execute();
  for (const [name] of [...COLUMNS].reverse()) await db.schema.alterTable('speaker').dropColumn(name).execute();
}
