// No input ever causes a 500: every route, signed in and not, with hostile and malformed input.
import { describe, expect, it } from 'vitest';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/test-app.js';

const SLUGS = ['pilots-with-startups-norway', 'corporate-venture-capital-silicon-valley', 'nope', '%00', '..%2F..', 'x'.repeat(300)];
const IDS = ['1', '999999999', 'abc', '-1', '1e3', '%20'];
const QUERIES = [
  '',
  '?status=%00&type=zzz&q=%25_%5C',
  '?suggestFrom=garbage&suggestTo=2027-13-45',
  '?suggestFrom=2027-01-01&suggestTo=2029-01-01',
  '?tz=%F0%9F%92%A9&done=%3Cscript%3E',
  '?notified=NaN&registered=,,,',
];

const FORMS: Array<Record<string, string | string[]>> = [
  {},
  { title: ['a', 'b'], name: ['x', 'y'], email: ['a@b.co', 'c@d.co'], start: ['2027-03-18T15:00', 'x'] },
  {
    title: '\u0000\u0007',
    name: '😀'.repeat(500),
    email: '"<script>"@x',
    start: '2027-03-28T02:30',
    timezone: 'Europe/Stockholm',
    durationMinutes: '-1',
    capacity: '1e309',
  },
  { start: '2027-10-31T02:30', timezone: 'Europe/Stockholm', offset: '+99:99', durationMinutes: '60', title: 'T', status: 'weird', role_nobody: 'speaker' },
  { kind: 'recording', title: 'R', url: 'javascript:alert(1)', visibility: 'secret', webinars: ['nope', '%'], confirm: 'yes', timezone: '../../etc' },
];
const JSONS = [
  '{}',
  '[]',
  'null',
  '"text"',
  '{"title":{"$ne":1},"start":[1],"speakers":"a,b,,","durationMinutes":"60.5"}',
  '{"speakers":[{"slug":null},{"slug":"x","role":"boss"}]}',
  `{"a":${'['.repeat(2000)}${']'.repeat(2000)}}`,
];

function expand(path: string): string[] {
  let paths = [path];
  const swap = (param: string, values: string[]) => {
    paths = paths.flatMap((p) => (p.includes(param) ? values.map((v) => p.replace(param, v)) : [p]));
  };
  swap(':slug', SLUGS);
  swap(':id', IDS);
  swap(':token', ['A'.repeat(43), 'short']);
  swap(':filename', ['x.pdf']);
  swap(':name', ['hub.css', 'nope.js']);
  return paths.map((p) => p.replace(/:[a-zA-Z]+/g, '1'));
}

describe('no input causes a 500', () => {
  it('holds for every route and method, signed in, with malformed forms, JSON and queries', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const token = await createTestApiToken(ctx);
    const routes = [...new Map(ctx.app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values()];
    let requests = 0;
    for (const route of routes) {
      for (const path of expand(route.path)) {
        const auth: Record<string, string> = path.startsWith('/api') ? { authorization: `Bearer ${token}` } : { cookie: session.cookie };
        const send = async (init: RequestInit, label: string) => {
          requests++;
          const res = await ctx.app.request(path + (init.method === 'GET' ? QUERIES[requests % QUERIES.length] : ''), init);
          expect(res.status, `${route.method} ${path} ${label}`).toBeLessThan(500);
        };
        if (route.method === 'GET') {
          for (const query of QUERIES) {
            requests++;
            const res = await ctx.app.request(path + query, { headers: auth });
            expect(res.status, `GET ${path}${query}`).toBeLessThan(500);
          }
          continue;
        }
        for (const fields of FORMS) {
          const body = new URLSearchParams();
          for (const [k, v] of Object.entries({ _csrf: session.csrf, ...fields })) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
          await send(
            { method: route.method, body: body.toString(), headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' } },
            `form ${JSON.stringify(fields).slice(0, 80)}`,
          );
        }
        for (const json of JSONS) {
          await send(
            { method: route.method, body: json, headers: { ...auth, 'x-csrf-token': session.csrf, 'content-type': 'application/json' } },
            `json ${json.slice(0, 60)}`,
          );
        }
        await send(
          {
            method: route.method,
            body: '--x\r\nbroken multipart',
            headers: { ...auth, 'x-csrf-token': session.csrf, 'content-type': 'multipart/form-data; boundary=x' },
          },
          'broken multipart',
        );
        await send({ method: route.method, body: 'plain', headers: { ...auth, 'x-csrf-token': session.csrf, 'content-type': 'text/plain' } }, 'text/plain');
      }
    }
    expect(requests).toBeGreaterThan(1000);
    expect(ctx.logged.map((l) => `${l.message}: ${String(l.error)}`)).toEqual([]);
  }, 120_000);
});
