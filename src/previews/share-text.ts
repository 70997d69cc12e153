// Text for link previews and search results: descriptions cut at a whole word, never mid-word.

/** The most characters an og:description (and the meta description) may have. */
export const DESCRIPTION_MAX = 200;

/**
 * The text on one line, at most `max` characters (code points), cut after the last whole word that
 * fits and then ending with "…" (which counts). Punctuation left dangling before the cut goes, so it
 * never reads ",…". A single word longer than the limit is cut inside, as nothing else fits.
 */
export function wholeWords(text: string, max = DESCRIPTION_MAX): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  // A space at index k ends a word whose text is chars[0..k): k ≤ max - 1 leaves room for "…".
  const window = chars.slice(0, max);
  const lastSpace = window.lastIndexOf(' ');
  const kept = (lastSpace > 0 ? window.slice(0, lastSpace) : window.slice(0, max - 1)).join('');
  return `${kept.replace(/[\s,;:\-–—(/]+$/u, '')}…`;
}
