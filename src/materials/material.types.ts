// Materials as the rest of the hub sees them: camelCase, with the uploaded file's facts grouped.
import type { DateTime } from 'luxon';
import type { MaterialKind, MaterialVisibility } from '../db/schema.js';
import { translate } from '../i18n/catalogue.js';
import type { Language } from '../i18n/languages.js';

export type MaterialFile = {
  /** The random name its pieces are stored under in file_chunk, e.g. "3f2a…c9.pdf". */
  storedName: string;
  /** What the coordinator uploaded, cleaned; only used to name the download. */
  originalName: string;
  contentType: string;
  sizeBytes: number;
  extension: string;
};

/** How a kind is named to people in `language`: in the workspace, in feeds and in calendar descriptions. */
export function materialKindLabel(kind: MaterialKind, language: Language): string {
  return translate(language, `materials.kind.${kind}`);
}

/** "Slides: Title", unless the title already says what it is ("Recording", "Slides from the panel"). */
export function labelledTitle(prefix: string, title: string): string {
  return title.toLowerCase().startsWith(prefix.toLowerCase()) ? title : `${prefix}: ${title}`;
}

/** Exactly one of `url` and `file` is set. */
export type Material = {
  id: number;
  webinarId: number;
  kind: MaterialKind;
  title: string;
  url: string | null;
  file: MaterialFile | null;
  visibility: MaterialVisibility;
  position: number;
  createdAt: DateTime;
  updatedAt: DateTime;
};
