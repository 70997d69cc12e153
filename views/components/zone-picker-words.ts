// The words the zone type-ahead (views/assets/hub.js.ts) shows and says, for a page in another
// language than the script's own English: one script serves every page, so the page carries them.
import { t } from '../../src/i18n/catalogue.js';
import { currentLanguage } from '../../src/i18n/current-language.js';

/** JSON for a zone field's data-zone-words; undefined in English, which the script already speaks. */
export function zonePickerWords(): string | undefined {
  if (currentLanguage() === 'en') return undefined;
  // {count}, {place} and {zone} are left for the script to fill in.
  return JSON.stringify({
    list: t('public.zone.picker.list'),
    now: t('public.zone.now'),
    none: t('public.zone.picker.none'),
    one: t('public.zone.picker.one'),
    many: t('public.zone.picker.many', { count: '{count}' }),
    chosen: t('public.zone.picker.chosen', { place: '{place}', zone: '{zone}' }),
  });
}
