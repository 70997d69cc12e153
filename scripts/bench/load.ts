// Load runs with autocannon: one target for a fixed time, hello and hub in turn, and waiting for a
// server to finish the work that an ended run left queued before the next measurement.
import autocannon from 'autocannon';

export type LoadTarget = {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** Per request (unique addresses, say): the headers and body to send this time. */
  nextRequest?: () => { headers: Record<string, string>; body: string };
  /** The answers that count as right (200, or 304 for a conditional GET). */
  expected: number[];
};

export type LoadResult = {
  requestsPerSecond: number;
  /** How long the run lasted, as autocannon measured it. */
  durationSeconds: number;
  p99Ms: number;
  completed: number;
  /** Answers with a status outside `expected`, by status. */
  unexpected: Map<string, number>;
  unexpectedCount: number;
  /** Connection errors and timeouts (requests that got no answer at all). */
  failedRequests: number;
  statusCounts: Map<string, number>;
};

export type LoadOptions = { connections: number; durationSeconds: number };

export async function runLoad(baseUrl: string, target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const headers = target.headers ?? {};
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        method: target.method ?? 'GET',
        path: target.path,
        headers,
        ...(target.nextRequest
          ? {
              setupRequest: (request) => {
                const next = target.nextRequest!();
                return { ...request, headers: { ...headers, ...next.headers }, body: next.body };
              },
            }
          : {}),
      },
    ],
  });
  const statusCounts = new Map(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]));
  const unexpected = new Map([...statusCounts].filter(([status]) => !target.expected.includes(Number(status))));
  const completed = [...statusCounts.values()].reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: completed / result.duration,
    durationSeconds: result.duration,
    p99Ms: result.latency.p99,
    completed,
    unexpected,
    unexpectedCount: [...unexpected.values()].reduce((sum, count) => sum + count, 0),
    failedRequests: result.errors + result.timeouts,
    statusCounts,
  };
}

export const HELLO_TARGET: LoadTarget = { path: '/', expected: [200] };

/** Uncounted load before each measurement: a server that has just started compiles its hot paths. */
const WARM_UP_SECONDS = 1;

/**
 * Hello and the hub in turn, so that both see the same machine (thermal state, other processes):
 * first a short uncounted warm-up of each (a production server is warm; the first second of a
 * cold one measures V8's compiler), then two rounds of half the duration each, hello, hub, hello,
 * hub, added up, so that a neighbour's burst on this shared machine lands on both rather than on
 * one. The hub is given time to finish what each ended run left queued.
 */
export async function compareWithHello(helloUrl: string, hubUrl: string, target: LoadTarget, options: LoadOptions) {
  const warmUp = { ...options, durationSeconds: WARM_UP_SECONDS };
  const warmUpHub = await runLoad(hubUrl, target, warmUp);
  await waitUntilIdle(hubUrl);
  await runLoad(helloUrl, HELLO_TARGET, warmUp);
  const half = { ...options, durationSeconds: Math.max(1, options.durationSeconds / 2) };
  const hello: LoadResult[] = [];
  const hub: LoadResult[] = [];
  let drainedMs = 0;
  for (let round = 0; round < 2; round += 1) {
    hello.push(await runLoad(helloUrl, HELLO_TARGET, half));
    hub.push(await runLoad(hubUrl, target, half));
    drainedMs += await waitUntilIdle(hubUrl);
  }
  return { hello: combine(hello), hub: combine(hub), warmUpHub, drainedMs };
}

/** Runs of the same target as one: totals, and the worse p99. */
function combine(results: LoadResult[]): LoadResult {
  const statusCounts = new Map<string, number>();
  const unexpected = new Map<string, number>();
  for (const result of results) {
    for (const [status, count] of result.statusCounts) statusCounts.set(status, (statusCounts.get(status) ?? 0) + count);
    for (const [status, count] of result.unexpected) unexpected.set(status, (unexpected.get(status) ?? 0) + count);
  }
  const completed = results.reduce((sum, result) => sum + result.completed, 0);
  const seconds = results.reduce((sum, result) => sum + result.durationSeconds, 0);
  return {
    requestsPerSecond: completed / seconds,
    durationSeconds: seconds,
    p99Ms: Math.max(...results.map((result) => result.p99Ms)),
    completed,
    unexpected,
    unexpectedCount: results.reduce((sum, result) => sum + result.unexpectedCount, 0),
    failedRequests: results.reduce((sum, result) => sum + result.failedRequests, 0),
    statusCounts,
  };
}

/**
 * Requests still queued when autocannon closes its connections keep the hub's CPU busy; the next
 * measurement must not pay for them. Idle: /healthz answers within 50 ms twice in a row.
 * Returns how long that took.
 */
export async function waitUntilIdle(baseUrl: string, maxMs = 180_000): Promise<number> {
  const started = performance.now();
  let quickAnswers = 0;
  while (quickAnswers < 2) {
    if (performance.now() - started > maxMs) throw new Error(`the hub was still busy ${maxMs / 1000} s after the run`);
    const before = performance.now();
    await fetch(`${baseUrl}/healthz`)
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
    quickAnswers = performance.now() - before < 50 ? quickAnswers + 1 : 0;
    if (quickAnswers < 2) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - started;
}
