// `npm run build` (run by `npm install` through "prepare", and by `npm start` when a source changed):
// tsc compiles src/, views/ and migrations/ into dist/, then esbuild joins that JavaScript and the
// packages it imports into one file, dist/hub.mjs, which `npm start` runs. Loading its ~630 modules
// one by one was most of a cold start (about 0.6 of its 1 s on this 2-core machine); one file loads
// in a fraction of that. Native addons (better-sqlite3, resvg) and pg's optional native binding stay
// outside and are loaded from node_modules as before. Without esbuild, `npm start` runs dist/src.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synchronousJsxRenderContext } from './build/jsx-render-context.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  console.error('The TypeScript sources do not compile (see above).');
  process.exit(1);
}

const bundle = join(dist, 'hub.mjs');
rmSync(bundle, { force: true });
try {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(dist, 'src', 'server.js')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', '@resvg/resvg-js', 'pg-native'],
    // The CommonJS packages inside (pg, nodemailer) call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as hubCreateRequire } from 'node:module'; const require = hubCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    plugins: [synchronousJsxRenderContext],
    logLevel: 'warning',
  });
} catch (error) {
  console.warn(`Not bundled (${error instanceof Error ? error.message : String(error)}); npm start runs dist/src/server.js.`);
}
writeFileSync(join(dist, '.built'), new Date().toISOString());
