// The public recordings archive: which past webinars it lists, and searching it by words and area.
//
// The search runs in JavaScript over the list that /recordings loads anyway (one entry per past
// webinar with public materials: tens, not thousands), folded by src/search-text.ts, and "%" or
// "_" in the search are plain characters with nothing to escape.
import { withLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import type { FieldErrors, Validated } from '../errors.js';
import { foldForSearch as fold } from '../search-text.js';
import { listAreas } from '../programme/programme.service.js';
import type { Area, Webinar } from '../programme/programme.types.js';
import { FieldReader, type Input } from '../validation.js';
import { listPublishedRecordings, type MaterialDeps } from './material.service.js';
import type { Material } from './material.types.js';
import { type Caption, captionsOfMaterials } from './captions.service.js';
import { t } from '../i18n/catalogue.js';
import { localizeWebinarOf } from '../programme/localize-webinar.js';

export const MAX_QUERY_LENGTH = 200;

export type RecordingItem = {
  webinar: Webinar;
  materials: Material[];
  /** A line of a transcript where the search's words were said (when they were not in the title, names or area). */
  said?: string;
};

/** A valid search; `q` '' and `area` null mean no filter of that kind. */
export type ArchiveSearch = { q: string; area: Area | null };

export type RecordingsArchive = {
  areas: Area[];
  /** What the form shows again: the input as sent (shortened), also when it was refused. */
  values: { q: string; area: string };
  errors: FieldErrors;
  /** How many recordings the archive holds before any filter. */
  total: number;
  /** The matches, most recent first; empty when the search was refused. */
  items: RecordingItem[];
};

export function validateArchiveSearch(input: Input, areas: readonly Area[]): Validated<ArchiveSearch> {
  const fields = new FieldReader(input);
  const q = fields.text('q', t('public.recordings.field.q'), { max: MAX_QUERY_LENGTH });
  const slug = fields.text('area', t('public.recordings.field.area'), { max: 100 });
  const area = slug === '' ? null : (areas.find((a) => a.slug === slug) ?? null);
  if (slug !== '' && !area) fields.fail('area', t('public.recordings.noSuchArea', { slug }));
  return fields.ok ? { ok: true, value: { q, area } } : { ok: false, errors: fields.errors };
}

/**
 * Everything about a webinar that the archive shows and a visitor may search for: its title in
 * either language, whichever the page is in (the words people remember may be the other's).
 */
function searchableText(webinar: Webinar): string {
  const people = webinar.speakers.flatMap((s) => [s.name, s.organisation, s.city]);
  return fold([webinar.title, webinar.titleSv ?? '', webinar.area?.name ?? '', ...people].join('\n'));
}

/**
 * Each word of `q` must occur somewhere: the title, area, a speaker's name, organisation or city,
 * or what was said (the transcripts of its public recordings, one cue a line). Answers whether it
 * matches, and a transcript line that shows where a word was said.
 */
export function matchesSearch(webinar: Webinar, search: ArchiveSearch, transcript = ''): { matches: boolean; said?: string } {
  if (search.area && webinar.area?.id !== search.area.id) return { matches: false };
  const words = fold(search.q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return { matches: true };
  const about = searchableText(webinar);
  const said = fold(transcript);
  if (!words.every((word) => about.includes(word) || said.includes(word))) return { matches: false };
  const spoken = words.filter((word) => !about.includes(word));
  if (spoken.length === 0) return { matches: true };
  const line = transcript.split('\n').find((text) => spoken.some((word) => fold(text).includes(word)));
  return { matches: true, said: line && line.length > 200 ? `${line.slice(0, 199)}…` : line };
}

/** `language`: the reader's, which the webinars' titles are shown in (the search looks in both). */
export async function searchRecordingsArchive(deps: Pick<MaterialDeps, 'db' | 'clock'>, input: Input, language: Language): Promise<RecordingsArchive> {
  const [areas, recordings] = await Promise.all([listAreas(deps.db), listPublishedRecordings(deps)]);
  const values = {
    q: typeof input.q === 'string' ? input.q.slice(0, 1000) : '',
    area: typeof input.area === 'string' ? input.area.slice(0, 100) : '',
  };
  const search = withLanguage(language, () => validateArchiveSearch(input, areas));
  if (!search.ok) return { areas, values, errors: search.errors, total: recordings.length, items: [] };
  return {
    areas,
    values: { q: search.value.q, area: search.value.area?.slug ?? '' },
    errors: {},
    total: recordings.length,
    items: (await matchingItems(deps, recordings, search.value)).map((item) => localizeWebinarOf(item, language)),
  };
}

async function matchingItems(deps: Pick<MaterialDeps, 'db'>, recordings: readonly RecordingItem[], search: ArchiveSearch): Promise<RecordingItem[]> {
  const captions: Map<number, Caption[]> = search.q
    ? await captionsOfMaterials(
        deps.db,
        recordings.flatMap((item) => item.materials.map((m) => m.id)),
      )
    : new Map();
  const items: RecordingItem[] = [];
  for (const item of recordings) {
    const transcript = item.materials.flatMap((m) => (captions.get(m.id) ?? []).map((c) => c.transcript)).join('\n');
    const { matches, said } = matchesSearch(item.webinar, search, transcript);
    if (matches) items.push(said ? { ...item, said } : item);
  }
  return items;
}
