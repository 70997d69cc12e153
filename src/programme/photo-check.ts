// Decides whether an uploaded speaker photo is an image every browser shows (JPEG, PNG or WebP)
// from its bytes: the signature and a header whose dimensions can be read. The name and the type the
// client claimed are never trusted.
import { dataView, startsWith } from '../bytes.js';
import { type MessageKey, type MessageValues, translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';

/** The largest photo accepted: a portrait needs far less, and a phone's photo fits. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The largest width and height accepted, in pixels. */
export const MAX_PHOTO_SIDE = 4096;

export type PhotoFormat = {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  /** The served file's extension, always taken from the detected format. */
  extension: 'jpg' | 'png' | 'webp';
  label: 'JPEG' | 'PNG' | 'WebP';
};

export const PHOTO_FORMATS = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  png: { contentType: 'image/png', extension: 'png', label: 'PNG' },
  webp: { contentType: 'image/webp', extension: 'webp', label: 'WebP' },
} as const satisfies Record<string, PhotoFormat>;

export type CheckedPhoto = PhotoFormat & { width: number; height: number };

export type PhotoCheck = { ok: true; photo: CheckedPhoto } | { ok: false; reason: 'empty' | 'too-large' | 'type' | 'damaged' | 'dimensions'; message: string };

/**
 * The size rule alone, so that a photo too large to keep is refused without its bytes. Refusals
 * are in `language`: the request's for the workspace's form, English for the JSON API.
 */
export function checkPhotoSize(sizeBytes: number, language: Language = currentLanguage()): PhotoCheck | undefined {
  if (sizeBytes === 0) return { ok: false, reason: 'empty', message: translate(language, 'speakerAdmin.photo.empty') };
  if (sizeBytes > MAX_PHOTO_BYTES) return { ok: false, reason: 'too-large', message: photoTooLargeMessage(language) };
  return undefined;
}

export function photoTooLargeMessage(language: Language = currentLanguage()): string {
  return translate(language, 'speakerAdmin.photo.tooLarge', { megabytes: String(MAX_PHOTO_BYTES / (1024 * 1024)) });
}

export function checkPhoto(bytes: Uint8Array, language: Language = currentLanguage()): PhotoCheck {
  const sizeProblem = checkPhotoSize(bytes.length, language);
  if (sizeProblem) return sizeProblem;
  const say = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const format = detectFormat(bytes);
  if (!format) return { ok: false, reason: 'type', message: say(notAPhotoMessage(bytes)) };
  const size = format === PHOTO_FORMATS.jpeg ? jpegSize(bytes) : format === PHOTO_FORMATS.png ? pngSize(bytes) : webpSize(bytes);
  if (!size) return { ok: false, reason: 'damaged', message: say('speakerAdmin.photo.damaged', { format: format.label }) };
  if (size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE) {
    // Pixels as strings: a number would be formatted ("8,000").
    const values = { width: String(size.width), height: String(size.height), max: String(MAX_PHOTO_SIDE) };
    return { ok: false, reason: 'dimensions', message: say('speakerAdmin.photo.dimensions', values) };
  }
  return { ok: true, photo: { ...format, ...size } };
}

function detectFormat(bytes: Uint8Array): PhotoFormat | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return PHOTO_FORMATS.jpeg;
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n')) return PHOTO_FORMATS.png;
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return PHOTO_FORMATS.webp;
  return undefined;
}

/** What the refused file seems to be, so that the coordinator knows what to do about it. */
function notAPhotoMessage(bytes: Uint8Array): MessageKey {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<') && /<svg[\s>]/i.test(head)) {
    // An SVG can carry scripts and links; served from our origin it would be a page of its own.
    return 'speakerAdmin.photo.svg';
  }
  if (startsWith(bytes, 0, 'GIF8')) return 'speakerAdmin.photo.gif';
  const brand = startsWith(bytes, 4, 'ftyp') ? new TextDecoder().decode(bytes.subarray(8, 12)) : '';
  if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) {
    return 'speakerAdmin.photo.heic';
  }
  if (brand === 'avif' || brand === 'avis') return 'speakerAdmin.photo.avif';
  return 'speakerAdmin.photo.notAPhoto';
}

type Size = { width: number; height: number };

function sane(width: number, height: number): Size | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** The frame header (SOF) after the segments before it; baseline and progressive only, as browsers show. */
function jpegSize(bytes: Uint8Array): Size | undefined {
  const view = dataView(bytes);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at++;
      continue;
    }
    // Markers without a length: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // The image data or its end before any frame header: nothing to size.
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = view.getUint16(at + 2);
    if (length < 2) return undefined;
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      if (at + 2 + length > bytes.length || length < 8) return undefined;
      const components = bytes[at + 9]!;
      if (components !== 1 && components !== 3 && components !== 4) return undefined;
      return sane(view.getUint16(at + 7), view.getUint16(at + 5));
    }
    // Other frame types (lossless, arithmetic coding) are not shown by browsers.
    if (marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/** PNG's first chunk must be IHDR (ISO 15948, 11.2.2), with a bit depth its colour type allows. */
function pngSize(bytes: Uint8Array): Size | undefined {
  if (bytes.length < 33 || !startsWith(bytes, 12, 'IHDR')) return undefined;
  const view = dataView(bytes);
  if (view.getUint32(8) !== 13) return undefined;
  const depth = bytes[24]!;
  const colour = bytes[25]!;
  const depths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  if (!depths[colour]?.includes(depth) || bytes[26] !== 0 || bytes[27] !== 0 || bytes[28]! > 1) return undefined;
  return sane(view.getUint32(16), view.getUint32(20));
}

/** The first chunk of a WebP file: a lossy (VP8), lossless (VP8L) or extended (VP8X) header. */
function webpSize(bytes: Uint8Array): Size | undefined {
  if (bytes.length < 30) return undefined;
  const view = dataView(bytes);
  // The RIFF size counts from byte 8 and may not claim more than the file holds.
  if (view.getUint32(4, true) + 8 > bytes.length + 1) return undefined;
  const chunk = new TextDecoder().decode(bytes.subarray(12, 16));
  if (chunk === 'VP8 ') {
    // A key frame (bit 0 of the frame tag clear) and its start code.
    if ((bytes[20]! & 1) !== 0 || bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
    return sane(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return undefined;
    const bits = view.getUint32(21, true);
    return sane((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    const uint24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return sane(uint24(24) + 1, uint24(27) + 1);
  }
  return undefined;
}
