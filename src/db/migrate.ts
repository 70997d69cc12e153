// Applies the migrations in migrations/ in order; the list is explicit so that it works the same
// under tsx, vitest and a bundler.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from '../../migrations/0001_initial.js';
import * as m0002 from '../../migrations/0002_registrations.js';
import * as m0003 from '../../migrations/0003_outbox.js';
import * as m0004 from '../../migrations/0004_coordinators.js';
import * as m0005 from '../../migrations/0005_materials.js';
import * as m0006 from '../../migrations/0006_speaker_access.js';
import * as m0007 from '../../migrations/0007_outbox_expiry.js';
import * as m0008 from '../../migrations/0008_scale_out.js';
import * as m0009 from '../../migrations/0009_data_version.js';
import * as m0010 from '../../migrations/0010_registration_requests.js';
import * as m0011 from '../../migrations/0011_audience_zones.js';
import * as m0012 from '../../migrations/0012_speaker_photos.js';
import * as m0016 from '../../migrations/0016_webinar_previous_start.js';
import * as m0017 from '../../migrations/0017_captions.js';
import * as m0018 from '../../migrations/0018_languages.js';
import * as m0019 from '../../migrations/0019_webinar_swedish_text.js';
import * as m0020 from '../../migrations/0020_coordinator_language_chosen.js';

const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_registrations': m0002,
  '0003_outbox': m0003,
  '0004_coordinators': m0004,
  '0005_materials': m0005,
  '0006_speaker_access': m0006,
  '0007_outbox_expiry': m0007,
  '0008_scale_out': m0008,
  '0009_data_version': m0009,
  '0010_registration_requests': m0010,
  '0011_audience_zones': m0011,
  '0012_speaker_photos': m0012,
  '0016_webinar_previous_start': m0016,
  '0017_captions': m0017,
  '0018_languages': m0018,
  '0019_webinar_swedish_text': m0019,
  '0020_coordinator_language_chosen': m0020,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${message}`);
  }
}
