// What a request to the hub costs, next to a bare Hono "hello" on the same machine (issue 10).
//
//   npm run bench                      5 s per load run, three to five minutes in all
//   npm run bench -- --duration 10     longer runs
//   npm run bench -- --repo /tmp/old   another checkout of the hub (its `npm start`, its code)
//   also --connections 50, --emails 1000 (confirmations sent through the local SMTP server)
//   npm run bench -- --only registration   only the load targets whose name contains the text
//                                          (the size, email and start measurements are left out)
//
// It starts a hello server and the hub (`npm start`'s command, turned into a plain `node` process)
// on free local ports with a fresh SQLite database in a temporary folder and the demo programme, and
// measures:
//   1. requests under load: autocannon, 50 connections, hello and hub in turn for every target:
//      req/s, p99 latency, answers other than the expected one, and the ratio hub/hello; after the
//      registration run, that every acknowledged registration is stored with its email queued;
//   2. size: with 50 and 1,000 webinars (created through the API), the first request of the feed
//      and the programme page after a change (median of 5) and their steady state;
//   3. email: a second hub sending confirmations to a local SMTP server; emails per second;
//   4. the hub's RSS after the load, and cold start to the first 200 from /healthz.
// It prints a markdown report and writes it to <repo>/.artifacts/bench.md. A measurement that
// fails is a row saying why; nothing is left out silently. Benchmarks never run in `npm test`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import {
  clientAddress,
  countWebinars,
  createManyWebinars,
  createWebinar,
  register,
  registerForPersonalPath,
  registrationBody,
  renameWebinar,
  timedGet,
  wallTime,
} from './bench/hub-api.js';
import { compareWithHello, waitUntilIdle, type LoadOptions, type LoadResult, type LoadTarget } from './bench/load.js';
import {
  freePort,
  hubEnv,
  killAllChildren,
  resolveStartCommand,
  rssMegabytes,
  startHelloServer,
  startHub,
  startNodeServer,
  type Server,
  type StartCommand,
} from './bench/processes.js';
import {
  addFailedRow,
  formatCount,
  formatMs,
  formatRate,
  formatRatio,
  formatStatusCounts,
  median,
  newTable,
  reasonOf,
  renderTable,
  type Table,
} from './bench/report.js';
import { startSmtpSink } from './bench/smtp-sink.js';

const BENCH_REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEBINAR = 'pilots-with-startups-norway';
const AREA = 'partnership-models';
const SIZES = [50, 1000];
const ROUNDS_AFTER_CHANGE = 5;
const COLD_START_ROUNDS = 3;
/** The outbox worker may be slow; past this the email row reports what arrived by then. */
const EMAIL_WAIT_MS = 60_000;

type Settings = { repo: string; durationSeconds: number; connections: number; emails: number; only: string | undefined };

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      emails: { type: 'string', default: '1000' },
      repo: { type: 'string', default: BENCH_REPO },
      only: { type: 'string' },
    },
  });
  const number = (name: string, raw: string) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
    return value;
  };
  return {
    repo: resolve(values.repo),
    durationSeconds: number('duration', values.duration),
    connections: Math.round(number('connections', values.connections)),
    emails: Math.round(number('emails', values.emails)),
    only: values.only,
  };
}

/** A request failed because the hub had gone: say so, rather than only "fetch failed". */
function withExit(error: unknown, hub: Server): unknown {
  const exit = hub.unexpectedExit();
  return exit ? new Error(`${reasonOf(error)} (the hub ${exit})`) : error;
}

function noteUnexpectedExit(table: Table, hub: Server): void {
  const exit = hub.unexpectedExit();
  if (exit) table.notes.push(`**The hub ${exit}** during these measurements; the numbers after that are not the hub's.`);
}

// --- 1. Requests under load ---------------------------------------------------------------------

type NamedTarget = { name: string; prepare: () => Promise<LoadTarget>; afterRun?: (hub: LoadResult, warmUp: LoadResult) => void };

const LOAD_COLUMNS = ['target', 'hub req/s', 'hub p99 ms', 'unexpected answers', 'no answer', 'hello req/s', 'ratio hub/hello'];

