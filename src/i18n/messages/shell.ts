// The page shell every page shares: skip link, main navigation, zone indicator, language switch, footer.
import { defineMessages } from '../define-messages.js';

export const shellMessages = defineMessages(
  {
    'shell.skip': 'Skip to content',
    'shell.nav.label': 'Main',
    'shell.nav.programme': 'Programme',
    'shell.nav.recordings': 'Recordings',
    'shell.zone.timesIn': 'Times in',
    'shell.zone.change': '({zone}), change time zone',
    'shell.zoneOffer.shown': 'Times are shown for {zone}. Your device is set to',
    'shell.zoneOffer.link': 'show times in your zone',
    'shell.language.label': 'Language',
    'shell.footer.privacy': 'Privacy',
    'shell.footer.calendar': 'Programme calendar',
    'shell.footer.zone': 'Time zone',
  },
  {
    'shell.skip': 'Hoppa till innehållet',
    'shell.nav.label': 'Huvudmeny',
    'shell.nav.programme': 'Program',
    'shell.nav.recordings': 'Inspelningar',
    'shell.zone.timesIn': 'Tider i',
    'shell.zone.change': '({zone}), byt tidszon',
    'shell.zoneOffer.shown': 'Tiderna visas för {zone}. Din enhet är inställd på',
    'shell.zoneOffer.link': 'visa tiderna i din tidszon',
    'shell.language.label': 'Språk',
    'shell.footer.privacy': 'Integritet',
    'shell.footer.calendar': 'Programmets kalender',
    'shell.footer.zone': 'Tidszon',
  },
);
