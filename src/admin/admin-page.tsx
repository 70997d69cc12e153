// Renders a workspace page in the admin layout with the signed-in coordinator and the programme's title.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { AdminLayout, type AdminSection } from '../../views/admin/admin-layout.js';
import type { Db } from '../db/connection.js';
import type { AppEnv } from '../http/env.js';
import { inRequestLanguage, languageOf } from '../http/language.js';
import { say, type Words } from '../i18n/message.js';
import { getProgramme } from '../programme/programme.service.js';

export type AdminPageOptions = {
  section: AdminSection;
  title: Words;
  body: Child;
  status?: number;
  flash?: Words;
  /** The programme's title, when the caller has already read the programme. */
  siteTitle?: string;
};

/** What every workspace page's layout needs from the request: the site's title, who is signed in, the CSRF token. */
export function adminShellProps(c: Context<AppEnv>, siteTitle: string) {
  return {
    siteTitle,
    // Null only behind the API-token guard, which serves no pages; a neutral name keeps the shell whole.
    coordinator: c.get('coordinator') ?? { name: 'Coordinator', email: '' },
    csrfToken: c.get('csrfToken') ?? '',
  };
}

/** The message for `?done=` after a redirect, from a fixed set, so that nothing from the address is echoed. */
export function doneMessage(c: Context, messages: Readonly<Record<string, Words>>): Words | undefined {
  const done = c.req.query('done');
  return done !== undefined && Object.hasOwn(messages, done) ? messages[done] : undefined;
}

/**
 * `describe` runs in the request's language (its title, flash and the body's props are words for
 * the reader), before the programme's title is read.
 */
export async function renderAdminPage(c: Context<AppEnv>, db: Db, describe: () => AdminPageOptions) {
  const options = inRequestLanguage(c, describe);
  const siteTitle = options.siteTitle ?? (await getProgramme(db)).title;
  return c.html(
    <AdminLayout
      {...adminShellProps(c, siteTitle)}
      title={say(languageOf(c), options.title)}
      section={options.section}
      flash={options.flash ? { kind: 'ok', text: say(languageOf(c), options.flash) } : undefined}
    >
      {options.body}
    </AdminLayout>,
    (options.status ?? 200) as 200,
  );
}
