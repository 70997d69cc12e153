// GET /admin: the coordinators' dashboard.
import { Hono } from 'hono';
import { DashboardPage } from '../../views/admin/dashboard/dashboard-page.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { AppEnv } from '../http/env.js';
import { getDashboard } from './dashboard.service.js';

export function dashboardRoutes(deps: { db: Db; clock: Clock }) {
  const app = new Hono<AppEnv>();
  app.get('/admin', async (c) => {
    const dashboard = await getDashboard(deps);
    c.header('Cache-Control', 'private, no-store');
    return c.html(
      <DashboardPage
        dashboard={dashboard}
        siteTitle={dashboard.programme.title}
        // Null only behind the API-token guard, which serves no pages; a neutral name keeps the shell whole.
        coordinator={c.var.coordinator ?? { name: 'Coordinator', email: '' }}
        csrfToken={c.var.csrfToken ?? ''}
      />,
    );
  });
  return app;
}
