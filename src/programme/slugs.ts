// Slugs are unique by constraint, not by "check, then insert": two coordinators creating "Pilots"
// at the same moment on two instances get "pilots" and "pilots-2", and a taken slug that was asked
// for is a clear 409, never a unique-constraint 500.
import { ValidationError } from '../errors.js';
import { message } from '../i18n/message.js';

export type SluggedTable = 'webinar' | 'speaker' | 'knowledge_area';

export function slugTaken(table: SluggedTable, slug: string): ValidationError {
  return new ValidationError({ slug: message('webinarRules.slugTaken', { slug, table }) }, 409);
}

/**
 * Inserts under `requested`, or when none was asked for under the first free one of `base`,
 * `base-2`, `base-3`... `insert` returns undefined when the slug is taken (ON CONFLICT DO NOTHING,
 * which leaves a PostgreSQL transaction usable), so a slug taken meanwhile moves on to the next.
 */
export async function insertUnderFreeSlug<T>(
  table: SluggedTable,
  requested: string,
  base: string,
  insert: (slug: string) => Promise<T | undefined>,
  firstFree: (base: string) => Promise<string>,
): Promise<{ slug: string; inserted: T }> {
  if (requested) {
    const inserted = await insert(requested);
    if (inserted === undefined) throw slugTaken(table, requested);
    return { slug: requested, inserted };
  }
  let slug = await firstFree(base);
  for (let n = 2; ; n++) {
    const inserted = await insert(slug);
    if (inserted !== undefined) return { slug, inserted };
    slug = await firstFree(`${base}-${n}`);
  }
}
