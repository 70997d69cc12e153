// A local SMTP server that accepts every message and notes when each arrived.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = {
  url: string;
  /** performance.now() of every accepted message, in order of arrival. */
  arrivals: number[];
  /** Resolves when `count` messages have arrived, or after `timeoutMs` (then with false). */
  waitFor(count: number, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const arrivals: number[] = [];
  let notify = () => {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        arrivals.push(performance.now());
        notify();
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    waitFor(count, timeoutMs) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(arrivals.length >= count), timeoutMs);
        notify = () => {
          if (arrivals.length < count) return;
          clearTimeout(timer);
          resolve(true);
        };
        notify();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
