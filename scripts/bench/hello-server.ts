// The baseline: a bare Hono "hello" on @hono/node-server, which no hub request can beat.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/', (c) => c.text('hello'));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => {
  console.log(`hello listening on http://127.0.0.1:${info.port}`);
});
