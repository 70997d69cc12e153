import { describe, expect, it } from 'vitest';
import { detectUploadType } from '../../src/materials/upload-check.js';
import { textPdf } from '../../src/materials/text-pdf.js';

/** What a PDF reader relies on first: the cross-reference table points at each object it lists. */
function structureProblems(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const problems: string[] = [];
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  if (!text.startsWith('xref\n', startxref)) problems.push('startxref does not point at the xref table');
  const table = /xref\n0 (\d+)\n((?:\d{10} \d{5} [fn] \n)+)/.exec(text.slice(startxref));
  if (!table) return [...problems, 'no xref table'];
  const entries = table[2]!.trim().split('\n').slice(1);
  if (entries.length !== Number(table[1]) - 1) problems.push('xref size does not match its entries');
  entries.forEach((entry, i) => {
    const offset = Number(entry.slice(0, 10));
    if (!text.startsWith(`${i + 1} 0 obj\n`, offset)) problems.push(`object ${i + 1} is not at ${offset}`);
  });
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = match.index + match[0].length;
    if (!text.startsWith('\nendstream', start + Number(match[1]))) problems.push(`a stream's /Length is wrong at ${match.index}`);
  }
  return problems;
}

describe('textPdf', () => {
  it('writes a PDF whose cross-references and stream lengths are right, one page per slide', () => {
    const pdf = textPdf('Öppen innovation', [
      { heading: 'Öppen innovation – “samarbete”', lines: ['Parentheses (and a backslash \\) are escaped', 'word '.repeat(60)] },
      { heading: 'Chen Jing (陈静)', lines: [] },
      { heading: 'A heading far too long for one line of thirty-point type on the slide', lines: [] },
    ]);
    expect(detectUploadType(pdf)?.contentType).toBe('application/pdf');
    expect(structureProblems(pdf)).toEqual([]);
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.match(/\/Type \/Page /g)).toHaveLength(3);
    expect(text).toContain('(A heading far too long for one line of) Tj');
    // Latin-1 letters stay themselves in WinAnsiEncoding; what the standard font lacks becomes "?".
    expect(text).toContain('(\xd6ppen innovation - "samarbete") Tj');
    expect(text).toContain('(Parentheses \\(and a backslash \\\\\\) are escaped) Tj');
    expect(text).toContain('(Chen Jing \\(??\\)) Tj');
    // Long lines are wrapped at about 70 characters.
    expect(Math.max(...[...text.matchAll(/\((word[^)]*)\) Tj/g)].map((m) => m[1]!.length))).toBeLessThanOrEqual(70);
  });
});
