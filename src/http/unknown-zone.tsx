// The 400 answer to a ?tz= that is not one zone: the picker, with the zones it could mean.
import { languageOf } from './language.js';
import type { Context } from 'hono';
import { TimezonePage } from '../../views/programme/timezone-page.js';
import { type Clock, systemClock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { getProgramme } from '../programme/programme.service.js';
import { usefulZones } from '../programme/useful-zones.js';
import { resolveZone } from '../time/index.js';
import type { AppEnv } from './env.js';

export function unknownZoneResponse(db: Db, clock: Clock = systemClock) {
  return async (c: Context<AppEnv>, input: string) => {
    const now = clock.now();
    const language = languageOf(c);
    const [programme, useful] = await Promise.all([getProgramme(db), usefulZones(db, now, c.get('viewer'), language)]);
    const resolved = resolveZone(input, () => now, language);
    const results = resolved.ok ? [] : resolved.suggestions;
    return c.html(
      <TimezonePage
        siteTitle={programme.title}
        viewer={c.get('viewer')}
        returnTo={c.get('viewer').returnTo}
        now={now}
        query={input}
        results={results}
        useful={useful}
        unknownZone={input}
      />,
      400,
    );
  };
}
