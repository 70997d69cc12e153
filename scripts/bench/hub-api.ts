// What the benchmark asks of the hub over HTTP: webinars through the coordinators' API,
// registrations through the public JSON endpoint, and timed single requests.
import { BENCH_API_TOKEN } from './processes.js';

const ZONE = 'Europe/Stockholm';

async function expectStatus(res: Response, expected: number[], what: string): Promise<Response> {
  if (expected.includes(res.status)) return res;
  throw new Error(`${what} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
}

function api(hubUrl: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${hubUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${BENCH_API_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** `YYYY-MM-DDTHH:mm` in Stockholm, `daysFromToday` away, at a daytime hour (never in a DST gap). */
export function wallTime(daysFromToday: number, hour: number): string {
  const day = new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

export type NewWebinar = { title: string; start: string; capacity?: number };

export async function createWebinar(hubUrl: string, webinar: NewWebinar): Promise<string> {
  const res = await api(hubUrl, 'POST', '/api/webinars', { ...webinar, timezone: ZONE, durationMinutes: 60, status: 'published' });
  await expectStatus(res, [201], `POST /api/webinars (${webinar.title})`);
  return ((await res.json()) as { slug: string }).slug;
}

export async function renameWebinar(hubUrl: string, slug: string, title: string): Promise<void> {
  await (await expectStatus(await api(hubUrl, 'PATCH', `/api/webinars/${slug}`, { title }), [200], `PATCH /api/webinars/${slug}`)).arrayBuffer();
}

export async function countWebinars(hubUrl: string): Promise<number> {
  const res = await expectStatus(await api(hubUrl, 'GET', '/api/webinars'), [200], 'GET /api/webinars');
  return ((await res.json()) as { webinars: unknown[] }).webinars.length;
}

/** Creates `count` webinars, `parallel` at a time, spread from about two years ago to two years ahead. */
export async function createManyWebinars(hubUrl: string, count: number, firstNumber: number, parallel = 8): Promise<string[]> {
  const slugs: string[] = [];
  for (let batch = 0; batch < count; batch += parallel) {
    const numbers = Array.from({ length: Math.min(parallel, count - batch) }, (_, i) => firstNumber + batch + i);
    slugs.push(
      ...(await Promise.all(
        numbers.map((n) => createWebinar(hubUrl, { title: `Bench webinar ${n}`, start: wallTime(((n * 37) % 1460) - 730, 8 + (n % 10)) })),
      )),
    );
  }
  return slugs;
}

/** A distinct client address per registration, behind the proxy that TRUST_PROXY=1 trusts. */
export function clientAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function registrationBody(email: string, n: number): string {
  return JSON.stringify({
    name: `Bench Person ${n}`,
    email,
    organisation: 'Bench Startup AB',
    organisationType: 'startup',
    timezone: ZONE,
    consent: 'yes',
  });
}

export function register(hubUrl: string, slug: string, email: string, n: number): Promise<Response> {
  return fetch(`${hubUrl}/api/webinars/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress(n) },
    body: registrationBody(email, n),
  });
}

/** Registers someone and returns the path of their personal page (`/my/<token>`). */
export async function registerForPersonalPath(hubUrl: string, slug: string, email: string, n: number): Promise<string> {
  const res = await expectStatus(await register(hubUrl, slug, email, n), [201], `POST /api/webinars/${slug}/registrations`);
  const { personalUrl } = (await res.json()) as { personalUrl?: string };
  if (!personalUrl) throw new Error('the 201 answer holds no personalUrl');
  return new URL(personalUrl).pathname;
}

/** One GET, body read to the end; its time in ms. Throws unless the status is `expected`. */
export async function timedGet(url: string, expected = 200, headers: Record<string, string> = {}): Promise<{ ms: number; res: Response }> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== expected) throw new Error(`GET ${new URL(url).pathname}${new URL(url).search} answered ${res.status}: ${body.slice(0, 200)}`);
  return { ms, res };
}
