// Runs the real hub and Debian's Chromium for the browser journeys: a server on a free port with a
// temporary database, a browser, screenshots of failed tests, and axe-core inside a page.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether the journeys can run. Without Chromium they are skipped with a message on a person's
 * machine, but in CI (CI set, as .ci/run is run) a missing browser fails the run: a green run that
 * drove no browser would hide it.
 */
export function chromiumAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const inCi = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  if (inCi) throw new Error(`No Chromium at ${CHROMIUM_PATH}: in CI the browser journeys must run (apt-get install chromium).`);
  console.warn(`Skipping the browser journeys: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium). With CI=true this fails instead.`);
  return false;
}

/** The coordinator the server creates on first start (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = { email: 'anna@example.org', password: 'browser journeys need a long password' };

export const ARTIFACTS_DIR = join('.artifacts', 'browser');

export type Hub = {
  /** The address the server printed, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** Its SQLite file, for a test that reads what the hub stored (the outbox's emails). */
  databasePath: string;
  output: () => { stdout: string; stderr: string };
  stop: () => Promise<void>;
};

/**
 * Starts `node --import tsx src/server.ts` the way `npm start` does, with a clean environment and
 * `env` besides (LANGUAGES=en,sv for the journeys in Swedish).
 */
export async function startHub(env: Record<string, string> = {}): Promise<Hub> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-browser-'));
  const databasePath = join(dir, 'hub.db');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...env,
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // Any free port: the start-up line says which.
      PORT: '0',
      DATABASE_PATH: databasePath,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The hub did not say "listening on" within 60 s.\n${stdout}\n${stderr}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = /listening on (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The hub exited with code ${code} before listening.\n${stdout}\n${stderr}`));
    });
  });

  return {
    url,
    databasePath,
    output: () => ({ stdout, stderr }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 6000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs the page in as the coordinator the hub was started with, landing on the dashboard. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/admin');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export function screenshotPath(testName: string): string {
  return join(
    ARTIFACTS_DIR,
    `${testName
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()}.png`,
  );
}

/** A full-page screenshot named after the test, for a failed test. Never throws: the failure matters more. */
export async function saveScreenshot(page: Page, testName: string): Promise<string | undefined> {
  const file = screenshotPath(testName);
  try {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: file, fullPage: true, timeout: 5000 });
    return file;
  } catch {
    return undefined;
  }
}

/** A passing test leaves no screenshot of an earlier failure behind. */
export function removeScreenshot(testName: string): void {
  rmSync(screenshotPath(testName), { force: true });
}

export type BrowserSession = {
  /** The hub started for the describe block (set once its beforeAll has run). */
  readonly hub: Hub;
  /** A fresh context (no cookies) and page for the running test, closed after it. */
  open(options?: BrowserContextOptions): Promise<Page>;
};

/**
 * Called inside a describe block: starts the hub and Chromium before its tests and stops them after;
 * each test opens fresh contexts (these defaults, then its own options), closed after the test,
 * and a failed test leaves a screenshot of the last page it opened.
 */
export function useBrowserSession(
  defaults: BrowserContextOptions = {},
  options: { contextTimeoutMs?: number; startTimeoutMs?: number; hubEnv?: Record<string, string> } = {},
): BrowserSession {
  let hub: Hub | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let lastPage: Page | undefined;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(options.hubEnv), launchChromium()]);
  }, options.startTimeoutMs ?? 60_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  afterEach(async (ctx) => {
    if (lastPage && ctx.task.result?.state === 'fail') {
      const file = await saveScreenshot(lastPage, ctx.task.name);
      if (file) console.error(`Screenshot of the failed test "${ctx.task.name}": ${file} (page ${lastPage.url()})`);
    } else removeScreenshot(ctx.task.name);
    for (const context of contexts) await context.close();
    contexts = [];
    lastPage = undefined;
  });

  return {
    get hub() {
      if (!hub) throw new Error('The hub is started in beforeAll: use it inside hooks and tests.');
      return hub;
    },
    async open(extra: BrowserContextOptions = {}) {
      if (!hub || !browser) throw new Error('The browser is started in beforeAll: open pages inside tests.');
      const context = await browser.newContext({ baseURL: hub.url, ...defaults, ...extra });
      // Fail fast with Playwright's own message rather than at vitest's test timeout.
      context.setDefaultTimeout(options.contextTimeoutMs ?? 10_000);
      contexts.push(context);
      lastPage = await context.newPage();
      return lastPage;
    },
  };
}

// --- axe-core -----------------------------------------------------------------------------------

export type AxeFinding = { id: string; impact: string | null; help: string; targets: string[]; html: string[]; summaries: string[] };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core's default rules (WCAG 2 A/AA and best practices) on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: axeSource });
  // A string, so that the browser-side code needs no DOM types in this Node project.
  return page.evaluate(`(async () => {
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
      html: v.nodes.map((n) => n.html.replace(/\\s+/g, ' ').slice(0, 120)),
      summaries: v.nodes.map((n) => (n.failureSummary || '').replace(/\\s+/g, ' ').trim()),
    }));
  })()`);
}

export function describeFindings(page: string, findings: AxeFinding[]): string {
  if (findings.length === 0) return `${page}: no serious or critical violations`;
  return [
    `${page}: ${findings.length} serious or critical axe violation(s)`,
    ...findings.map(
      (f) => `- ${f.id} (${f.impact}): ${f.help}\n${f.targets.map((t, i) => `    ${t}: ${f.html[i] ?? ''}\n      ${f.summaries[i] ?? ''}`).join('\n')}`,
    ),
  ].join('\n');
}

// --- Page measurements, as strings evaluated in the browser (no DOM types in this project) --------

export type Overflow = { scrollWidth: number; innerWidth: number; wide: string[] };

/**
 * The page's width against the screen's, and the elements that stick out past `screenWidth`. On an
 * emulated phone Chromium widens the layout viewport (and so window.innerWidth) to fit content that
 * is too wide, zooming the page out: compare with the device's width, not with innerWidth alone.
 */
export function measureOverflow(page: Page, screenWidth: number): Promise<Overflow> {
  return page.evaluate(`(() => {
    const limit = ${Number(screenWidth)};
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > limit + 0.5)) {
        const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
        wide.push(name + ' (right edge ' + Math.round(rect.right) + 'px)');
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide: wide.slice(0, 10) };
  })()`);
}

/** The id (or tag) of the focused element. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(`(() => { const el = document.activeElement; return el ? (el.id || el.tagName.toLowerCase()) : ''; })()`);
}
