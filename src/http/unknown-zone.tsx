// The 400 answer to ?tz= with a zone that does not exist: the picker, with the reason.
import type { Context } from 'hono';
import { TimezonePage } from '../../views/programme/timezone-page.js';
import type { Db } from '../db/connection.js';
import { getProgramme } from '../programme/programme.service.js';
import type { AppEnv } from './env.js';

export function unknownZoneResponse(db: Db) {
  return async (c: Context<AppEnv>, input: string) => {
    const programme = await getProgramme(db);
    return c.html(<TimezonePage siteTitle={programme.title} viewer={c.var.viewer} returnTo={c.var.viewer.returnTo} unknownZone={input} />, 400);
  };
}
