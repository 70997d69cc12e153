import { describe, expect, it } from 'vitest';
import { attrs, parse } from '../helpers/dom.js';
import { buildTestApp } from '../helpers/test-app.js';

describe('assets', () => {
  it('serves the tab icon that every page links, and sends /favicon.ico to it', async () => {
    const ctx = await buildTestApp();
    const page = await (await ctx.app.request('/')).text();
    const icons = parse(page);
    expect([attrs(icons, 'link[rel="icon"]', 'href'), attrs(icons, 'link[rel="icon"]', 'type')]).toEqual([['/assets/favicon.svg'], ['image/svg+xml']]);
    const icon = await ctx.app.request('/assets/favicon.svg');
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const legacy = await ctx.app.request('/favicon.ico');
    expect([legacy.status, legacy.headers.get('location')]).toEqual([301, '/assets/favicon.svg']);
  });
});
