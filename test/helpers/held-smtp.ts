// A mail server whose answer to a message can be held back, as a slow or stuck server's would: to
// stop or kill the hub while it waits. A message counts as delivered only when the server answered
// 250 on a connection that was still open, as a real server would only then keep it.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type HeldMessage = { messageId: string; to: string; raw: string };

export async function startHeldSmtpServer() {
  const delivered: HeldMessage[] = [];
  /** Every message whose data arrived, answered or not. */
  const arrived: HeldMessage[] = [];
  const opened = new Set<string>();
  const closed = new Set<string>();
  let hold: Promise<void> = Promise.resolve();
  let release = () => {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      opened.add(session.id);
      callback();
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message = {
          messageId: /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? '',
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw,
        };
        arrived.push(message);
        void hold.then(() => {
          if (closed.has(session.id)) return;
          delivered.push(message);
          callback();
        });
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    arrived,
    /** Connections that are still open. */
    openConnections: () => [...opened].filter((id) => !closed.has(id)).length,
    /** From now on, answers wait until `answer()`. */
    holdAnswers() {
      hold = new Promise<void>((resolve) => (release = resolve));
    },
    answer() {
      release();
      hold = Promise.resolve();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
