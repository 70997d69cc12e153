// The English a page in another language still shows: the catalogue's English words that a page's
// text (and the attributes people read: title, aria-label, alt, placeholder) contains. Every
// message is cut at its placeholders; each stretch of at least two words that the Swedish message
// does not share is looked for, so that "Times are now shown for {zone}." is caught with any zone.
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUE, type MessageKey } from '../../src/i18n/catalogue.js';
import { LOCALES } from '../../src/i18n/languages.js';
import { all, parse } from '../helpers/dom.js';

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** The literal stretches of a message, between its placeholders, in plural and select branches too. */
function literals(nodes: readonly Node[], found: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 0 && node.value) found.push(node.value);
    for (const option of Object.values(node.options ?? {})) literals(option.value, found);
    if (node.children) literals(node.children, found);
  }
  return found;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What a reader of the page sees or hears: the text, the title and the labelling attributes. */
export function readableText(html: string): string {
  const document = parse(html);
  const attributes = ['title', 'aria-label', 'alt', 'placeholder'].flatMap((name) =>
    all(document, `[${name}]`).map((element) => element.getAttribute(name) ?? ''),
  );
  const body = all(document, 'body')[0]?.textContent ?? '';
  return squash([document.title, body, ...attributes].join('\n'));
}

/**
 * The English catalogue text (of the keys starting with `keysPrefix`, or all) found in `html`:
 * stretches of two words or more of messages whose Swedish differs, that the Swedish message does
 * not contain too. An empty list means the page has none.
 */
export function leftoverEnglish(html: string, keysPrefix = ''): string[] {
  const text = readableText(html);
  const found = new Set<string>();
  for (const key of Object.keys(CATALOGUE.en) as MessageKey[]) {
    if (!key.startsWith(keysPrefix)) continue;
    const english = CATALOGUE.en[key];
    const swedish = CATALOGUE.sv[key];
    if (english === swedish) continue;
    const swedishText = squash(literals(new IntlMessageFormat(swedish, LOCALES.sv).getAst() as Node[]).join(' '));
    for (const stretch of literals(new IntlMessageFormat(english, LOCALES.en).getAst() as Node[]).map(squash)) {
      if (stretch.split(' ').filter((word) => /\p{L}/u.test(word)).length < 2 || swedishText.includes(stretch)) continue;
      if (text.includes(stretch)) found.add(stretch);
    }
  }
  return [...found];
}
