// Captions of recordings: attaching a WebVTT file to a recording (checked, one per language,
// replacing the previous one), removing it, and reading them for transcripts, caption tracks and
// search. Captions follow their recording: who may see the recording may read its captions.
import type { CaptionRow } from '../db/schema.js';
import { inEachLanguage, message } from '../i18n/message.js';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/transaction.js';
import { type FieldErrors, NotFoundError, ValidationError } from '../errors.js';
import { translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/current-language.js';
import { LANGUAGES, LOCALES, type Language } from '../i18n/languages.js';
import { isPublicWebinar, lockWebinars, markWebinarsChanged } from '../programme/programme.service.js';
import { findAttendeeByToken, hasConfirmedSeat } from '../registration/registration.service.js';
import { toStoredInstant, utc } from '../time/index.js';
import { deleteCaptionRow, findCaptionRow, listCaptionRows, upsertCaptionRow } from './captions.repository.js';
import { findMaterialRow } from './material.repository.js';
import { getWebinarForMaterials, type MaterialDeps } from './material.service.js';
import { parseWebVtt, type Cue } from './webvtt.js';

export type Caption = {
  materialId: number;
  /** BCP 47 tag, canonical ("en", "sv", "zh-Hans"). */
  language: string;
  /** The language's name in English, for the workspace and the track's label. */
  label: string;
  vtt: string;
  transcript: string;
  updatedAt: ReturnType<typeof utc>;
};

/** Made once per language of the hub: each names languages in itself ("German", "tyska"). */
const languageNames = Object.fromEntries(
  LANGUAGES.map((language) => [language, new Intl.DisplayNames([LOCALES[language]], { type: 'language', fallback: 'code' })]),
) as Record<Language, Intl.DisplayNames>;

/** The canonical form of a language tag, or undefined when it is not one. */
export function canonicalLanguage(tag: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(tag.trim())) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/** The name of the captions' language (a BCP 47 tag), in `inLanguage`: "German", "tyska". */
export function languageLabel(language: string, inLanguage: Language = 'en'): string {
  try {
    return languageNames[inLanguage].of(language) ?? language;
  } catch {
    // Not a language tag (a mistyped address): named as it was written.
    return language;
  }
}

function toCaption(row: CaptionRow): Caption {
  return {
    materialId: row.material_id,
    language: row.language,
    label: languageLabel(row.language),
    vtt: row.vtt,
    transcript: row.transcript,
    updatedAt: utc(row.updated_at),
  };
}

/**
 * Where players fetch public captions; an attendee's link puts /my/<token> in front. Not under
 * /materials/:id/, where a fixed name beside the file name slows every route (test/http/router.test.ts).
 */
export function publicCaptionsPath(caption: Pick<Caption, 'materialId' | 'language'>): string {
  return `/captions/${caption.materialId}/${caption.language}.vtt`;
}

/** The cues of stored captions (checked when they were attached, so they parse). */
export function cuesOf(caption: Pick<Caption, 'vtt'>): Cue[] {
  const parsed = parseWebVtt(new TextEncoder().encode(caption.vtt));
  return parsed.ok ? parsed.cues : [];
}

export type CaptionsInput = { language: string; bytes: Uint8Array };

/** Captions that passed checkCaptions: a canonical language tag and a WebVTT file that parses. */
export type CheckedCaptions = { language: string; bytes: Uint8Array; cues: Cue[] };

/**
 * Checks captions before anything is stored: the file is WebVTT and the language a language tag.
 * The messages are in `language`: the request's for the workspace's form, English for the API.
 */
export function checkCaptions(
  input: CaptionsInput,
  language: Language = currentLanguage(),
): { ok: true; value: CheckedCaptions } | { ok: false; errors: FieldErrors } {
  const tag = canonicalLanguage(input.language);
  const parsed = parseWebVtt(input.bytes, language);
  const errors: FieldErrors = {};
  if (!tag) errors.language = translate(language, 'materials.captions.badLanguage');
  if (!parsed.ok) errors.captions = parsed.error;
  if (!tag || !parsed.ok) return { ok: false, errors };
  return { ok: true, value: { language: tag, bytes: input.bytes, cues: parsed.cues } };
}

/**
 * Attaches checked captions to a recording of the webinar: refused (422, nothing stored) unless
 * the material is a recording of this webinar.
 */
export async function attachCaptions(deps: MaterialDeps, webinarSlug: string, materialId: number, captions: CheckedCaptions): Promise<Caption> {
  return inTransaction(deps.db, async (trx) => {
    const webinar = await getWebinarForMaterials(trx, webinarSlug);
    await lockWebinars(trx, { slugs: [webinar.slug] });
    const material = await findMaterialRow(trx, materialId);
    if (!material || material.webinar_id !== webinar.id) {
      throw new NotFoundError(message('materials.error.noMaterial', { id: String(materialId), title: webinar.title }));
    }
    if (material.kind !== 'recording') {
      throw new ValidationError({ captions: message('materials.captions.notRecording', { title: material.title, kind: material.kind }) }, 422);
    }
    const now = deps.clock.now();
    const row = await upsertCaptionRow(trx, {
      material_id: material.id,
      language: captions.language,
      vtt: new TextDecoder().decode(captions.bytes).replace(/^\uFEFF/, ''),
      transcript: captions.cues.map((cue) => cue.text).join('\n'),
      created_at: toStoredInstant(now),
      updated_at: toStoredInstant(now),
    });
    // Feeds and the recordings feed show when a webinar's materials last changed.
    await markWebinarsChanged(trx, [webinar.id], now);
    return toCaption(row);
  });
}

export async function removeCaptions(deps: MaterialDeps, webinarSlug: string, materialId: number, language: string): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const webinar = await getWebinarForMaterials(trx, webinarSlug);
    await lockWebinars(trx, { slugs: [webinar.slug] });
    const material = await findMaterialRow(trx, materialId);
    if (!material || material.webinar_id !== webinar.id || !(await deleteCaptionRow(trx, materialId, language))) {
      // The language named in the reader's language ("German", "tyska").
      const named = inEachLanguage((reader) => languageLabel(language, reader));
      throw new NotFoundError(message('materials.captions.noneInLanguage', { language: named, id: String(materialId), title: webinar.title }));
    }
    await markWebinarsChanged(trx, [webinar.id], deps.clock.now());
  });
}

