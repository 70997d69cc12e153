// The outbox as the workspace shows it: the repository's rows as camelCase messages with instants.
import type { DateTime } from 'luxon';
import type { IcsMethod, OutboxRow, OutboxStatus } from '../db/schema.js';
import { utc } from '../time/index.js';

export type { OutboxStatus };

/** One queued email as the outbox page lists it (no bodies: the page never shows them). */
export type OutboxMessage = {
  id: number;
  /** What the message is about: 'registration-confirmed', 'waitlisted', 'reminder-24h', ... */
  kind: string;
  subject: string;
  toAddress: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  /** Set when the message carries a calendar invitation. */
  icsMethod: IcsMethod | null;
  createdAt: DateTime;
  nextAttemptAt: DateTime;
};

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    toAddress: row.to_address,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    icsMethod: row.ics_method,
    createdAt: utc(row.created_at),
    nextAttemptAt: utc(row.next_attempt_at),
  };
}