async function measureLoad(hello: Server, hub: Server, databasePath: string, load: LoadOptions, only: string | undefined): Promise<Table> {
  const table = newTable(`Requests under load (${load.connections} connections, ${load.durationSeconds} s per run)`, LOAD_COLUMNS);
  const targets = loadTargets(hub, databasePath, table).filter((target) => only === undefined || target.name.toLowerCase().includes(only.toLowerCase()));
  for (const target of targets) {
    console.log(`  ${target.name}`);
    try {
      const prepared = await target.prepare();
      const { hello: helloResult, hub: hubResult, warmUpHub } = await compareWithHello(hello.url, hub.url, prepared, load);
      table.rows.push([
        target.name,
        hubResult.completed === 0 ? `0 (no answer in ${load.durationSeconds} s)` : formatRate(hubResult.requestsPerSecond),
        hubResult.completed === 0 ? '–' : formatMs(hubResult.p99Ms),
        formatStatusCounts(hubResult.unexpectedCount, hubResult.unexpected),
        formatCount(hubResult.failedRequests),
        formatRate(helloResult.requestsPerSecond),
        formatRatio(hubResult.requestsPerSecond / helloResult.requestsPerSecond),
      ]);
      target.afterRun?.(hubResult, warmUpHub);
    } catch (error) {
      addFailedRow(table, target.name, withExit(error, hub));
    }
  }
  noteUnexpectedExit(table, hub);
  return table;
}

/** A GET whose first answer must already be right, or the target fails before any load. */
async function checkedGet(hub: Server, path: string, expected = 200, headers: Record<string, string> = {}): Promise<LoadTarget> {
  await timedGet(`${hub.url}${path}`, expected, headers);
  return { path, headers, expected: [expected] };
}

function loadTargets(hub: Server, databasePath: string, table: Table): NamedTarget[] {
  return [
    { name: '`/` (programme, default zone)', prepare: () => checkedGet(hub, '/') },
    { name: '`/?tz=Asia/Shanghai`', prepare: () => checkedGet(hub, '/?tz=Asia/Shanghai') },
    { name: `\`/webinars/${WEBINAR}\``, prepare: () => checkedGet(hub, `/webinars/${WEBINAR}`) },
    { name: '`/calendar.ics` 200', prepare: () => checkedGet(hub, '/calendar.ics') },
    {
      name: '`/calendar.ics` 304 (`If-None-Match`)',
      prepare: async () => {
        const etag = (await timedGet(`${hub.url}/calendar.ics`)).res.headers.get('etag');
        if (!etag) throw new Error('GET /calendar.ics sent no ETag');
        return checkedGet(hub, '/calendar.ics', 304, { 'if-none-match': etag });
      },
    },
    { name: `\`/areas/${AREA}/calendar.ics\``, prepare: () => checkedGet(hub, `/areas/${AREA}/calendar.ics`) },
    {
      name: '`/my/:token/calendar.ics` (personal feed)',
      prepare: async () => checkedGet(hub, `${await registerForPersonalPath(hub.url, WEBINAR, 'bench-personal@example.org', 0xfffffe)}/calendar.ics`),
    },
    { name: '`/healthz`', prepare: () => checkedGet(hub, '/healthz') },
    registrationTarget(hub, databasePath, table),
  ];
}

/**
 * POST /api/webinars/:slug/registrations for a webinar without a capacity limit: a new address and
 * a new client address (X-Forwarded-For, TRUST_PROXY=1) on every request, so that neither the
 * "already known" path nor the rate limit is measured. Afterwards the database must hold every
 * acknowledged registration and an email for each.
 */
function registrationTarget(hub: Server, databasePath: string, table: Table): NamedTarget {
  let slug = '';
  let count = 0;
  const next = () => {
    count += 1;
    return { headers: { 'x-forwarded-for': clientAddress(count) }, body: registrationBody(`bench-load-${count}@example.org`, count) };
  };
  return {
    name: 'JSON registration POST',
    prepare: async () => {
      slug = await createWebinar(hub.url, { title: 'Bench registrations', start: wallTime(60, 15) });
      const first = await register(hub.url, slug, 'bench-load-0@example.org', 0);
      if (first.status !== 201) throw new Error(`the first registration answered ${first.status}: ${(await first.text()).slice(0, 160)}`);
      return {
        method: 'POST',
        path: `/api/webinars/${slug}/registrations`,
        headers: { 'content-type': 'application/json' },
        nextRequest: next,
        expected: [201, 202],
      };
    },
    afterRun: (result, warmUp) => {
      const answered = (run: LoadResult) => (run.statusCounts.get('201') ?? 0) + (run.statusCounts.get('202') ?? 0);
      const acknowledged = 1 + answered(warmUp) + answered(result);
      try {
        table.notes.push(checkRegistrationsStored(databasePath, slug, acknowledged));
      } catch (error) {
        table.notes.push(`Registration check **failed**: ${reasonOf(error)}`);
      }
    },
  };
}

