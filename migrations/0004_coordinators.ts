// Coordinators, their sessions and invitations, and API tokens for their scripts.
import type { Kysely } from 'kysely';
import { generatedId } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coordinator')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    // scrypt parameters, salt and hash in one string; never the password itself.
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('last_login_at', 'text')
    .execute();

  // Invitations (and the first-run setup link): a one-time secret link to create an account.
  await db.schema
    .createTable('coordinator_invite')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('token_lookup', 'text', (col) => col.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('invited_by', 'integer', (col) => col.references('coordinator.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // Server-side sessions: the cookie holds a random id; the table holds its hash.
  await db.schema
    .createTable('coordinator_session')
    .addColumn('id_lookup', 'text', (col) => col.primaryKey())
    .addColumn('coordinator_id', 'integer', (col) => col.notNull().references('coordinator.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('coordinator_session_coordinator').on('coordinator_session').column('coordinator_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('coordinator_id', 'integer', (col) => col.notNull().references('coordinator.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    // Shown once when created; only its hash is stored.
    .addColumn('token_lookup', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_token').execute();
  await db.schema.dropTable('coordinator_session').execute();
  await db.schema.dropTable('coordinator_invite').execute();
  await db.schema.dropTable('coordinator').execute();
}
