// Renders a workspace page in the admin layout with the signed-in coordinator and the programme's title.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { AdminLayout, type AdminSection } from '../../views/admin/admin-layout.js';
import type { Db } from '../db/connection.js';
import type { AppEnv } from '../http/env.js';
import { getProgramme } from '../programme/programme.service.js';

export type AdminPageOptions = { section: AdminSection; title: string; body: Child; status?: number; flash?: string };

export async function renderAdminPage(c: Context<AppEnv>, db: Db, options: AdminPageOptions) {
  const programme = await getProgramme(db);
  return c.html(
    <AdminLayout
      title={options.title}
      siteTitle={programme.title}
      coordinator={c.var.coordinator ?? { name: 'API', email: '' }}
      csrfToken={c.var.csrfToken}
      section={options.section}
      flash={options.flash ? { kind: 'ok', text: options.flash } : undefined}
    >
      {options.body}
    </AdminLayout>,
    (options.status ?? 200) as 200,
  );
}