/** Reads the hub's SQLite file (read-only, next to the running hub) and compares with the answers. */
function checkRegistrationsStored(databasePath: string, slug: string, acknowledged: number): string {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const webinarId = db.prepare('select id from webinar where slug = ?').pluck().get(slug);
    const stored = db.prepare('select count(*) from registration where webinar_id = ?').pluck().get(webinarId) as number;
    const emailed = db.prepare('select count(distinct attendee_id) from outbox where webinar_id = ?').pluck().get(webinarId) as number;
    const ok = stored >= acknowledged && emailed >= acknowledged;
    return (
      `Registration check: ${formatCount(acknowledged)} acknowledged (201/202, including one before the run and those of the warm-up); ` +
      `${formatCount(stored)} registrations stored, ${formatCount(emailed)} attendees with an email in the outbox: ` +
      (ok ? '**ok**' : '**FAILED: acknowledged registrations are missing**') +
      (stored > acknowledged ? ` (${formatCount(stored - acknowledged)} stored whose answer came after the run ended)` : '')
    );
  } finally {
    db.close();
  }
}

// --- 2. Size ------------------------------------------------------------------------------------

const SIZE_COLUMNS = [
  'webinars',
  'first `/calendar.ics` after a change, ms',
  'first `/` after a change, ms',
  '`/calendar.ics` req/s (ratio)',
  '`/` req/s (ratio)',
];

async function measureSizes(hello: Server, hub: Server, load: LoadOptions): Promise<Table> {
  const table = newTable(
    `Size (first request: median of ${ROUNDS_AFTER_CHANGE}, each after a PATCH of a title; steady state: ${load.durationSeconds} s runs)`,
    SIZE_COLUMNS,
  );
  let changedSlug: string | undefined;
  for (const size of SIZES) {
    const name = formatCount(size);
    console.log(`  ${name} webinars`);
    try {
      const existing = await countWebinars(hub.url);
      const started = performance.now();
      const created = existing < size ? await createManyWebinars(hub.url, size - existing, existing + 1) : [];
      if (created.length > 0)
        table.notes.push(
          `${formatCount(created.length)} webinars created through the API in ${((performance.now() - started) / 1000).toFixed(1)} s to reach ${name}.`,
        );
      changedSlug ??= created[0] ?? WEBINAR;
      await waitUntilIdle(hub.url);
      const feedTimes = await timesAfterChange(hub, '/calendar.ics', changedSlug);
      const pageTimes = await timesAfterChange(hub, '/', changedSlug);
      const steadyLoad = { ...load, connections: connectionsFor(Math.max(...feedTimes, ...pageTimes), load.connections) };
      if (steadyLoad.connections < load.connections) {
        table.notes.push(
          `${name} webinars: steady state with ${steadyLoad.connections} connections (hello too), because requests that take ${formatMs(Math.max(...feedTimes, ...pageTimes))} ms would leave ${load.connections} queued for minutes after each run.`,
        );
      }
      const feed = await steadyState(hello, hub, '/calendar.ics', steadyLoad);
      const page = await steadyState(hello, hub, '/', steadyLoad);
      table.rows.push([name, formatTimes(feedTimes), formatTimes(pageTimes), feed, page]);
    } catch (error) {
      addFailedRow(table, name, withExit(error, hub));
    }
  }
  noteUnexpectedExit(table, hub);
  return table;
}

/** The time of the first GET after each of several changes. */
async function timesAfterChange(hub: Server, path: string, slug: string): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS_AFTER_CHANGE; round += 1) {
    await renameWebinar(hub.url, slug, `Bench webinar renamed ${Date.now()}-${round}`);
    times.push((await timedGet(`${hub.url}${path}`)).ms);
  }
  return times;
}

