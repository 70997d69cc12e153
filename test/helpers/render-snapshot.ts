// Renders a fixed set of pages with a pinned clock and prints them, so that a test can compare the
// output under different process time zones (TZ).
import { buildTestApp } from './test-app.js';

const ctx = await buildTestApp({ now: '2027-02-01T12:00:00Z' });
const paths = process.argv.slice(2);
const pages: Record<string, string> = {};
for (const path of paths) pages[path] = `${(await ctx.app.request(path)).status}\n${await (await ctx.app.request(path)).text()}`;
process.stdout.write(JSON.stringify(pages));
