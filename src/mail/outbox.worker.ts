// Sends what the outbox holds: claims due messages one at a time, has a few with the transport at
// once until nothing is due, and records each outcome with retries and backoff. Never deletes a
// message, and never gives up on one because the mail server was away: only a refused recipient or
// a passed `not_after` ends the tries.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { OutboxRow } from '../db/schema.js';
import { MailSendError, SMTP_CONNECTIONS, type MailTransport } from './mailer.js';
import {
  claimDueMessages,
  extendClaim,
  holdPendingMessages,
  markAttemptFailed,
  markSent,
  recoverStaleSending,
  releaseHeldMessages,
} from './outbox.repository.js';
import { outboxTimestamp } from './outbox.service.js';

export type OutboxWorkerOptions = {
  db: Db;
  clock: Clock;
  /** null when no SMTP_URL is configured: messages are then held, not lost. */
  transport: MailTransport | null;
  from: string;
  log: (message: string, error?: unknown) => void;
  /** At most this many messages tried per run; by default a run goes on for as long as mail is due. */
  batchSize?: number;
  /** Messages with the transport at once; by default as many as the SMTP transport has connections. */
  concurrency?: number;
  /** In [0, 1); spreads retries so that a server coming back is not hit by every message at once. */
  random?: () => number;
  /**
   * How long a claimed message stays this worker's without a sign of life; the worker extends it
   * every third of that while the server answers, so after a crash another worker (or this one
   * restarted) sends it again within about this long.
   */
  claimSeconds?: number;
};

export type OutboxRunResult = { sent: number; failed: number; held: number };

export type OutboxWorker = {
  /**
   * Sends until nothing is due (or `batchSize` were tried), `concurrency` messages at a time; a
   * run asked for during another waits for it. `failed` counts failed attempts, whether they will
   * be retried or not.
   */
  runOnce(): Promise<OutboxRunResult>;
  /**
   * Runs now and then again and again: `busyMs` after a run that tried something (mail queued
   * meanwhile leaves soon), and while there is nothing to do, less and less often, up to `idleMs`.
   */
  start(interval: { busyMs: number; idleMs: number }): void;
  /**
   * Claims nothing more, and waits for the running batch, which ends once every message in flight
   * is sent and marked. With `graceMs`, waits at most that long: false when a message being sent
   * was still unanswered then (its claim runs out and it is sent again after a restart).
   */
  stop(options?: { graceMs?: number }): Promise<boolean>;
};

export const DEFAULT_CLAIM_SECONDS = 30;
const FIRST_RETRY_SECONDS = 60;
/** Failed sends in a row (not refused recipients) after which a run stops: the server is away. */
const OUTAGE_AFTER_FAILURES = 3;
const LONGEST_RETRY_SECONDS = 6 * 60 * 60;
const MAX_ERROR_LENGTH = 500;

