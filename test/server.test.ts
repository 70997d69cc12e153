import { chmodSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attrs, one, parse, textOf, texts } from './helpers/dom.js';
import { startLikeNpmStart } from './helpers/npm-start.js';
import { tempDir } from './helpers/temp-dir.js';

const start = startLikeNpmStart;

describe('npm start', () => {
  it('creates the database, seeds the demo programme, and serves it at the printed URL', async () => {
    const dir = tempDir('hub-start-');
    const server = start({ PORT: '0', DATABASE_PATH: join(dir, 'nested', 'hub.db'), HUB_DEMO: '' });
    try {
      const { url } = await server.ready;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      expect(server.output().stdout).toContain('Seeded the demo programme');
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
      const home = parse(await (await fetch(`${url}/`)).text());
      expect(texts(home, 'h2')).toContain('Upcoming webinars');
      // Each demo webinar's page once (the next one's "Register" link goes to the form on that page).
      const webinarLinks = [...new Set(attrs(home, 'a[href^="/webinars/"]', 'href').map((href) => href?.split('#')[0]))];
      expect(webinarLinks).toHaveLength(4);
      // The two past demo webinars come with their slides: the archive is not empty on day one.
      const archive = parse(await (await fetch(`${url}/recordings`)).text());
      expect(textOf(one(archive, 'main'))).toContain('Corporate venture capital: lessons from Silicon Valley');
      expect(textOf(one(archive, 'main'))).toContain('Open innovation platforms in China');
      const slides = attrs(archive, 'a[href^="/materials/"][href$=".pdf"]', 'href')[0];
      const pdf = await fetch(`${url}${slides}`);
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      // Without BASE_URL, absolute links name the port the system chose for PORT=0.
      const webinar = webinarLinks[0];
      expect(await (await fetch(`${url}${webinar}/calendar.ics`)).text()).toContain(`${url}${webinar}`);
      // A calendar client polling with the feed's ETag gets its 304 from Node's own headers.
      const feed = await fetch(`${url}/calendar.ics`);
      await feed.text();
      const poll = await fetch(`${url}/calendar.ics`, { headers: { 'if-none-match': feed.headers.get('etag')! } });
      expect([poll.status, poll.headers.get('etag'), poll.headers.get('cache-control')]).toEqual([
        304,
        feed.headers.get('etag'),
        'public, max-age=300, must-revalidate',
      ]);
    } finally {
      server.child.kill('SIGTERM');
    }
  }, 60_000);

  it('says where it listens on this machine, and the public address when BASE_URL differs', async () => {
    const dir = tempDir('hub-start-');
    const server = start({ PORT: '0', DATABASE_PATH: join(dir, 'hub.db'), HUB_DEMO: '0', BASE_URL: 'https://webinars.example.org' });
    try {
      const { url } = await server.ready;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      expect(server.output().stdout).toContain(`listening on ${url} (public address https://webinars.example.org, database `);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
  }, 60_000);

  it.each([
    [{ PORT: 'abc' }, /^Cannot start the hub: PORT must be a number between 0 and 65535, got "abc"\.\n$/],
    [{ BASE_URL: 'not a url' }, /^Cannot start the hub: BASE_URL must be an absolute/],
    [{ HUB_DEMO: 'maybe' }, /^Cannot start the hub: HUB_DEMO must be 1 or 0/],
  ])(
    'stops with one clear line for %o',
    async (env, expected) => {
      const server = start(env);
      const { code } = await server.ready;
      expect(code).toBe(1);
      expect(server.output().stderr).toMatch(expected);
    },
    60_000,
  );

  it('stops with one clear line when the database path is not writable', async () => {
    const dir = tempDir('hub-ro-');
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    chmodSync(file, 0o444);
    const server = start({ DATABASE_PATH: join(file, 'hub.db'), PORT: '0' });
    const { code } = await server.ready;
    expect(code).toBe(1);
    expect(server.output().stderr).toMatch(/^Cannot start the hub: DATABASE_PATH ".*hub\.db" cannot be opened or created/);
    expect(server.output().stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('stops with one clear line when the port is taken', async () => {
    // The port is held open for the whole test: nothing else can take it in between.
    const holder = createServer();
    await new Promise<void>((listening) => holder.listen(0, '127.0.0.1', listening));
    const { port } = holder.address() as AddressInfo;
    try {
      const server = start({ DATABASE_PATH: join(tempDir('hub-port-'), 'hub.db'), PORT: String(port) });
      const { code } = await server.ready;
      expect(code).toBe(1);
      expect(server.output().stderr).toBe(`Cannot start the hub: PORT ${port} is already in use on 127.0.0.1; set PORT to a free port.\n`);
    } finally {
      holder.close();
    }
  }, 60_000);
});
