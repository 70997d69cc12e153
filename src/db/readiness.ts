// Whether this instance can do its work: the database takes a write and has not shown damage.
// What GET /readyz answers, for a load balancer that should send requests elsewhere when not.
import type { Clock } from '../clock.js';
import type { Db } from './connection.js';
import { isDatabaseCorrupt, isDiskFull, isLockTimeout, isReadOnlyDatabase } from './dialect.js';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** The rate-limit scope of the probe's row; no limit counts it, and it never outlives its transaction. */
const PROBE_SCOPE = 'readiness-probe';

export type ReadinessCheck = {
  check(): Promise<Readiness>;
  /** Every error a request met; damage is remembered, since a damaged file does not mend itself. */
  noteError(error: unknown): void;
};

export function createReadinessCheck(options: { db: Db; clock: Clock; log: (message: string, error?: unknown) => void }): ReadinessCheck {
  let damage: unknown = null;
  let lastReason: string | null = null;

  /** Says when the answer changes, not at every poll of the load balancer. */
  function settle(readiness: Readiness, error?: unknown): Readiness {
    const reason = readiness.ready ? null : readiness.reason;
    if (reason !== lastReason) {
      if (reason === null) options.log('Ready again: the database takes writes.');
      else options.log(`Not ready: ${reason}`, error);
      lastReason = reason;
    }
    return readiness;
  }

  return {
    noteError(error) {
      if (damage === null && isDatabaseCorrupt(error)) damage = error;
    },
    async check() {
      if (damage !== null) return settle({ ready: false, reason: 'database corrupt' }, damage);
      try {
        await probeWrite(options.db, options.clock);
        return settle({ ready: true });
      } catch (error) {
        if (isDatabaseCorrupt(error)) damage = error;
        return settle({ ready: false, reason: reasonFor(error) }, error);
      }
    },
  };
}

/**
 * Writes a row and deletes it again, in one committed transaction. A write that is rolled back
 * would not do: under SQLite's WAL its pages never reach the disk, so a full disk would go unseen.
 * The committed transaction writes (a WAL frame; PostgreSQL's WAL) and leaves no row behind.
 */
async function probeWrite(db: Db, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('rate_limit_hit')
      .values({ scope: PROBE_SCOPE, key: 'probe', at: clock.now().toUTC().toISO()! })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('rate_limit_hit').where('id', '=', id).execute();
  });
}

function reasonFor(error: unknown): string {
  if (isDiskFull(error)) return 'disk full';
  if (isDatabaseCorrupt(error)) return 'database corrupt';
  if (isReadOnlyDatabase(error)) return 'database read-only';
  if (isLockTimeout(error)) return 'database busy';
  return 'database unavailable';
}
