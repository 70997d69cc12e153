// Reads the environment into the hub's configuration; every bad variable gets one clear line.
import { LANGUAGES, isLanguage, type Language } from './i18n/languages.js';
import { parseSmtpUrl } from './mail/mailer.js';
import { isEmail } from './validation.js';

export type Config = {
  port: number;
  host: string;
  baseUrl: string;
  databasePath: string;
  /** DATABASE_URL: a PostgreSQL server instead of the SQLite file; null: SQLite at databasePath. */
  databaseUrl: string | null;
  demo: boolean;
  /** null: no mail server; messages wait in the outbox as held. */
  smtpUrl: string | null;
  mailFrom: string;
  /** First coordinator, created on first start when both are set. */
  adminEmail: string | null;
  adminPassword: string | null;
  /** A bearer token for automation (compared in constant time); null: only workspace tokens. */
  apiToken: string | null;
  trustProxy: boolean;
  /** LANGUAGES: what the hub offers, the first the default for a visitor whose browser asks for neither (default en,sv). */
  languages: Language[];
  /** MAIL_CLAIM_SECONDS: how soon an email interrupted by a crash is sent again by another (or a restarted) instance. */
  mailClaimSeconds: number;
  /** SHUTDOWN_GRACE_SECONDS: how long SIGTERM waits for requests and the email under way. */
  shutdownGraceSeconds: number;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** The address to open on this machine for a server bound to host and port (all interfaces: localhost). */
export function localUrl(host: string, port: number): string {
  return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
}

function urlOrUndefined(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** DATABASE_URL without its password, for logs. */
export function redactDatabaseUrl(url: string): string {
  const parsed = urlOrUndefined(url);
  if (!parsed) return 'postgres://…';
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const errors: string[] = [];
  const value = (name: string) => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  let port = 3000;
  const rawPort = value('PORT');
  if (rawPort !== undefined) {
    // 0 asks the system for any free port; the hub then says which one it listens on.
    if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) {
      errors.push(`PORT must be a number between 0 and 65535, got "${rawPort}".`);
    } else port = Number(rawPort);
  }

  const host = value('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) errors.push(`HOST must be a host name or IP address such as 127.0.0.1 or 0.0.0.0, got "${host}".`);

  let baseUrl = localUrl(host, port);
  const rawBase = value('BASE_URL');
  if (rawBase !== undefined) {
    const parsed = urlOrUndefined(rawBase);
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash) {
      errors.push(`BASE_URL must be an absolute http:// or https:// address without query, such as https://webinars.example.org, got "${rawBase}".`);
    } else baseUrl = parsed.toString().replace(/\/+$/, '');
  }

  const databasePath = value('DATABASE_PATH') ?? './data/hub.db';

  let databaseUrl: string | null = null;
  const rawDatabaseUrl = value('DATABASE_URL');
  if (rawDatabaseUrl !== undefined) {
    const parsed = urlOrUndefined(rawDatabaseUrl);
    if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol) || !parsed.hostname || parsed.pathname.length < 2) {
      errors.push('DATABASE_URL must be a PostgreSQL address such as postgres://user:password@host:5432/dbname (with the database name).');
    } else databaseUrl = rawDatabaseUrl;
  }

  let demo = true;
  const rawDemo = value('HUB_DEMO');
  if (rawDemo !== undefined) {
    if (['0', 'false', 'no', 'off'].includes(rawDemo.toLowerCase())) demo = false;
    else if (!['1', 'true', 'yes', 'on'].includes(rawDemo.toLowerCase())) errors.push(`HUB_DEMO must be 1 or 0, got "${rawDemo}".`);
  }

  let smtpUrl: string | null = null;
  const rawSmtp = value('SMTP_URL');
  if (rawSmtp !== undefined) {
    const parsedSmtp = parseSmtpUrl(rawSmtp);
    if (parsedSmtp.ok) smtpUrl = rawSmtp;
    else errors.push(parsedSmtp.error);
  }

  let mailFrom = `Webinar hub <webinars@${new URL(baseUrl).hostname.replace(/^\[|\]$/g, '') || 'localhost'}>`;
  const rawFrom = value('MAIL_FROM');
  if (rawFrom !== undefined) {
    const address = /<([^>]+)>\s*$/.exec(rawFrom)?.[1] ?? rawFrom;
    if (!isEmail(address) || /[\r\n]/.test(rawFrom)) errors.push(`MAIL_FROM must be an address such as "Webinars <webinars@example.org>", got "${rawFrom}".`);
    else mailFrom = rawFrom;
  }

  const adminEmail = value('ADMIN_EMAIL') ?? null;
  if (adminEmail !== null && !isEmail(adminEmail)) errors.push(`ADMIN_EMAIL must be an email address, got "${adminEmail}".`);
  const adminPassword = env.ADMIN_PASSWORD && env.ADMIN_PASSWORD !== '' ? env.ADMIN_PASSWORD : null;

  const apiToken = value('HUB_API_TOKEN') ?? null;
  // A guessable automation token would open the whole API: demand the strength of our own tokens.
  if (apiToken !== null && (apiToken.length < 32 || /\s/.test(apiToken)))
    errors.push('HUB_API_TOKEN must be at least 32 characters without spaces (for example the output of `openssl rand -base64 32`).');

  let trustProxy = false;
  const rawProxy = value('TRUST_PROXY');
  if (rawProxy !== undefined) {
    if (['1', 'true', 'yes', 'on'].includes(rawProxy.toLowerCase())) trustProxy = true;
    else if (!['0', 'false', 'no', 'off'].includes(rawProxy.toLowerCase())) errors.push(`TRUST_PROXY must be 1 or 0, got "${rawProxy}".`);
  }

  const seconds = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      errors.push(`${name} must be a whole number of seconds from ${min} to ${max}, got "${raw}".`);
      return fallback;
    }
    return Number(raw);
  };
  const mailClaimSeconds = seconds('MAIL_CLAIM_SECONDS', 30, 10, 3600);

  const rawLanguages = value('LANGUAGES');
  const languages = (rawLanguages ?? 'en,sv').split(',').map((language) => language.trim().toLowerCase());
  if (languages.length === 0 || !languages.every(isLanguage) || new Set(languages).size !== languages.length)
    errors.push(`LANGUAGES must list languages from ${LANGUAGES.join(', ')} separated by commas, the default first (e.g. "en,sv"), got "${rawLanguages}".`);
  const shutdownGraceSeconds = seconds('SHUTDOWN_GRACE_SECONDS', 30, 1, 600);

  return errors.length > 0
    ? { ok: false, errors }
    : {
        ok: true,
        config: {
          port,
          host,
          baseUrl,
          databasePath,
          databaseUrl,
          demo,
          smtpUrl,
          mailFrom,
          adminEmail,
          adminPassword,
          apiToken,
          trustProxy,
          languages: languages.filter(isLanguage),
          mailClaimSeconds,
          shutdownGraceSeconds,
        },
      };
}
