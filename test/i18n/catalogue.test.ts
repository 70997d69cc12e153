// The message catalogue: every key in both languages, every message valid ICU with the same
// placeholders in English and Swedish, and formatted in the language being rendered.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type MessageKey, t, translate } from '../../src/i18n/catalogue.js';
import { withLanguage } from '../../src/i18n/current-language.js';
import { LOCALES } from '../../src/i18n/languages.js';

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** The names a message puts in ({zone}, {count, plural, …}), from intl-messageformat's own parse. */
function placeholders(nodes: readonly Node[], found = new Set<string>()): Set<string> {
  for (const node of nodes) {
    // Type 0 is literal text and 7 is the # of a plural; every other node names an argument.
    if (node.type !== 0 && node.type !== 7 && node.value) found.add(node.value);
    for (const option of Object.values(node.options ?? {})) placeholders(option.value, found);
    if (node.children) placeholders(node.children, found);
  }
  return found;
}

describe('the message catalogue', () => {
  it('has every key in English and in Swedish, none empty', () => {
    const english = Object.keys(CATALOGUE.en).sort();
    expect(Object.keys(CATALOGUE.sv).sort()).toEqual(english);
    expect(english.length).toBeGreaterThan(0);
    for (const key of english as MessageKey[]) {
      expect(CATALOGUE.en[key].trim(), key).not.toBe('');
      expect(CATALOGUE.sv[key].trim(), key).not.toBe('');
    }
  });

  it('has messages that parse as ICU, with the same placeholders in both languages', () => {
    for (const key of Object.keys(CATALOGUE.en) as MessageKey[]) {
      const en = new IntlMessageFormat(CATALOGUE.en[key], LOCALES.en).getAst() as Node[];
      const sv = new IntlMessageFormat(CATALOGUE.sv[key], LOCALES.sv).getAst() as Node[];
      expect([...placeholders(sv)].sort(), key).toEqual([...placeholders(en)].sort());
    }
  });

  it('formats in the language being rendered, English outside of a request or an email', () => {
    expect(t('shell.zone.change', { zone: 'Asia/Shanghai' })).toBe('(Asia/Shanghai), change time zone');
    expect(withLanguage('sv', () => t('shell.zone.change', { zone: 'Asia/Shanghai' }))).toBe('(Asia/Shanghai), byt tidszon');
    expect(translate('sv', 'shell.nav.recordings')).toBe('Inspelningar');
  });
});