function formatTimes(times: number[]): string {
  return `${formatMs(median(times))} (${formatMs(Math.min(...times))}–${formatMs(Math.max(...times))})`;
}

/**
 * A hub that needs seconds per request would still be working through the requests queued by 50
 * connections minutes after a run ends; such a run uses as many connections as keep that backlog
 * near 10 s (at least 2). Requests per second of a busy single process hardly depend on it.
 */
function connectionsFor(slowestMs: number, connections: number): number {
  return Math.max(2, Math.min(connections, Math.floor(10_000 / slowestMs)));
}

async function steadyState(hello: Server, hub: Server, path: string, load: LoadOptions): Promise<string> {
  const result = await compareWithHello(hello.url, hub.url, { path, expected: [200] }, load);
  const problems = result.hub.unexpectedCount + result.hub.failedRequests;
  return (
    `${formatRate(result.hub.requestsPerSecond)} (${formatRatio(result.hub.requestsPerSecond / result.hello.requestsPerSecond)})` +
    (result.hub.completed === 0 ? `, no answer in ${load.durationSeconds} s` : `, p99 ${formatMs(result.hub.p99Ms)} ms`) +
    (problems > 0 ? `, ${formatCount(problems)} not 200` : '')
  );
}

// --- 3. Email, 4. memory and start --------------------------------------------------------------

async function measureEmail(repo: string, command: StartCommand, workDir: string, emails: number, table: Table): Promise<void> {
  const sink = await startSmtpSink();
  let hub: Server | undefined;
  try {
    hub = await startHub(repo, command, { databasePath: join(workDir, 'mail', 'hub.db'), demo: false, smtpUrl: sink.url });
    const slug = await createWebinar(hub.url, { title: 'Bench email webinar', start: wallTime(30, 15) });
    const started = performance.now();
    let accepted = 0;
    for (let batch = 0; batch < emails; batch += 25) {
      const answers = await Promise.all(
        Array.from({ length: Math.min(25, emails - batch) }, (_, i) => register(hub!.url, slug, `bench-mail-${batch + i}@example.org`, batch + i)),
      );
      accepted += answers.filter((res) => res.status === 201).length;
      await Promise.all(answers.map((res) => res.arrayBuffer()));
    }
    const registered = performance.now();
    const allArrived = await sink.waitFor(accepted, EMAIL_WAIT_MS);
    const arrivals = sink.arrivals;
    const first = arrivals[0];
    const last = arrivals[arrivals.length - 1];
    const received = `${formatCount(arrivals.length)} of ${formatCount(accepted)} confirmations`;
    const within = allArrived ? '' : `; stopped waiting ${EMAIL_WAIT_MS / 1000} s after the registrations`;
    table.rows.push([
      `registering ${formatCount(emails)} people through the API (25 in parallel)`,
      `${formatCount(accepted)} answered 201 in ${((registered - started) / 1000).toFixed(1)} s`,
    ]);
    if (first === undefined || last === undefined) {
      table.rows.push(['emails per second', `**failed**: no email arrived within ${EMAIL_WAIT_MS / 1000} s`]);
      return;
    }
    const spanSeconds = (last - first) / 1000;
    table.rows.push([
      'emails per second, first to last received',
      `${spanSeconds > 0 ? formatRate((arrivals.length - 1) / spanSeconds) : '–'} (${received} in ${spanSeconds.toFixed(1)} s${within})`,
    ]);
    table.rows.push(['end of registrations to last email received', `${((last - registered) / 1000).toFixed(1)} s (${received}${within})`]);
  } catch (error) {
    addFailedRow(table, 'emails per second', error);
  } finally {
    await hub?.stop();
    await sink.close();
  }
}

