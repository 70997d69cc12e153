// How text is folded for searching, the same for stored search columns and for what people type:
// lower case in every script ("Åsa" from "åsa", "Österlund" from "ÖSTERLUND"), composed the same
// way whether typed on a phone or pasted. SQL's LIKE and lower() cannot do this on both engines
// (SQLite folds ASCII only, PostgreSQL depends on the server's locale), so it happens here.
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLowerCase();
}
