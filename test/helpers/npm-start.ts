// Runs src/server.ts the way `npm start` does (a clean environment, the given variables) and
// collects its output: `ready` resolves with the URL it prints once it listens, or its exit code.
import { spawn } from 'node:child_process';

export type StartedHub = ReturnType<typeof startLikeNpmStart>;

export function startLikeNpmStart(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ready = new Promise<{ url?: string; code?: number | null }>((resolve) => {
    child.stdout.on('data', () => {
      const match = /listening on (\S+)/.exec(stdout);
      if (match) resolve({ url: match[1] });
    });
    child.on('exit', (code) => resolve({ code }));
  });
  return { child, ready, output: () => ({ stdout, stderr }) };
}
