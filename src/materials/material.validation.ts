// Checks a material as a coordinator sends it (form or JSON), and turns video addresses into safe embeds.
import type { MaterialKind, MaterialVisibility } from '../db/schema.js';
import type { Validated } from '../errors.js';
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import { FieldReader, type Input } from '../validation.js';
import type { Material } from './material.types.js';
import type { FileContent } from './stored-files.js';
import { checkUpload, checkUploadSize, checkUploadType, maxUploadBytesFor, type UploadType } from './upload-check.js';
import type { ReceivedFile } from './upload-receiver.js';

export const MATERIAL_KINDS: readonly MaterialKind[] = ['recording', 'slides', 'link'];
export const MATERIAL_VISIBILITIES: readonly MaterialVisibility[] = ['public', 'attendees'];

/**
 * A file as it arrived: in memory (seeds, tests), or streamed to a temporary file by the route, which
 * counted its size and detected its type there. The name is only kept for the download name, never
 * used to decide anything.
 */
export type UploadedFile = { name: string; bytes: Uint8Array } | ReceivedFile;

export type CheckedUpload = FileContent & { originalName: string; type: UploadType };

/** Exactly one of `url` and `upload` is set. */
export type MaterialInput = {
  kind: MaterialKind;
  title: string;
  visibility: MaterialVisibility;
  url: string | null;
  upload: CheckedUpload | null;
};

/** `language`: of the messages, the request's for the workspace's form and English for the API. */
export function validateMaterial(input: Input, file?: UploadedFile, options: { maxBytes?: number; language?: Language } = {}): Validated<MaterialInput> {
  const language = options.language ?? currentLanguage();
  const fields = new FieldReader(input, undefined, language);
  const kind = fields.choice('kind', fields.say('materials.field.kind'), MATERIAL_KINDS);
  const title = fields.text('title', fields.say('materials.field.title'), { required: true, max: 200 });
  const visibility = fields.choice('visibility', fields.say('materials.field.visibility'), MATERIAL_VISIBILITIES, { required: false }) ?? 'public';
  const hasUrl = fields.has('url');
  if (hasUrl && file) fields.fail('url', fields.say('materials.error.urlAndFile'));
  else if (!hasUrl && !file) fields.fail('url', fields.say('materials.error.urlOrFile'));

  const url = hasUrl ? fields.url('url', fields.say('materials.field.address'), { httpsOnly: true }) : null;
  let upload: CheckedUpload | null = null;
  if (file && !hasUrl) {
    // A recording's file is a video (played in the page's own player, seekable); anything else a document.
    const purpose = { kind: kind ?? undefined, language };
    // A streamed file was kept up to the limit its form asked for when it began (kind before file).
    const maxBytes = Math.min(options.maxBytes ?? maxUploadBytesFor(kind), 'maxBytes' in file ? file.maxBytes : Number.POSITIVE_INFINITY);
    const checked =
      'bytes' in file
        ? checkUpload(file.bytes, { ...purpose, maxBytes })
        : (checkUploadSize(file.sizeBytes, maxBytes, language) ?? checkUploadType(file.type, purpose));
    const content: FileContent = 'bytes' in file ? { bytes: file.bytes } : { path: file.path, sizeBytes: file.sizeBytes };
    if (checked.ok) upload = { ...content, originalName: cleanFileName(file.name), type: checked.type };
    else fields.fail('file', checked.message);
  }
  if (!fields.ok || !kind || (url === null && upload === null)) return { ok: false, errors: fields.errors };
  return { ok: true, value: { kind, title, visibility, url, upload } };
}

/** What a coordinator may change on a material in place: its kind and file stay. */
export type MaterialEdit = { title: string; visibility: MaterialVisibility; url: string | null };

/**
 * Checks an edit of `current`. A field that is absent keeps its value (the API's PATCH sends only
 * what changes; the workspace's form sends all); one that is present but empty is refused. Only a
 * link's address can change: a file is replaced by deleting it and uploading the new one.
 */
