// Why a webinar as a coordinator described it was refused: its fields' names in the messages, the
// rules of its start (a wall time that does not exist, or happens twice, in its zone), its speakers,
// its area and its address.
import { defineMessages } from '../define-messages.js';

export const webinarRulesMessages = defineMessages(
  {
    'webinarRules.field.slug': 'Slug',
    'webinarRules.field.start': 'Start',
    'webinarRules.field.zone': 'Time zone',
    'webinarRules.field.joinUrl': 'Join link',
    'webinarRules.field.speakerJoinUrl': 'Speakers’ join link',
    'webinarRules.field.closes': 'Registration closes (minutes before)',

    'webinarRules.start.format': 'Enter a date and time as YYYY-MM-DDTHH:MM, for example 2027-03-18T15:00.',
    'webinarRules.start.notOnCalendar': '{local} is not a date and time that exists on the calendar.',
    'webinarRules.start.unknownZone': '"{zone}" is not an IANA time zone such as Europe/Stockholm.',
    'webinarRules.start.gap':
      '{local} does not exist in {zone}: the clocks jump forward over it (daylight saving time gap). Choose a time before or after the gap.',
    'webinarRules.start.twice':
      '{local} happens twice in {zone} because the clocks go back (end of daylight saving time). Give the UTC offset too: {first} (first) or {second} (second).',
    'webinarRules.start.wrongOffset': '{local} in {zone} has the UTC offset {count, plural, one {{first}} other {{first} or {second}}}, not {given}.',
    'webinarRules.start.range': 'The start must be a date from {earliest} to {latest}; {date} is outside that range.',
    'webinarRules.start.withZone': 'Give the start as a local date-time together with the time zone.',

    'webinarRules.speakers.list': 'Speakers must be a list of at most 20 \'{"slug", "role"}\' entries.',
    'webinarRules.speakers.entry': 'Each speaker needs a slug and a role ({roles}).',
    'webinarRules.speakers.twice': 'Speaker "{slug}" is listed twice.',
    'webinarRules.speakers.unknown': 'There is no speaker "{slug}".',
    'webinarRules.area.unknown': 'There is no knowledge area "{slug}".',
    'webinarRules.status.registered': 'People have registered for this webinar, so it cannot go back to draft. Cancel it instead: they will be told.',
    'webinarRules.slugTaken': 'The slug "{slug}" is already used by another {table, select, webinar {webinar} speaker {speaker} other {area}}.',
  },
  {
    'webinarRules.field.slug': 'Adress (slug)',
    'webinarRules.field.start': 'Starttid',
    'webinarRules.field.zone': 'Tidszon',
    'webinarRules.field.joinUrl': 'Anslutningslänk',
    'webinarRules.field.speakerJoinUrl': 'Talarnas anslutningslänk',
    'webinarRules.field.closes': 'Anmälan stänger (minuter före)',

    'webinarRules.start.format': 'Ange datum och klockslag som år-månad-dagTtimme:minut, till exempel 2027-03-18T15:00.',
    'webinarRules.start.notOnCalendar': '{local} är inget datum och klockslag som finns i kalendern.',
    'webinarRules.start.unknownZone': '”{zone}” är ingen IANA-tidszon, som till exempel Europe/Stockholm.',
    'webinarRules.start.gap':
      '{local} finns inte i {zone}: klockan hoppar fram över den tiden (övergången till sommartid). Välj en tid före eller efter glappet.',
    'webinarRules.start.twice':
      '{local} inträffar två gånger i {zone} eftersom klockan ställs tillbaka (när sommartiden slutar). Ange också avvikelsen från UTC: {first} (den första) eller {second} (den andra).',
    'webinarRules.start.wrongOffset': '{local} i {zone} har avvikelsen {count, plural, one {{first}} other {{first} eller {second}}} från UTC, inte {given}.',
    'webinarRules.start.range': 'Starten måste vara ett datum från {earliest} till {latest}; {date} ligger utanför det spannet.',
    'webinarRules.start.withZone': 'Ange starten som lokalt datum och klockslag tillsammans med tidszonen.',

    'webinarRules.speakers.list': 'Talarna måste vara en lista med högst 20 poster av formen \'{"slug", "role"}\'.',
    'webinarRules.speakers.entry': 'Varje talare behöver en slug och en roll ({roles}).',
    'webinarRules.speakers.twice': 'Talaren ”{slug}” står med två gånger.',
    'webinarRules.speakers.unknown': 'Det finns ingen talare ”{slug}”.',
    'webinarRules.area.unknown': 'Det finns inget kunskapsområde ”{slug}”.',
    'webinarRules.status.registered':
      'Det finns anmälningar till webbinariet, så det kan inte bli ett utkast igen. Ställ in det i stället, så får de anmälda veta det.',
    'webinarRules.slugTaken':
      'Adressen ”{slug}” används redan av {table, select, webinar {ett annat webbinarium} speaker {en annan talare} other {ett annat kunskapsområde}}.',
  },
);
