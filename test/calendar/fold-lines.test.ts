import { foldLines as icalGeneratorFoldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { foldLines } from '../../src/calendar/fold-lines.js';

/** A small deterministic generator, so that a failure can be run again. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

// One of each UTF-8 length, the pieces of a surrogate pair on their own, and the line breaks.
const PIECES = ['a', ' ', ';', '\\', 'é', 'Ø', '—', '中', '€', '🚀', '👩‍🔬', 'e\u0301', '\uD83D', '\uDE80', '\n', '\r', '\r\n'];

function randomText(next: (n: number) => number): string {
  let text = 'DESCRIPTION:';
  const length = next(400);
  for (let i = 0; i < length; i++) text += PIECES[next(PIECES.length)];
  return text;
}

describe('foldLines', () => {
  it('folds exactly where ical-generator folds, for 2,000 random lines of mixed scripts', () => {
    const next = random(20_271_130);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(next);
      expect(foldLines(text), JSON.stringify(text)).toBe(icalGeneratorFoldLines(text));
    }
  });

  it('keeps every line within 74 octets of content and never splits a character', () => {
    const line = `SUMMARY:${'中'.repeat(30)}${'🚀'.repeat(30)}`;
    const folded = foldLines(line);
    // 8 + 22 × 3 octets fill the first line; then a space, 8 × 3 + 12 × 4, as the 13th 🚀 would not fit.
    expect(folded.split('\r\n').map((l) => Buffer.byteLength(l, 'utf8'))).toEqual([74, 73, 73]);
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
  });

  it('leaves short lines and their CRLF line ends alone', () => {
    expect(foldLines('BEGIN:VEVENT\r\nUID:a@b\r\nEND:VEVENT')).toBe('BEGIN:VEVENT\r\nUID:a@b\r\nEND:VEVENT');
  });
});
