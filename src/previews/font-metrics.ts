// Reads what the preview cards need from a TrueType/OpenType file: which characters it has a glyph
// for and how wide each one is, so that text is wrapped to the card and characters the font lacks
// are left out instead of drawn as "no glyph" boxes. Kerning is ignored: lines are measured a
// little wide, which only wraps a word early.

export type FontMetrics = {
  /** Whether the font has a glyph for the code point. */
  covers(codePoint: number): boolean;
  /** Width of the text at the size, in the same unit as the size (pixels on the card). */
  widthOf(text: string, size: number): number;
};

export function readFontMetrics(file: Uint8Array): FontMetrics {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(file[record]!, file[record + 1]!, file[record + 2]!, file[record + 3]!);
    tables.set(tag, view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`The font has no ${tag} table.`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metricsCount = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advanceOf = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metricsCount - 1));
  const glyphOf = readCmap(view, table('cmap'));
  const widths = new Map<number, number>();
  return {
    covers: (codePoint) => glyphOf(codePoint) !== 0,
    widthOf(text, size) {
      let units = 0;
      for (const char of text) {
        const codePoint = char.codePointAt(0)!;
        let advance = widths.get(codePoint);
        if (advance === undefined) {
          advance = advanceOf(glyphOf(codePoint));
          widths.set(codePoint, advance);
        }
        units += advance;
      }
      return (units * size) / unitsPerEm;
    },
  };
}

/** The Unicode character-to-glyph map: format 12 (all planes) where present, else format 4 (BMP). */
function readCmap(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4: number | undefined;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const subtable = cmap + view.getUint32(record + 4);
    const format = view.getUint16(subtable);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return format12(view, subtable);
    if (format === 4) format4 ??= subtable;
  }
  if (format4 === undefined) throw new Error('The font has no Unicode character map.');
  return format4Lookup(view, format4);
}

function format12(view: DataView, subtable: number): (codePoint: number) => number {
  const groups = view.getUint32(subtable + 12);
  return (codePoint) => {
    let low = 0;
    let high = groups - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const group = subtable + 16 + middle * 12;
      const start = view.getUint32(group);
      const end = view.getUint32(group + 4);
      if (codePoint < start) high = middle - 1;
      else if (codePoint > end) low = middle + 1;
      else return view.getUint32(group + 8) + (codePoint - start);
    }
    return 0;
  };
}

function format4Lookup(view: DataView, subtable: number): (codePoint: number) => number {
  const segments = view.getUint16(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > view.getUint16(ends + i * 2)) continue;
      const start = view.getUint16(starts + i * 2);
      if (codePoint < start) return 0;
      const delta = view.getInt16(deltas + i * 2);
      const rangeOffset = view.getUint16(rangeOffsets + i * 2);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + i * 2 + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
