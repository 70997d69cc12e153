// Where a material lives for each audience, and the name and headers its download carries.
import type { EventLink } from '../calendar/webinar-events.js';
import type { Language } from '../i18n/languages.js';
import { materialKindLabel, type Material, type MaterialFile } from './material.types.js';

/** "Slides.pdf" from "C:\\talks\\Slides v2.PDF"-like names, always with the detected type's extension. */
export function downloadName(material: Pick<Material, 'kind'> & { file: Pick<MaterialFile, 'originalName' | 'extension'> }): string {
  const base = material.file.originalName
    .replace(/\.[A-Za-z0-9]{1,10}$/, '')
    .replace(/[\u0000-\u001f\u007f-\u009f\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  const fallback = material.kind === 'slides' ? 'slides' : material.kind === 'recording' ? 'recording' : 'document';
  return `${base || fallback}.${material.file.extension}`;
}

/**
 * RFC 6266: a plain ASCII fallback for old clients, and the exact name in filename* (RFC 8187).
 * `inline` for a video, which a browser opening its address plays; documents are downloaded.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function fileSegment(material: Material): string {
  return material.file ? encodeURIComponent(downloadName({ kind: material.kind, file: material.file })) : 'file';
}

export function publicFilePath(material: Material): string {
  return `/materials/${material.id}/${fileSegment(material)}`;
}

export function attendeeFilePath(token: string, material: Material): string {
  return `/my/${token}/materials/${material.id}/${fileSegment(material)}`;
}

/** The address people follow: the material's own URL, or where its file is served to them. */
export type HrefOf = (material: Material) => string;

export function publicHref(baseUrl = ''): HrefOf {
  return (material) => material.url ?? `${baseUrl}${publicFilePath(material)}`;
}

export function attendeeHref(token: string, baseUrl = ''): HrefOf {
  return (material) => material.url ?? `${baseUrl}${attendeeFilePath(token, material)}`;
}

/**
 * A material in an event's description, at the address `hrefOf` gives (absolute: calendars have no
 * base), named in the feed's language: English in the public feeds, the attendee's in their own.
 */
export function feedLink(material: Material, hrefOf: HrefOf, language: Language = 'en'): EventLink {
  // A link is named by its title in a calendar: "Link: Further reading" would say nothing more.
  const label = material.kind === 'link' ? material.title : materialKindLabel(material.kind, language);
  return { label, url: hrefOf(material) };
}
