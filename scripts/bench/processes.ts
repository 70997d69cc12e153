// Child processes for the benchmark: the bare Hono "hello" server and the hub, started the way
// `npm start` starts it, on free local ports; their memory and their stopping.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** HUB_API_TOKEN of every hub the benchmark starts (the hub demands 32+ characters). */
export const BENCH_API_TOKEN = 'bench-api-token-0123456789abcdefghijklmnopqrstuv';

export type Server = {
  url: string;
  pid: number;
  /** The last lines it printed, for error messages. */
  outputTail(): string;
  /** Set when it ended without being stopped: how (exit code or signal) and its last line. */
  unexpectedExit(): string | undefined;
  stop(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export type StartCommand = {
  /** argv after the node binary, e.g. ['--import', 'tsx', 'src/server.ts']. */
  args: string[];
  env: Record<string, string>;
  /** How the command was derived from package.json, for the report. */
  description: string;
};

const TSX_FALLBACK = ['--import', 'tsx', 'src/server.ts'];

/**
 * Reads `npm start` from the repository's package.json and turns it into a `node` invocation, so
 * that the measured process is the hub itself (not npm or a shell, whose RSS and start-up would be
 * counted). Steps before the server (`prestart`, `a && b && node dist/server.js`) run once here;
 * a missing compiled entry is built with `npm run build` when there is one; anything not
 * understood falls back to tsx on src/server.ts, and the description says so.
 */
export function resolveStartCommand(repo: string): StartCommand {
  const scripts = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const start = scripts.start;
  if (!start) return { args: TSX_FALLBACK, env: {}, description: 'no start script: node --import tsx src/server.ts' };

  const steps = start.split('&&').map((step) => step.trim());
  const serverStep = steps.pop()!;
  const setup = [...(scripts.prestart ? ['npm run prestart'] : []), ...steps];
  for (const step of setup) {
    console.log(`  preparing the start command: ${step}`);
    execSync(step, { cwd: repo, stdio: 'inherit', env: { ...process.env, PATH: `${join(repo, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` } });
  }

  const tokens = serverStep.split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  while (tokens[0] && /^[A-Z_][A-Z0-9_]*=/.test(tokens[0])) {
    const [name, ...value] = tokens.shift()!.split('=');
    env[name!] = value.join('=');
  }
  const [program, ...rest] = tokens;
  const fallback = (why: string): StartCommand => ({ args: TSX_FALLBACK, env: {}, description: `\`${start}\` ${why}: node --import tsx src/server.ts` });
  let args: string[];
  if (program === 'node') args = rest;
  else if (program === 'tsx' && rest[0] !== 'watch') args = ['--import', 'tsx', ...rest];
  else return fallback('is not a plain node or tsx command');

  const entry = args.find((arg) => !arg.startsWith('-') && /\.(c|m)?(j|t)sx?$/.test(arg));
  if (entry && !existsSync(join(repo, entry)) && scripts.build) {
    console.log(`  ${entry} is missing: npm run build`);
    execSync('npm run build', { cwd: repo, stdio: 'inherit' });
  }
  if (entry && !existsSync(join(repo, entry))) return fallback(`names ${entry}, which does not exist`);
  return { args, env, description: `\`${start}\` → node ${args.join(' ')}` };
}

/** Spawns `node <args>` and resolves once its stdout says "listening on", with the address it names. */
export async function startNodeServer(options: {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  port: number;
  timeoutMs?: number;
}): Promise<Server> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '/tmp', ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping = false;
  let unexpectedExit: string | undefined;
  void exited.then(() => {
    if (stopping) return;
    // The hub says which signal stopped it ("SIGTERM: shutting down…"): someone else sent one.
    const lastLine = /^SIG\w+: .*$/m.exec(output)?.[0] ?? output.trim().split('\n').pop() ?? '';
    unexpectedExit = `ended (${child.exitCode ?? child.signalCode}) without the benchmark stopping it${lastLine ? `; it said: ${lastLine}` : ''}`;
    console.error(`  ${options.args.join(' ')} (pid ${child.pid}) ${unexpectedExit}`);
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      stopping = true;
      child.kill('SIGKILL');
      reject(new Error(`no "listening on" within ${timeoutMs / 1000} s\n${output}`));
    }, timeoutMs);
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/[^\s,)]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      const lastLine = output.trim().split('\n').pop();
      reject(new Error(`exited (${child.exitCode ?? child.signalCode}) before listening: ${lastLine || 'no output'}\n${output.trim()}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    outputTail: () => output,
    unexpectedExit: () => unexpectedExit,
    stop: () => {
      stopping = true;
      return stopChild(child, exited);
    },
  };
}

/** SIGTERM, and SIGKILL when it has not exited 10 s later (the hub may wait for requests under way). */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// Children still running when the benchmark ends (an error, Ctrl-C) are killed with it.
const children = new Set<ChildProcess>();
function trackChild(child: ChildProcess) {
  children.add(child);
  child.once('exit', () => children.delete(child));
}
export function killAllChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}

export function startHelloServer(benchRepo: string, port: number): Promise<Server> {
  return startNodeServer({ args: ['--import', 'tsx', join(benchRepo, 'scripts', 'bench', 'hello-server.ts')], cwd: benchRepo, env: {}, port });
}

export type HubOptions = { databasePath: string; demo: boolean; smtpUrl?: string };

export function hubEnv(options: HubOptions): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    DATABASE_PATH: options.databasePath,
    HUB_DEMO: options.demo ? '1' : '0',
    HUB_API_TOKEN: BENCH_API_TOKEN,
    TRUST_PROXY: '1',
    // LANGUAGES=en npm run bench measures an English-only hub (see README, Languages).
    ...(process.env.LANGUAGES ? { LANGUAGES: process.env.LANGUAGES } : {}),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
  };
}

export async function startHub(repo: string, command: StartCommand, options: HubOptions): Promise<Server> {
  return startNodeServer({ args: command.args, cwd: repo, env: { ...command.env, ...hubEnv(options) }, port: await freePort() });
}

/** Resident memory of a process in MB, from /proc (Linux); undefined elsewhere. */
export function rssMegabytes(pid: number): number | undefined {
  try {
    const kilobytes = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
  } catch {
    return undefined;
  }
}
