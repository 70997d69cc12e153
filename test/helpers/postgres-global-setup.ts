// Vitest global setup of the 'app-postgres' project: one PostgreSQL server for the whole run, and a
// template database with the migrations applied, from which each test app's database is copied.
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { adminQuery, POSTGRES_TEMPLATE, startTestPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  await adminQuery(server.url, `create database ${POSTGRES_TEMPLATE}`);
  const db = openDatabase({ engine: 'postgres', url: `${server.url}/${POSTGRES_TEMPLATE}`, poolSize: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
