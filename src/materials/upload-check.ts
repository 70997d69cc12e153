// Decides what an uploaded file really is from its bytes (PDF, PPTX, ODP, Keynote; MP4 and WebM
// video), in memory or in a file; the name is never trusted.
import { dataView, startsWith } from '../bytes.js';
import { translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';

/** Slides and documents. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** A recording: a 90-minute webinar in 1080p at a webinar's usual 2.5 Mbit/s is about 1.7 GB. */
export const MAX_VIDEO_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export type UploadType = {
  contentType: string;
  /** The stored file's extension, always taken from the detected type. */
  extension: 'pdf' | 'pptx' | 'odp' | 'key' | 'mp4' | 'webm';
  /** For people: "PDF", "PowerPoint". */
  label: string;
};

export const UPLOAD_TYPES = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'PowerPoint' },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', extension: 'odp', label: 'OpenDocument presentation' },
  key: { contentType: 'application/vnd.apple.keynote', extension: 'key', label: 'Keynote' },
} as const satisfies Record<string, UploadType>;

/** Video files every current browser plays in a page's own player (a recording's file). */
export const VIDEO_TYPES = {
  mp4: { contentType: 'video/mp4', extension: 'mp4', label: 'MP4 video' },
  webm: { contentType: 'video/webm', extension: 'webm', label: 'WebM video' },
} as const satisfies Record<string, UploadType>;

export function isVideoType(type: Pick<UploadType, 'contentType'>): boolean {
  return Object.values(VIDEO_TYPES).some((video) => video.contentType === type.contentType);
}

/** A label for any stored file's type in `language` ("MP4 video", "MP4-video"), "File" for one we do not know. */
export function fileTypeLabel(contentType: string, language: Language = currentLanguage()): string {
  const type = [...Object.values(UPLOAD_TYPES), ...Object.values(VIDEO_TYPES)].find((known) => known.contentType === contentType);
  return translate(language, type ? `materials.fileType.${type.extension}` : 'materials.fileType.other');
}

export type UploadCheck = { ok: true; type: UploadType } | { ok: false; reason: 'empty' | 'too-large' | 'type'; message: string };

/**
 * Size rules alone, so that a too-large upload is refused before its bytes are read. The message
 * is in `language`: the request's for a page, English for the JSON API.
 */
export function checkUploadSize(sizeBytes: number, maxBytes = MAX_UPLOAD_BYTES, language: Language = currentLanguage()): UploadCheck | undefined {
  if (sizeBytes === 0) return { ok: false, reason: 'empty', message: translate(language, 'materials.upload.empty') };
  if (sizeBytes > maxBytes) return { ok: false, reason: 'too-large', message: tooLargeMessage(maxBytes, language) };
  return undefined;
}

export function tooLargeMessage(maxBytes = MAX_UPLOAD_BYTES, language: Language = currentLanguage()): string {
  if (maxBytes > MAX_UPLOAD_BYTES) return translate(language, 'materials.upload.videoTooLarge', { size: formatFileSize(maxBytes) });
  return translate(language, 'materials.upload.tooLarge', { size: formatFileSize(maxBytes), videoSize: formatFileSize(MAX_VIDEO_UPLOAD_BYTES) });
}

/** The size limit for a material of this kind: recordings are videos. */
export function maxUploadBytesFor(kind: unknown): number {
  return kind === 'recording' ? MAX_VIDEO_UPLOAD_BYTES : MAX_UPLOAD_BYTES;
}

/** What the file is meant to be (a recording is a video, anything else a document), and the language of a refusal. */
export type UploadPurpose = { kind?: string; language?: Language };

export function checkUpload(bytes: Uint8Array, options: { maxBytes?: number } & UploadPurpose = {}): UploadCheck {
  return (
    checkUploadSize(bytes.length, options.maxBytes ?? maxUploadBytesFor(options.kind), options.language) ?? checkUploadType(detectUploadType(bytes), options)
  );
}

/** The type rule alone, for a file whose type was detected where it lies (see detectUploadTypeIn). */
export function checkUploadType(type: UploadType | undefined, purpose: UploadPurpose = {}): UploadCheck {
  const refused = (key: 'materials.upload.recordingNotVideo' | 'materials.upload.videoNotRecording' | 'materials.upload.notADocument'): UploadCheck => ({
    ok: false,
    reason: 'type',
    message: translate(purpose.language ?? currentLanguage(), key),
  });
  if (purpose.kind === 'recording') return type && isVideoType(type) ? { ok: true, type } : refused('materials.upload.recordingNotVideo');
  if (type && isVideoType(type)) return refused('materials.upload.videoNotRecording');
  if (!type) return refused('materials.upload.notADocument');
  return { ok: true, type };
}

export function detectUploadType(bytes: Uint8Array): UploadType | undefined {
  return inspectBytes(bytes, uploadType(bytes.length));
}

/**
 * detectUploadType for a file that is not in memory: `read` is asked for the few ranges the rules
 * look at (the first bytes; for a ZIP its end, its directory and one small entry), never the whole.
 */
export async function detectUploadTypeIn(sizeBytes: number, read: (offset: number, length: number) => Promise<Uint8Array>): Promise<UploadType | undefined> {
  const inspection = uploadType(sizeBytes);
  let step = inspection.next();
  while (!step.done) step = inspection.next(await read(step.value.offset, step.value.length));
  return step.value;
}

