// Reading file headers: the small byte helpers the upload checks (slides, photos) share.

/** A DataView over exactly these bytes (a Buffer may sit inside a larger pool). */
export function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether `text` (ASCII) stands in `bytes` at `offset`. */
export function startsWith(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}
