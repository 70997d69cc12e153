// Decides what an uploaded file really is from its bytes (PDF, PPTX, ODP, Keynote), in memory or in a
// file; the name is never trusted.
import { dataView, startsWith } from '../bytes.js';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type UploadType = {
  contentType: string;
  /** The stored file's extension, always taken from the detected type. */
  extension: 'pdf' | 'pptx' | 'odp' | 'key';
  /** For people: "PDF", "PowerPoint". */
  label: string;
};

export const UPLOAD_TYPES = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'PowerPoint' },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', extension: 'odp', label: 'OpenDocument presentation' },
  key: { contentType: 'application/vnd.apple.keynote', extension: 'key', label: 'Keynote' },
} as const satisfies Record<string, UploadType>;

export const ACCEPTED_TYPES_TEXT = 'a PDF, a PowerPoint (.pptx), an OpenDocument presentation (.odp) or a Keynote (.key) file';

export type UploadCheck = { ok: true; type: UploadType } | { ok: false; reason: 'empty' | 'too-large' | 'type'; message: string };

/** Size rules alone, so that a too-large upload is refused before its bytes are read. */
export function checkUploadSize(sizeBytes: number, maxBytes = MAX_UPLOAD_BYTES): UploadCheck | undefined {
  if (sizeBytes === 0) return { ok: false, reason: 'empty', message: 'The file is empty. Choose the file again; it may not have finished saving.' };
  if (sizeBytes > maxBytes) return { ok: false, reason: 'too-large', message: tooLargeMessage(maxBytes) };
  return undefined;
}

export function tooLargeMessage(maxBytes = MAX_UPLOAD_BYTES): string {
  return `The file is larger than ${formatFileSize(maxBytes)}. Publish large files such as videos as a link instead.`;
}

export function checkUpload(bytes: Uint8Array, options: { maxBytes?: number } = {}): UploadCheck {
  return checkUploadSize(bytes.length, options.maxBytes) ?? checkUploadType(detectUploadType(bytes));
}

/** The type rule alone, for a file whose type was detected where it lies (see detectUploadTypeIn). */
export function checkUploadType(type: UploadType | undefined): UploadCheck {
  if (!type) return { ok: false, reason: 'type', message: `This file is not ${ACCEPTED_TYPES_TEXT}. Upload one of these, or publish the material as a link.` };
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
  const head = yield { offset: 0, length: 5 };
  if (startsWith(head, 0, '%PDF-')) return UPLOAD_TYPES.pdf;
  if (startsWith(head, 0, 'PK\x03\x04')) return yield* zipPresentationType(size);
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

/** "50 MB", "2.4 MB", "180 KB". */
export function formatFileSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return mb >= 10 || Number.isInteger(mb) ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