/** The entries listed in the ZIP central directory, or undefined when it cannot be read. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  return inspectBytes(bytes, zipEntries(bytes.length));
}

// The rules below ask for the bytes they need, one range at a time (`yield`), so that the same code
// reads an upload in memory (inspectBytes) and one in a file (detectUploadTypeIn). A range past the
// end of the file comes back shorter, as a read would.

type ByteRange = { offset: number; length: number };
type Inspection<T> = Generator<ByteRange, T, Uint8Array>;

function inspectBytes<T>(bytes: Uint8Array, inspection: Inspection<T>): T {
  let step = inspection.next();
  while (!step.done) step = inspection.next(bytes.subarray(step.value.offset, step.value.offset + step.value.length));
  return step.value;
}

/** A presentation's directory is a few kilobytes; one larger than this is refused rather than read into memory. */
const MAX_ZIP_DIRECTORY_BYTES = 4 * 1024 * 1024;

function* uploadType(size: number): Inspection<UploadType | undefined> {
  const head = yield { offset: 0, length: 64 };
  if (startsWith(head, 0, '%PDF-')) return UPLOAD_TYPES.pdf;
  if (startsWith(head, 0, 'PK\x03\x04')) return yield* zipPresentationType(size);
  return videoType(head);
}

/**
 * Brands of the ISO base media format that browsers play as video/mp4. QuickTime (`qt  `) and
 * 3GP are left out: Chromium and Firefox play only some of them; a coordinator exports MP4 instead.
 */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'dash',
  'av01',
  'cmfc',
  'mmp4',
]);

/** MP4 (an `ftyp` box first, naming an MP4 brand) or WebM (an EBML header whose DocType is "webm"). */
function videoType(head: Uint8Array): UploadType | undefined {
  if (startsWith(head, 4, 'ftyp') && head.length >= 16) {
    const boxSize = Math.min(dataView(head).getUint32(0), head.length);
    const ascii = (at: number) => String.fromCharCode(...head.subarray(at, at + 4));
    // The major brand, then (after the minor version) the compatible brands, four bytes each.
    const brands = [ascii(8)];
    for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(at));
    return brands.some((brand) => MP4_BRANDS.has(brand)) ? VIDEO_TYPES.mp4 : undefined;
  }
  // RFC 9559: the EBML element (1A 45 DF A3) holds a DocType element (42 82) near the start;
  // Matroska files that are not WebM (.mkv) do not play in every browser.
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    for (let at = 4; at + 6 <= head.length; at++) {
      if (head[at] === 0x42 && head[at + 1] === 0x82 && head[at + 2] === 0x84) return startsWith(head, at + 3, 'webm') ? VIDEO_TYPES.webm : undefined;
    }
  }
  return undefined;
}

function* zipPresentationType(size: number): Inspection<UploadType | undefined> {
  const entries = yield* zipEntries(size);
  if (!entries || entries.length === 0) return undefined;
  // ODF 1.2 part 3, 3.3: the first entry is an uncompressed "mimetype" naming the document type.
  const first = entries[0]!;
  if (first.name === 'mimetype' && first.method === 0 && (yield* storedText(size, first)) === UPLOAD_TYPES.odp.contentType) return UPLOAD_TYPES.odp;
  const names = entries.map((entry) => entry.name);
  if (names.includes('[Content_Types].xml') && names.some((name) => name.startsWith('ppt/'))) return UPLOAD_TYPES.pptx;
  // Keynote '09 keeps an Index.zip; Keynote 6 and later keep Index/*.iwa protobuf archives.
  if (names.includes('Index.zip') || names.some((name) => /^Index\/[^/]+\.iwa$/.test(name))) return UPLOAD_TYPES.key;
  return undefined;
}

type ZipEntry = { name: string; method: number; compressedSize: number; localHeaderOffset: number };

function* zipEntries(size: number): Inspection<ZipEntry[] | undefined> {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
  const tailOffset = Math.max(0, size - 22 - 0xffff);
  const tail = yield { offset: tailOffset, length: size - tailOffset };
  const endInTail = findEndOfCentralDirectory(tail);
  if (endInTail === undefined) return undefined;
  const end = dataView(tail);
  const count = end.getUint16(endInTail + 10, true);
  const directorySize = end.getUint32(endInTail + 12, true);
  const directoryOffset = end.getUint32(endInTail + 16, true);
  const eocd = tailOffset + endInTail;
  // ZIP64 markers: a presentation under 50 MB has no need for them, and we do not read them.
  if (count === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > eocd) return undefined;
  // Entries may run on up to the end record, so that is what is read.
  if (eocd - directoryOffset > MAX_ZIP_DIRECTORY_BYTES) return undefined;
  const directory = yield { offset: directoryOffset, length: eocd - directoryOffset };
  const view = dataView(directory);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > directory.length) return undefined;
    entries.push({
      name: new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where the end record starts in `tail`, the last bytes of the file. */
function findEndOfCentralDirectory(tail: Uint8Array): number | undefined {
  const view = dataView(tail);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x06054b50 && at + 22 + view.getUint16(at + 20, true) === tail.length) return at;
  }
  return undefined;
}

/** The content of a stored (uncompressed) entry as text, via its local header. */
function* storedText(size: number, entry: ZipEntry): Inspection<string | undefined> {
  const at = entry.localHeaderOffset;
  if (entry.compressedSize > 200 || at + 30 > size) return undefined;
  const header = dataView(yield { offset: at, length: 30 });
  if (header.getUint32(0, true) !== 0x04034b50) return undefined;
  const start = at + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  if (start + entry.compressedSize > size) return undefined;
  return new TextDecoder().decode(yield { offset: start, length: entry.compressedSize });
}

/** "2 GB", "1.7 GB", "50 MB", "2.4 MB", "180 KB". */
export function formatFileSize(bytes: number): string {
  const gb = bytes / (1024 * 1024 * 1024);
  if (gb >= 1) return gb >= 10 ? `${Math.round(gb)} GB` : `${gb.toFixed(1).replace(/\.0$/, '')} GB`;
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return mb >= 10 || Number.isInteger(mb) ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
