// A feature's messages in both languages, checked by the compiler: the Swedish object must have
// exactly the English keys (a missing or an extra key does not compile).

/** ICU MessageFormat text: "{count, plural, one {# seat} other {# seats}} left". */
export type MessageText = string;

export type Bilingual<Keys extends string> = { en: Record<Keys, MessageText>; sv: Record<Keys, MessageText> };

export function defineMessages<const English extends Record<string, MessageText>>(
  en: English,
  sv: { [Key in keyof English]: MessageText },
): Bilingual<Extract<keyof English, string>> {
  return { en, sv: sv as Record<Extract<keyof English, string>, MessageText> };
}
