import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const PATHS = [
  '/',
  '/?tz=America/New_York',
  '/webinars/partnership-models-new-york',
  '/webinars/open-innovation-platforms-china?tz=Asia/Shanghai',
  '/areas/innovation-hubs?tz=America/Los_Angeles',
];

function renderUnder(tz: string): Record<string, string> {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'test/helpers/render-snapshot.ts', ...PATHS], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(output) as Record<string, string>;
}

describe('the process time zone', () => {
  it('does not change a single byte of the rendered pages', () => {
    const utc = renderUnder('UTC');
    expect(Object.keys(utc)).toEqual(PATHS);
    for (const page of Object.values(utc)) expect(page.startsWith('200\n')).toBe(true);
    for (const tz of ['Asia/Shanghai', 'America/Los_Angeles']) expect(renderUnder(tz)).toEqual(utc);
  }, 60_000);
});
