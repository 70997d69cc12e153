// The bundle renders hono/jsx without an AsyncLocalStorage (scripts/build/jsx-render-context.mjs):
// the installed hono must still have the line the build removes, or the build would stop bundling.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build, without types
import { withoutAsyncRenderContext } from '../../scripts/build/jsx-render-context.mjs';

const require = createRequire(import.meta.url);
// The ES module build, which esbuild bundles; require() finds the CommonJS one, in dist/cjs.
const contextModule = readFileSync(join(dirname(require.resolve('hono')), '..', 'jsx', 'context.js'), 'utf8');

describe('hono/jsx render context in the bundle', () => {
  it('takes away the AsyncLocalStorage of the installed hono and nothing else', () => {
    expect(contextModule).toContain('new AsyncLocalStorage()');
    const patched: string = withoutAsyncRenderContext(contextModule);
    expect(patched).not.toContain('new AsyncLocalStorage()');
    // hono's own path for runtimes without one is still there and is what runs.
    expect(patched).toContain('fallbackStore = store;');
    expect(patched.split('\n').length).toBe(contextModule.split('\n').length);
  });

  it('refuses a hono whose render context it does not recognise', () => {
    expect(() => withoutAsyncRenderContext('export const other = 1;')).toThrow(/no longer has/);
  });
});
