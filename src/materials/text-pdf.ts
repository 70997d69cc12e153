// A small, valid PDF of text slides (PDF 1.4, Helvetica), for the demo programme's slides. Enough
// for a title and a few bullet lines per page; not a layout engine.

const PAGE_WIDTH = 842; // A4 landscape, in points
const PAGE_HEIGHT = 595;
const MARGIN = 60;
const WRAP_AT = 70;
const HEADING_WRAP_AT = 44;

export type Slide = { heading: string; lines: string[] };

/** Helvetica with WinAnsiEncoding covers Latin-1 (å, ä, ö, é); anything else becomes "?". */
function winAnsi(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function escapePdfString(text: string): string {
  return winAnsi(text).replace(/[\\()]/g, (c) => `\\${c}`);
}

function wrap(line: string, at = WRAP_AT): string[] {
  const words = line.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + 1 + word.length > at) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out.length > 0 ? out : [''];
}

/** One page; text beyond the bottom margin is cut, so keep slides to a dozen short lines. */
function pageContent(slide: Slide): string {
  const parts = ['BT', `/F2 30 Tf`, `${MARGIN} ${PAGE_HEIGHT - MARGIN - 30} Td`];
  for (const line of wrap(slide.heading, HEADING_WRAP_AT)) parts.push(`(${escapePdfString(line)}) Tj`, '0 -36 Td');
  parts.push('/F1 18 Tf', '0 -18 Td');
  for (const line of slide.lines.flatMap((line) => wrap(line))) parts.push(`(${escapePdfString(line)}) Tj`, '0 -26 Td');
  parts.push('ET');
  return parts.join('\n');
}

/** The bytes of a PDF with one page per slide. */
export function textPdf(title: string, slides: readonly Slide[]): Uint8Array {
  // Objects: 1 catalog, 2 page tree, 3 and 4 fonts, 5 info, then a page and its content per slide.
  const pageIds = slides.map((_, i) => 6 + i * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${slides.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Title (${escapePdfString(title)}) /Producer (Webinar hub) >>`,
  ];
  for (const [i, slide] of slides.entries()) {
    const content = pageContent(slide);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  }
  // Every character is one byte in latin1, so string lengths are the byte offsets the xref needs.
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const [i, object] of objects.entries()) {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}
