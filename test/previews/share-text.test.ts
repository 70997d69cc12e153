import { describe, expect, it } from 'vitest';
import { wholeWords } from '../../src/previews/share-text.js';

describe('wholeWords', () => {
  it('keeps a text that fits as it is, on one line', () => {
    expect(wholeWords('  Pilots with\n startups  ', 200)).toBe('Pilots with startups');
  });

  it('cuts after the last whole word and ends with an ellipsis within the limit', () => {
    const text = 'alpha beta gamma delta epsilon';
    expect(wholeWords(text, 16)).toBe('alpha beta…');
    expect(wholeWords(text, 17)).toBe('alpha beta gamma…');
    expect([...wholeWords(text, 17)].length).toBeLessThanOrEqual(17);
  });

  it('never ends on a dangling comma or dash before the ellipsis', () => {
    expect(wholeWords('Pilots, procurement – and contracts later', 24)).toBe('Pilots, procurement…');
  });

  it('holds a 200-character limit for a long abstract, every kept word whole', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    const cut = wholeWords(words.join(' '));
    expect([...cut].length).toBeLessThanOrEqual(200);
    expect(cut.endsWith('…')).toBe(true);
    for (const word of cut.slice(0, -1).split(' ')) expect(words).toContain(word);
  });

  it('counts characters, not UTF-16 units, and cuts one giant word inside', () => {
    expect(wholeWords('陈静'.repeat(150), 10)).toBe(`${'陈静'.repeat(4)}陈…`);
  });
});