/** From spawning the hub to its first 200 from /healthz. */
async function coldStartMs(repo: string, command: StartCommand, databasePath: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const starting = startNodeServer({ args: command.args, cwd: repo, env: { ...command.env, ...hubEnv({ databasePath, demo: true }) }, port });
  let failure: unknown;
  starting.catch((error: unknown) => (failure = error));
  try {
    for (;;) {
      if (failure) throw failure;
      if (performance.now() - started > 60_000) throw new Error('no 200 from /healthz within 60 s');
      const status = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((res) => {
          void res.arrayBuffer();
          return res.status;
        })
        .catch(() => 0);
      if (status === 200) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await starting.then((server) => server.stop()).catch(() => undefined);
  }
}

async function measureColdStart(repo: string, command: StartCommand, workDir: string, table: Table): Promise<void> {
  const existing = join(workDir, 'cold-0', 'hub.db');
  for (const [name, databaseFor] of [
    ['cold start to the first `/healthz` 200, new database', (round: number) => join(workDir, `cold-${round}`, 'hub.db')],
    ['cold start to the first `/healthz` 200, existing database', () => existing],
  ] as const) {
    try {
      const times: number[] = [];
      for (let round = 0; round < COLD_START_ROUNDS; round += 1) times.push(await coldStartMs(repo, command, databaseFor(round)));
      table.rows.push([name, `${formatMs(median(times))} ms (median of ${COLD_START_ROUNDS}: ${times.map(formatMs).join(', ')})`]);
    } catch (error) {
      addFailedRow(table, name, error);
    }
  }
}

function recordRss(hub: Server, when: string, table: Table): void {
  const megabytes = rssMegabytes(hub.pid);
  const missing = hub.unexpectedExit() ? `the hub ${hub.unexpectedExit()}` : '/proc/<pid>/status is not readable here';
  table.rows.push([`hub RSS ${when}`, megabytes === undefined ? `**failed**: ${missing}` : `${megabytes.toFixed(0)} MB`]);
}

// --- The run ------------------------------------------------------------------------------------

function describeRepo(repo: string): string {
  try {
    const commit = execFileSync('git', ['-C', repo, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['-C', repo, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
    return `${repo} at ${commit}${changed > 0 ? ` (+ ${changed} changed files)` : ''}`;
  } catch {
    return repo;
  }
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const settings = readSettings();
  const load: LoadOptions = { connections: settings.connections, durationSeconds: settings.durationSeconds };
  const sizeLoad: LoadOptions = { ...load, durationSeconds: Math.max(2, settings.durationSeconds / 2) };
  const cpu = cpus();
  const loadAverage = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(', ');
  const command = resolveStartCommand(settings.repo);
  const header = [
    `# npm run bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- Machine: ${cpu.length} CPUs (${cpu[0]?.model ?? 'unknown'}), node ${process.version}, ${process.platform}; load average at the start ${loadAverage()} (other work on the machine skews every number)`,
    `- Hub: ${describeRepo(settings.repo)}`,
    `- Started with: ${command.description}`,
    `- Load: autocannon, ${load.connections} connections, hello and hub in turn; SQLite in a temporary folder, demo programme`,
  ].join('\n');
  console.log(header.replace(/^# /, ''));

  const workDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  const tables: Table[] = [];
  const other = newTable('Email, memory and start', ['measure', 'value']);
  try {
    const databasePath = join(workDir, 'load', 'hub.db');
    const hello = await startHelloServer(BENCH_REPO, await freePort());
    const hub = await startHub(settings.repo, command, { databasePath, demo: true });
    try {
      console.log('Requests under load');
      tables.push(await measureLoad(hello, hub, databasePath, load, settings.only));
      recordRss(hub, 'after the load', other);
      if (settings.only === undefined) {
        console.log('Size');
        tables.push(await measureSizes(hello, hub, sizeLoad));
        recordRss(hub, `after the size runs (${formatCount(SIZES[SIZES.length - 1]!)} webinars)`, other);
      }
    } finally {
      await hub.stop();
      await hello.stop();
    }
    if (settings.only === undefined) {
      console.log('Email');
      await measureEmail(settings.repo, command, workDir, settings.emails, other);
      console.log('Cold start');
      await measureColdStart(settings.repo, command, workDir, other);
    }
  } catch (error) {
    other.rows.push(['benchmark', `**failed**: ${reasonOf(error)}`]);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  tables.push(other);

  const minutes = ((performance.now() - benchStarted) / 60_000).toFixed(1);
  const footer = `Finished in ${minutes} min; load average at the end ${loadAverage()}.`;
  const report = `${header}\n\n${tables.map(renderTable).join('\n\n')}\n\n${footer}\n`;
  const out = join(settings.repo, '.artifacts', 'bench.md');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(`\n${report}\nWritten to ${out}`);
}

process.on('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(killAllChildren);
