// Decides what an uploaded file really is from its bytes (PDF, PPTX, ODP, Keynote); the name is never trusted.

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
  const sizeProblem = checkUploadSize(bytes.length, options.maxBytes);
  if (sizeProblem) return sizeProblem;
  const type = detectUploadType(bytes);
  if (!type) return { ok: false, reason: 'type', message: `This file is not ${ACCEPTED_TYPES_TEXT}. Upload one of these, or publish the material as a link.` };
  return { ok: true, type };
}

export function detectUploadType(bytes: Uint8Array): UploadType | undefined {
  if (startsWith(bytes, 0, '%PDF-')) return UPLOAD_TYPES.pdf;
  if (startsWith(bytes, 0, 'PK\x03\x04')) return zipPresentationType(bytes);
  return undefined;
}

function zipPresentationType(bytes: Uint8Array): UploadType | undefined {
  const entries = readZipEntries(bytes);
  if (!entries || entries.length === 0) return undefined;
  // ODF 1.2 part 3, 3.3: the first entry is an uncompressed "mimetype" naming the document type.
  const first = entries[0]!;
  if (first.name === 'mimetype' && first.method === 0 && storedText(bytes, first) === UPLOAD_TYPES.odp.contentType) return UPLOAD_TYPES.odp;
  const names = entries.map((entry) => entry.name);
  if (names.includes('[Content_Types].xml') && names.some((name) => name.startsWith('ppt/'))) return UPLOAD_TYPES.pptx;
  // Keynote '09 keeps an Index.zip; Keynote 6 and later keep Index/*.iwa protobuf archives.
  if (names.includes('Index.zip') || names.some((name) => /^Index\/[^/]+\.iwa$/.test(name))) return UPLOAD_TYPES.key;
  return undefined;
}

type ZipEntry = { name: string; method: number; compressedSize: number; localHeaderOffset: number };

/** The entries listed in the ZIP central directory, or undefined when it cannot be read. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd === undefined) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: a presentation under 50 MB has no need for them, and we do not read them.
  if (count === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > eocd) return undefined;
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) return undefined;
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number | undefined {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50 && at + 22 + view.getUint16(at + 20, true) === bytes.length) return at;
  }
  return undefined;
}

/** The content of a stored (uncompressed) entry as text, via its local header. */
function storedText(bytes: Uint8Array, entry: ZipEntry): string | undefined {
  const at = entry.localHeaderOffset;
  if (entry.compressedSize > 200 || at + 30 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== 0x04034b50) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return undefined;
  return new TextDecoder().decode(bytes.subarray(start, end));
}

function startsWith(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** "50 MB", "2.4 MB", "180 KB". */
export function formatFileSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return mb >= 10 || Number.isInteger(mb) ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
