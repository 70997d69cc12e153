// Shared by the mail tests: a fresh database, a sample email, a local SMTP server and a small MIME reader.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { fixedClock } from '../../src/clock.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { openTestDatabase } from '../helpers/test-database.js';
import type { OutgoingEmail } from '../../src/mail/outbox.service.js';

export const NOW = '2027-02-01T12:00:00Z';
export const FROM = '"Webinar hub" <hub@example.org>';

export async function buildMailDb(now = NOW) {
  const clock = fixedClock(now);
  const db = await openTestDatabase();
  await seedDatabase(db, clock, { demo: false });
  return { db, clock };
}

export function sampleEmail(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    kind: 'registration-confirmed',
    to: { address: 'ada@example.com', name: 'Ada Lovelace' },
    subject: 'You are registered: Partnership models',
    text: 'Välkommen, Ada!\nThe webinar starts on 18 March at 15:00 (Stockholm).',
    ...overrides,
  };
}

export type ReceivedMail = { mailFrom: string; rcptTo: string[]; raw: string };

/** What a server that is going away answers, and then closes the connection (as a restarting one does). */
const unavailable = () => Object.assign(new Error('Service not available, closing transmission channel'), { responseCode: 421 });

/**
 * A local SMTP server on a port of its own; `control.mode` decides how it answers: accept, refuse a
 * message with a 451, or be unavailable (421 and close, to a new connection or a pooled one).
 */
export async function startSmtpServer(options: { refuseRecipients?: boolean; refuseLoginEchoing?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const control = { mode: 'accept' as 'accept' | 'refuse' | 'unavailable' };
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // On close, a client's open connections get "421 shutting down" after this long, as from a
    // server that is restarted, rather than the 30 s default.
    closeTimeout: 100,
    onConnect(_session, callback) {
      if (control.mode === 'unavailable') return callback(unavailable());
      connections += 1;
      callback();
    },
    onMailFrom(_address, _session, callback) {
      callback(control.mode === 'unavailable' ? unavailable() : undefined);
    },
    onAuth(auth, _session, callback) {
      // Some servers quote what they were sent; the hub must not store it.
      if (options.refuseLoginEchoing) return callback(new Error(`Bad credentials ${auth.username} / ${auth.password}`));
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (!options.refuseRecipients) return callback();
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (control.mode === 'refuse') {
          callback(Object.assign(new Error('4.3.0 Temporary failure, try again later'), { responseCode: 451 }));
          return;
        }
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    control,
    /** Connections accepted so far. */
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MimePart = { headers: Map<string, string>; body: string };

/** The message's top-level headers and its leaf parts with the transfer encoding undone. */
export function readMime(raw: string): { headers: Map<string, string>; parts: MimePart[] } {
  // The line break that ends the data is the server's, not the body's.
  const message = raw.replace(/\r?\n$/, '');
  return { headers: splitEntity(message).headers, parts: leafParts(message) };
}

function splitEntity(text: string): { headers: Map<string, string>; body: string } {
  const end = text.search(/\r?\n\r?\n/);
  const head = end === -1 ? text : text.slice(0, end);
  const body = end === -1 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function leafParts(text: string): MimePart[] {
  const { headers, body } = splitEntity(text);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .flatMap((section) => leafParts(section.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
  }
  return [{ headers, body: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit') }];
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return Buffer.from(
        body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
    default:
      return body;
  }
}
