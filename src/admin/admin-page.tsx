// Renders a workspace page in the admin layout with the signed-in coordinator and the programme's title.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { AdminLayout, type AdminSection } from '../../views/admin/admin-layout.js';
import type { Db } from '../db/connection.js';
import type { AppEnv } from '../http/env.js';
import { getProgramme } from '../programme/programme.service.js';

export type AdminPageOptions = {
  section: AdminSection;
  title: string;
  body: Child;
  status?: number;
  flash?: string;
  /** The programme's title, when the caller has already read the programme. */
  siteTitle?: string;
};

/** What every workspace page's layout needs from the request: the site's title, who is signed in, the CSRF token. */
export function adminShellProps(c: Context<AppEnv>, siteTitle: string) {
  return {
    siteTitle,
    // Null only behind the API-token guard, which serves no pages; a neutral name keeps the shell whole.
    coordinator: c.var.coordinator ?? { name: 'Coordinator', email: '' },
    csrfToken: c.var.csrfToken ?? '',
  };
}

/** The message for `?done=` after a redirect, from a fixed set, so that nothing from the address is echoed. */
export function doneMessage(c: Context, messages: Readonly<Record<string, string>>): string | undefined {
  const done = c.req.query('done');
  return done !== undefined && Object.hasOwn(messages, done) ? messages[done] : undefined;
}

export async function renderAdminPage(c: Context<AppEnv>, db: Db, options: AdminPageOptions) {
  const siteTitle = options.siteTitle ?? (await getProgramme(db)).title;
  return c.html(
    <AdminLayout
      {...adminShellProps(c, siteTitle)}
      title={options.title}
      section={options.section}
      flash={options.flash ? { kind: 'ok', text: options.flash } : undefined}
    >
      {options.body}
    </AdminLayout>,
    (options.status ?? 200) as 200,
  );
}
