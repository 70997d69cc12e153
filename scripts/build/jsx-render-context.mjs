// hono/jsx keeps its render context (useContext) in an AsyncLocalStorage where the runtime has one.
// Every render enters it (every page has a <head>, which renders through a context provider), and
// on Node 20 an AsyncLocalStorage once entered makes Node track every promise of the process from
// then on: after the first page, a /healthz cost 128–136 µs of CPU instead of 77–93, a feed 304
// 130–154 instead of 91–109, a cached page 285–315 instead of 185–230 (measured on this 2-core
// machine, server pinned to one core).
//
// The hub's views are synchronous and never call useContext across an await, which is what the
// AsyncLocalStorage is for. So the bundle takes hono's own path for runtimes without one: the
// context lives in a store set for the synchronous render only, and a context read after an
// await finds the default value, never another request's (see hono/dist/jsx/context.js).
import { readFile } from 'node:fs/promises';

/** The line in hono/dist/jsx/context.js that creates the store; without it hono takes its fallback. */
const CREATES_STORE = 'if (AsyncLocalStorage) asyncLocalStorage = new AsyncLocalStorage();';

/** hono's jsx/context.js without its AsyncLocalStorage; throws when hono's code no longer has the line. */
export function withoutAsyncRenderContext(source) {
  if (!source.includes(CREATES_STORE)) {
    throw new Error(`hono/jsx/context.js no longer has "${CREATES_STORE}": check how this hono version keeps its render context`);
  }
  return source.replace(CREATES_STORE, '/* The hub renders synchronously: no AsyncLocalStorage (scripts/build/jsx-render-context.mjs). */');
}

/** The esbuild plugin that applies it to hono's ES module build. */
export const synchronousJsxRenderContext = {
  name: 'synchronous-jsx-render-context',
  setup(build) {
    build.onLoad({ filter: /[\\/]hono[\\/]dist[\\/]jsx[\\/]context\.js$/ }, async (args) => ({
      contents: withoutAsyncRenderContext(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