export function validateMaterialEdit(
  input: Input,
  current: Pick<Material, 'title' | 'visibility' | 'url' | 'file'>,
  language: Language = currentLanguage(),
): Validated<MaterialEdit> {
  const fields = new FieldReader(input, undefined, language);
  const present = (field: string) => input[field] !== undefined;
  const title = present('title') ? fields.text('title', fields.say('materials.field.title'), { required: true, max: 200 }) : current.title;
  const visibility = present('visibility') ? fields.choice('visibility', fields.say('materials.field.visibility'), MATERIAL_VISIBILITIES) : current.visibility;
  let url = current.url;
  if (present('url') && current.file) {
    // The form has no address field for a file; an API client sending one must hear why it did nothing.
    fields.fail('url', fields.say('materials.error.fileHasNoAddress'));
  } else if (present('url')) {
    url = fields.url('url', fields.say('materials.field.address'), { required: true, httpsOnly: true });
  }
  if (!fields.ok || visibility === null) return { ok: false, errors: fields.errors };
  return { ok: true, value: { title, visibility, url } };
}

/** The uploaded name without folders or control characters; only ever shown, never a path. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim()
    .slice(0, 200);
}

/** The page's own player: a file it plays directly, or an HLS stream (played natively by Safari and phones, through hls.js elsewhere). */
export type VideoEmbed = { type: 'video'; src: string; contentType: 'video/mp4' | 'video/webm' | 'video/quicktime' | typeof HLS_TYPE };
export type Embed = { type: 'iframe'; provider: 'YouTube' | 'Vimeo'; src: string } | VideoEmbed | { type: 'link'; href: string };

export const HLS_TYPE = 'application/vnd.apple.mpegurl';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const VIMEO_HASH = /^[0-9a-f]{6,32}$/;

/**
 * How a recording address is shown. Only IDs that match the providers' formats exactly reach an
 * iframe, rebuilt on the provider's own host: nothing of the address is copied into it verbatim.
 */
export function embedFor(address: string): Embed {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { type: 'link', href: address };
  }
  if (url.protocol !== 'https:') return { type: 'link', href: address };
  const host = url.hostname.toLowerCase().replace(/^(www|m)\./, '');
  const segments = url.pathname.split('/').filter(Boolean);

  const youtubeId =
    host === 'youtu.be'
      ? segments.length === 1
        ? segments[0]
        : undefined
      : host === 'youtube.com' || host === 'youtube-nocookie.com'
        ? segments[0] === 'watch' && segments.length === 1
          ? (url.searchParams.get('v') ?? undefined)
          : ['embed', 'shorts', 'live'].includes(segments[0] ?? '') && segments.length === 2
            ? segments[1]
            : undefined
        : undefined;
  if (youtubeId !== undefined && YOUTUBE_ID.test(youtubeId))
    return { type: 'iframe', provider: 'YouTube', src: `https://www.youtube-nocookie.com/embed/${youtubeId}` };

  const vimeo =
    host === 'vimeo.com'
      ? { id: segments[0], hash: segments.length === 2 ? segments[1] : undefined, ok: segments.length === 1 || segments.length === 2 }
      : host === 'player.vimeo.com' && segments[0] === 'video'
        ? { id: segments[1], hash: url.searchParams.get('h') ?? undefined, ok: segments.length === 2 }
        : undefined;
  if (vimeo?.ok && vimeo.id !== undefined && VIMEO_ID.test(vimeo.id) && (vimeo.hash === undefined || VIMEO_HASH.test(vimeo.hash))) {
    // Unlisted videos need their hash; dnt=1 keeps Vimeo from tracking viewers.
    return { type: 'iframe', provider: 'Vimeo', src: `https://player.vimeo.com/video/${vimeo.id}?${vimeo.hash ? `h=${vimeo.hash}&` : ''}dnt=1` };
  }

  const extension = /\.(mp4|m4v|webm|mov|m3u8)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  if (extension) {
    const contentType = extension === 'webm' ? 'video/webm' : extension === 'mov' ? 'video/quicktime' : extension === 'm3u8' ? HLS_TYPE : 'video/mp4';
    return { type: 'video', src: url.toString(), contentType };
  }
  return { type: 'link', href: url.toString() };
}
