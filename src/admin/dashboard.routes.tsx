// GET /admin: the coordinators' dashboard.
import { Hono } from 'hono';
import { DashboardPage } from '../../views/admin/dashboard/dashboard-page.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { AppEnv } from '../http/env.js';
import { adminShellProps } from './admin-page.js';
import { getDashboard } from './dashboard.service.js';

export function dashboardRoutes(deps: { db: Db; clock: Clock }) {
  const app = new Hono<AppEnv>();
  app.get('/admin', async (c) => {
    const dashboard = await getDashboard(deps);
    c.header('Cache-Control', 'private, no-store');
    return c.html(<DashboardPage dashboard={dashboard} {...adminShellProps(c, dashboard.programme.title)} />);
  });
  return app;
}