/** Wait after the n-th failed attempt: 1 min, 2, 4, ... capped at 6 h, shortened by up to 10 % of jitter. */
export function retryDelaySeconds(failedAttempts: number, random: () => number): number {
  const delay = Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(failedAttempts - 1, 0), LONGEST_RETRY_SECONDS);
  return Math.round(delay * (1 - 0.1 * random()));
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, transport, from, log } = options;
  const batchSize = options.batchSize ?? Number.POSITIVE_INFINITY;
  const concurrency = Math.max(1, options.concurrency ?? SMTP_CONNECTIONS);
  const random = options.random ?? Math.random;
  const now = () => outboxTimestamp(clock.now());
  const claimSeconds = options.claimSeconds ?? DEFAULT_CLAIM_SECONDS;
  const claimedUntil = () => outboxTimestamp(clock.now().plus({ seconds: claimSeconds }));
  // Which worker holds a claim: unique per process and start, readable in the workspace.
  const workerId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  let running: Promise<OutboxRunResult> | null = null;
  let failuresInARow = 0;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  /** Which start() the timer belongs to, so that a run left over from before a stop() schedules nothing. */
  let loop: object | null = null;

  async function batch(): Promise<OutboxRunResult> {
    const result = { sent: 0, failed: 0, held: 0 };
    const recovered = await recoverStaleSending(db, {
      now: now(),
      slowRetryAt: outboxTimestamp(clock.now().plus({ seconds: LONGEST_RETRY_SECONDS })),
      reason: 'Interrupted while sending (the worker stopped before the server answered); it may have been delivered.',
    });
    if (recovered > 0) log(`Email outbox: ${recovered} message(s) left in sending by a stopped worker are queued again.`);

    if (transport === null) {
      result.held = await holdPendingMessages(db, now());
      if (result.held > 0) log(`Email outbox: no mail server configured (SMTP_URL); ${result.held} message(s) held until one is.`);
      return result;
    }
    await releaseHeldMessages(db, now());

    // Lanes that each claim one message, send it, mark it and claim the next: one message per
    // claim, so each lease starts when its own send does and stop() strands nothing claimed. A
    // lane that finds mail opens another, up to `concurrency`; an idle run costs one claim.
    let claims = 0;
    let done = false;
    failuresInARow = 0;
    const lanes: Array<Promise<void>> = [];
    const lane = async () => {
      try {
        // A server that refuses or is away for several messages in a row is away for the rest too:
        // the run ends, and what is due waits for the next one instead of a burst of failed tries.
        while (!stopping && !done && claims < batchSize && failuresInARow < OUTAGE_AFTER_FAILURES) {
          claims += 1;
          const [message] = await claimDueMessages(db, { now: now(), limit: 1, worker: workerId, until: claimedUntil() });
          if (!message) break;
          if (lanes.length < concurrency) lanes.push(lane());
          if (await deliver(transport, message)) result.sent += 1;
          else result.failed += 1;
        }
      } finally {
        // Nothing due (or the database failing): the other lanes finish their message and end too.
        done = true;
      }
    };
    lanes.push(lane());
    // Settled, not all: the run (and so stop()) ends only when no lane has a message in flight.
    const outcomes: Array<PromiseSettledResult<void>> = [];
    while (outcomes.length < lanes.length) outcomes.push(...(await Promise.allSettled(lanes.slice(outcomes.length))));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return result;
  }

  async function deliver(transport: MailTransport, message: OutboxRow): Promise<boolean> {
    if (message.not_after !== null && now() > message.not_after) {
      const lastError = `Not sent: it could not go out before ${message.not_after}, after which it no longer makes sense.`;
      await recordOutcome(message, markAttemptFailed(db, message.id, { worker: workerId, attempts: message.attempts, lastError, retryAt: null, now: now() }));
      log(`Email outbox: message ${message.id} (${message.kind}) expired unsent.`);
      return false;
    }
    let messageId: string;
    // While the server takes its time, the claim is kept alive; a crash stops this, and the claim runs out.
    const keepClaim = setInterval(
      () => {
        extendClaim(db, message.id, { worker: workerId, until: claimedUntil() }).catch((error: unknown) =>
          log(`Email outbox: could not extend the claim on message ${message.id}`, error),
        );
      },
      (claimSeconds * 1000) / 3,
    );
    keepClaim.unref();
    try {
      ({ messageId } = await transport.send({ ...message, from }));
    } catch (error) {
      const attempts = message.attempts + 1;
      // An outage of any length is retried (at most every six hours): an attempt limit would turn a
      // long weekend without a mail server into lost confirmations. Only a refusal that no retry can
      // change ends it.
      const permanent = error instanceof MailSendError && error.permanent;
      const retryAt = permanent ? null : outboxTimestamp(clock.now().plus({ seconds: retryDelaySeconds(attempts, random) }));
      const lastError = shortError(error);
      await recordOutcome(message, markAttemptFailed(db, message.id, { worker: workerId, attempts, lastError, retryAt, now: now() }));
      if (!permanent) failuresInARow += 1;
      const what = `Email outbox: message ${message.id} (${message.kind}) failed on attempt ${attempts}`;
      log(permanent ? `${what} and will not be retried (the recipient was refused): ${lastError}` : `${what}, next try at ${retryAt}: ${lastError}`);
      return false;
    } finally {
      clearInterval(keepClaim);
    }
    // Outside the try: a database error here must not turn an accepted message into a retry.
    await recordOutcome(message, markSent(db, message.id, { worker: workerId, messageId, now: now() }));
    failuresInARow = 0;
    return true;
  }

  async function recordOutcome(message: OutboxRow, recorded: Promise<boolean>): Promise<void> {
    if (!(await recorded))
      log(
        `Email outbox: message ${message.id} (${message.kind}) was taken over by another worker after this one's claim ran out; its outcome here is not recorded.`,
      );
  }

  function runOnce(): Promise<OutboxRunResult> {
    // Chained, so that a run asked for while another is going waits for it instead of overlapping.
    const next = (running ?? Promise.resolve()).catch(() => undefined).then(batch);
    running = next;
    const clear = () => {
      if (running === next) running = null;
    };
    next.then(clear, clear);
    return next;
  }

  return {
    runOnce,
    start({ busyMs, idleMs }) {
      if (loop) return;
      const thisLoop = {};
      loop = thisLoop;
      let wait = busyMs;
      const tick = () => {
        timer = null;
        void runOnce()
          .then(
            (result) => (wait = result.sent + result.failed > 0 ? busyMs : Math.min(wait * 2, idleMs)),
            (error: unknown) => {
              log('Email outbox: a run failed', error);
              wait = idleMs;
            },
          )
          .finally(() => {
            if (loop !== thisLoop) return;
            timer = setTimeout(tick, wait);
            // The worker alone must not keep the process alive.
            timer.unref();
          });
      };
      tick();
    },
    async stop(stopOptions = {}) {
      loop = null;
      if (timer) clearTimeout(timer);
      timer = null;
      stopping = true;
      const finished = (running ?? Promise.resolve()).then(
        () => true,
        // Already reported by whoever started the run.
        () => true,
      );
      let giveUp: NodeJS.Timeout | undefined;
      const deadline =
        stopOptions.graceMs === undefined
          ? new Promise<boolean>(() => undefined)
          : new Promise<boolean>((resolve) => (giveUp = setTimeout(() => resolve(false), stopOptions.graceMs)));
      const done = await Promise.race([finished, deadline]);
      clearTimeout(giveUp);
      // Stopped for good when the grace ran out: the process is about to exit.
      if (done) stopping = false;
      return done;
    },
  };
}

function shortError(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim() || 'Unknown error';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