/** The captions of each of these materials, by material id. */
export async function captionsOfMaterials(db: Db, materialIds: readonly number[]): Promise<Map<number, Caption[]>> {
  const byMaterial = new Map<number, Caption[]>();
  for (const row of await listCaptionRows(db, materialIds)) {
    byMaterial.set(row.material_id, [...(byMaterial.get(row.material_id) ?? []), toCaption(row)]);
  }
  return byMaterial;
}

export async function findCaptions(db: Db, materialId: number, language: string): Promise<Caption | undefined> {
  const row = await findCaptionRow(db, materialId, language);
  return row ? toCaption(row) : undefined;
}

/** Captions of a public recording of a public webinar; anything else looks as if it did not exist. */
export async function getPublicCaptions(deps: Pick<MaterialDeps, 'db'>, materialId: number, language: string): Promise<Caption> {
  const material = await findMaterialRow(deps.db, materialId);
  if (material?.visibility !== 'public' || !(await isPublicWebinar(deps.db, material.webinar_id))) throw noSuchCaptions();
  return (await findCaptions(deps.db, materialId, language)) ?? throwNoSuchCaptions();
}

/** Captions of any recording of a webinar the token's attendee has a confirmed seat for. */
export async function getAttendeeCaptions(deps: Pick<MaterialDeps, 'db'>, token: string, materialId: number, language: string): Promise<Caption> {
  const [attendee, material] = await Promise.all([findAttendeeByToken(deps.db, token), findMaterialRow(deps.db, materialId)]);
  if (!attendee || !material || !(await isPublicWebinar(deps.db, material.webinar_id))) throw noSuchCaptions();
  if (!(await hasConfirmedSeat(deps.db, material.webinar_id, attendee.id))) throw noSuchCaptions();
  return (await findCaptions(deps.db, materialId, language)) ?? throwNoSuchCaptions();
}

function noSuchCaptions(): NotFoundError {
  return new NotFoundError(message('materials.captions.noSuch'));
}

function throwNoSuchCaptions(): never {
  throw noSuchCaptions();
}
