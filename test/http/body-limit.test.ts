// The body limit on a real socket (@hono/node-server), where a body with Content-Length is judged
// by that header and then read straight from the socket (src/http/body.ts), and one without it is
// counted as it comes.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, tableCounts } from '../helpers/test-app.js';

let server: ServerType;
let port: number;
let db: Awaited<ReturnType<typeof buildTestApp>>['db'];

beforeAll(async () => {
  const built = await buildTestApp();
  db = built.db;
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const PATH = '/api/webinars/pilots-with-startups-norway/registrations';

function registration(email: string, padding = 0): string {
  return JSON.stringify({
    name: 'Body Limit',
    email,
    organisation: 'Org AB',
    organisationType: 'startup',
    timezone: 'Europe/Oslo',
    consent: 'yes',
    question: 'x'.repeat(padding),
  });
}

/** POSTs `body`, with Content-Length or chunked; resolves with the status and the answer's text. */
function post(body: string, options: { declareLength: boolean }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.declareLength) headers['content-length'] = String(Buffer.byteLength(body));
    const req = request({ host: '127.0.0.1', port, path: PATH, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The hub may answer (413) and close before the whole body is sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

describe('the request body limit on a real socket', () => {
  it('reads a JSON registration with Content-Length straight from the socket and stores it', async () => {
    const res = await post(registration('declared@example.org'), { declareLength: true });
    expect(res.status).toBe(201);
    const chunked = await post(registration('chunked@example.org'), { declareLength: false });
    expect(chunked.status).toBe(201);
  });

  it('refuses 3 MB with 413, whether Content-Length says so or the body is counted, and stores nothing', async () => {
    const before = await tableCounts(db);
    const big = registration('big@example.org', 3 * 1024 * 1024);
    for (const declareLength of [true, false]) {
      const res = await post(big, { declareLength });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.text)).toEqual({ error: expect.stringMatching(/too large/) });
    }
    expect(await tableCounts(db)).toEqual(before);
  });
});
