// How a queued message leaves the hub: the transport interface, the SMTP transport and a recording
// transport for tests.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutboxRow } from '../db/schema.js';

export type OutgoingMessage = OutboxRow & { from: string };

export interface MailTransport {
  /** Resolves once the server accepted the message; rejects otherwise (a MailSendError when it knows more). */
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

/** A refused send; `permanent` means retrying cannot help (the recipient address does not exist). */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

export type SmtpTransportOptions = {
  /** Milliseconds; an unreachable or silent server then fails the attempt instead of hanging the worker. */
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** Connections kept open and used at once; the outbox worker sends as many messages at a time. */
  connections?: number;
};

/** How many connections the SMTP transport keeps open, and so how many messages the worker sends at once by default. */
export const SMTP_CONNECTIONS = 5;
// Servers cap the messages per connection (often at 100); after that many the pool opens a new one.
const MESSAGES_PER_CONNECTION = 100;

export type SmtpTransport = MailTransport & {
  /** Closes idle connections now and the others once their message is answered; sends fail afterwards. */
  close(): void;
};

/**
 * Sends over a few pooled connections, each reused for many messages: a connection, TLS handshake
 * and login per message held the outbox to a few messages a second. A server that drops or refuses
 * a connection fails only the messages on it, which the worker retries; the pool opens new ones.
 */
export function smtpTransport(smtpUrl: string, options: SmtpTransportOptions = {}): SmtpTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: options.connections ?? SMTP_CONNECTIONS,
    maxMessages: MESSAGES_PER_CONNECTION,
    connectionTimeout: options.connectionTimeoutMs ?? 15_000,
    greetingTimeout: options.greetingTimeoutMs ?? 15_000,
    socketTimeout: options.socketTimeoutMs ?? 20_000,
  });
  const secrets = credentialsOf(smtpUrl);
  return {
    async send(message) {
      try {
        const info = await transporter.sendMail(toMailOptions(message));
        return { messageId: info.messageId };
      } catch (error) {
        throw new MailSendError(redact(error instanceof Error ? error.message : String(error), secrets), isBadRecipient(error));
      }
    },
    close() {
      transporter.close();
    },
  };
}

export function toMailOptions(message: OutgoingMessage): SendMailOptions {
  return {
    from: message.from,
    to: { name: message.to_name, address: message.to_address },
    subject: message.subject,
    text: message.text_body,
    ...(message.html_body === null ? {} : { html: message.html_body }),
    // icalEvent becomes a text/calendar; method=... alternative, which Gmail and Outlook show as an invitation card.
    ...(message.ics_content === null ? {} : { icalEvent: { method: message.ics_method ?? 'PUBLISH', content: message.ics_content, filename: 'invite.ics' } }),
    messageId: messageIdOf(message),
  };
}

/**
 * The same Message-ID on every attempt, so that a server which accepted a message whose answer we
 * never saw can recognise the second copy.
 */
export function messageIdOf(message: OutgoingMessage): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(message.from)?.[1] ?? 'webinar-hub.invalid';
  return `<outbox-${message.id}-${message.created_at.replace(/[^0-9]/g, '')}@${domain}>`;
}

/** Only an address the server says does not exist is hopeless; quota, relay and auth refusals are fixed elsewhere. */
function isBadRecipient(error: unknown): boolean {
  const details = error as { command?: unknown; responseCode?: unknown; response?: unknown };
  if (details.command !== 'RCPT TO' || typeof details.responseCode !== 'number') return false;
  if (details.responseCode < 500 || details.responseCode > 599) return false;
  const enhanced = typeof details.response === 'string' ? /\b5\.(\d)\.\d{1,3}\b/.exec(details.response) : null;
  return enhanced === null || enhanced[1] === '1';
}

function credentialsOf(smtpUrl: string): string[] {
  try {
    const url = new URL(smtpUrl);
    return [url.password, decodeURIComponent(url.password), url.username, decodeURIComponent(url.username)].filter((s) => s.length >= 3);
  } catch {
    return [];
  }
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join('***'), text);
}

export type SmtpSettings = { url: string; host: string; port: number; secure: boolean; authenticated: boolean };

/** Checks an SMTP_URL for config: smtp:// (STARTTLS when offered, port 587) or smtps:// (TLS, port 465). */
export function parseSmtpUrl(raw: string, variable = 'SMTP_URL'): { ok: true; value: SmtpSettings } | { ok: false; error: string } {
  const fail = (reason: string) => ({
    ok: false as const,
    error: `${variable} must be an smtp:// or smtps:// address such as smtps://user:password@smtp.example.org:465${reason}, got "${redactSmtpUrl(raw)}".`,
  });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return fail('');
  if (url.hostname === '') return fail(' (the host is missing)');
  const secure = url.protocol === 'smtps:';
  return {
    ok: true,
    value: { url: raw, host: url.hostname, port: url.port === '' ? (secure ? 465 : 587) : Number(url.port), secure, authenticated: url.username !== '' },
  };
}

/** The URL with its password replaced, for logs and error messages. */
export function redactSmtpUrl(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

export type RecordingTransport = MailTransport & {
  /** What the "server" accepted, in order. */
  readonly sent: OutgoingMessage[];
  /** Every call, accepted or not. */
  readonly attempts: OutgoingMessage[];
  /** Makes every following send fail with this error, until called with null. */
  failWith(error: Error | null): void;
};

export function recordingTransport(): RecordingTransport {
  const sent: OutgoingMessage[] = [];
  const attempts: OutgoingMessage[] = [];
  let failure: Error | null = null;
  return {
    sent,
    attempts,
    failWith(error) {
      failure = error;
    },
    async send(message) {
      attempts.push(message);
      if (failure) throw failure;
      sent.push(message);
      return { messageId: `<recorded-${sent.length}@test.invalid>` };
    },
  };
}
