// `npm start`: runs the hub from the JavaScript that `npm run build` made (npm install builds it,
// through the "prepare" script): dist/hub.mjs, the hub in one file (see scripts/build.mjs), or
// dist/src/server.js where esbuild was not there, so that a start costs no TypeScript transpiling
// and no loading of hundreds of modules. When a source file is newer than the last build (an edit,
// a git pull), it builds first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');
const sources = ['src', 'views', 'migrations', 'tsconfig.json', 'tsconfig.build.json'].map((name) => join(root, name));

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), info.mtimeMs);
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (sources.some((path) => existsSync(path) && newest(path) > builtAt)) {
  console.log(builtAt === 0 ? 'Compiling the hub…' : 'Sources changed since the last build: compiling the hub…');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Cannot start the hub: the TypeScript sources do not compile (see above).');
    process.exit(1);
  }
}

const bundle = join(root, 'dist', 'hub.mjs');
await import(pathToFileURL(existsSync(bundle) ? bundle : join(root, 'dist', 'src', 'server.js')).href);
