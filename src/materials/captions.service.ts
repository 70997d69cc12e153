// Captions of recordings: attaching a WebVTT file to a recording (checked, one per language,
// replacing the previous one), removing it, and reading them for transcripts, caption tracks and
// search. Captions follow their recording: who may see the recording may read its captions.
import type { CaptionRow } from '../db/schema.js';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/transaction.js';
import { NotFoundError, ValidationError } from '../errors.js';
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

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** The canonical form of a language tag, or undefined when it is not one. */
export function canonicalLanguage(tag: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(tag.trim())) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

export function languageLabel(language: string): string {
  try {
    return languageNames.of(language) ?? language;
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

/** Where players fetch public captions; an attendee's link puts /my/<token> in front. */
export function publicCaptionsPath(caption: Pick<Caption, 'materialId' | 'language'>): string {
  return `/materials/${caption.materialId}/captions/${caption.language}.vtt`;
}

/** The cues of stored captions (checked when they were attached, so they parse). */
export function cuesOf(caption: Pick<Caption, 'vtt'>): Cue[] {
  const parsed = parseWebVtt(new TextEncoder().encode(caption.vtt));
  return parsed.ok ? parsed.cues : [];
}

export type CaptionsInput = { language: string; bytes: Uint8Array };

/**
 * Attaches captions to a recording of the webinar: refused (422, nothing stored) unless the file
 * is WebVTT, the language a language tag and the material a recording of this webinar.
 */
export async function attachCaptions(deps: MaterialDeps, webinarSlug: string, materialId: number, input: CaptionsInput): Promise<Caption> {
  const language = canonicalLanguage(input.language);
  const parsed = parseWebVtt(input.bytes);
  const errors: Record<string, string> = {};
  if (!language) errors.language = 'Give the language of the captions as a language code, such as en, sv or zh.';
  if (!parsed.ok) errors.captions = parsed.error;
  return inTransaction(deps.db, async (trx) => {
    const webinar = await getWebinarForMaterials(trx, webinarSlug);
    await lockWebinars(trx, { slugs: [webinar.slug] });
    const material = await findMaterialRow(trx, materialId);
    if (!material || material.webinar_id !== webinar.id) throw new NotFoundError(`There is no material number ${materialId} on “${webinar.title}”.`);
    if (material.kind !== 'recording')
      errors.captions = `Captions go with a recording; “${material.title}” is ${material.kind === 'slides' ? 'slides' : 'a link'}.`;
    if (Object.keys(errors).length > 0 || !parsed.ok || !language) throw new ValidationError(errors, 422);
    const now = deps.clock.now();
    const row = await upsertCaptionRow(trx, {
      material_id: material.id,
      language,
      vtt: new TextDecoder().decode(input.bytes).replace(/^\uFEFF/, ''),
      transcript: parsed.cues.map((cue) => cue.text).join('\n'),
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
      throw new NotFoundError(`There are no ${languageLabel(language)} captions on material number ${materialId} of “${webinar.title}”.`);
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
  return new NotFoundError('There are no such captions. They may have been removed.');
}

function throwNoSuchCaptions(): never {
  throw noSuchCaptions();
}
