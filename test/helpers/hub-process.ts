// The hub as a real process, started the way `npm start` does, for tests of what only processes
// show: several of them on one database, stopping with SIGTERM, dying with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import { VISITOR } from './forms.js';

/** The HUB_API_TOKEN the helpers below use: start hubs with it. */
export const HUB_PROCESS_API_TOKEN = 'hub-process-token-0123456789abcdefghijklm';

export type HubProcess = {
  url: string;
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Starts `src/server.ts` with `env` (plus PATH and HOME) and waits until it listens. PORT=0: the
 * system picks a free port and the hub's start-up line says which, so no two tests race for one.
 */
export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /listening on (\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`The hub exited (${code}) before it listened:\n${stdout}\n${stderr}`)));
  });
  return {
    url,
    child,
    output: () => ({ stdout, stderr }),
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A published webinar 30 days ahead, made through the API of a hub started with HUB_PROCESS_API_TOKEN. */
export async function createWebinarThroughApi(hub: HubProcess, options: { title: string; capacity: number }): Promise<string> {
  const start = DateTime.now().setZone('Europe/Stockholm').plus({ days: 30 }).set({ hour: 15, minute: 0 }).toFormat("yyyy-LL-dd'T'HH:mm");
  const res = await fetch(`${hub.url}/api/webinars`, {
    method: 'POST',
    headers: { authorization: `Bearer ${HUB_PROCESS_API_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...options, start, timezone: 'Europe/Stockholm', durationMinutes: 60, status: 'published' }),
  });
  if (res.status !== 201) throw new Error(`Creating the webinar answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { slug: string }).slug;
}

/**
 * Registers person `n` (person<n>@example.org) through the JSON API, from a client address of its
 * own behind the proxy that TRUST_PROXY=1 trusts, so that a burst passes the per-address limit.
 */
export function registerThroughApi(hub: HubProcess, slug: string, n: number): Promise<Response> {
  return fetch(`${hub.url}/api/webinars/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${Math.floor(n / 250)}.${n % 250}` },
    body: JSON.stringify({ ...VISITOR, name: `Person ${n}`, email: `person${n}@example.org` }),
  });
}
