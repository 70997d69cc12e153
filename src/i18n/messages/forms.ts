// What every form says about its fields: FieldReader's messages (the field's label is put in as the
// caller gives it), the error summary's heading and the "(optional)" mark of the form kit.
import { defineMessages } from '../define-messages.js';

export const formsMessages = defineMessages(
  {
    'forms.optional': '(optional)',
    'forms.summary.count': '{count, plural, one {One thing to fix} other {# things to fix}}',
    'forms.required': '{label} is required.',
    'forms.notText': '{label} must be text.',
    'forms.tooShort': '{label} must be at least {min} characters.',
    'forms.tooLong': '{label} must be at most {max} characters.',
    'forms.oneLine': '{label} must be on one line.',
    'forms.controlCharacters': '{label} contains control characters.',
    'forms.wholeNumber': '{label} must be a whole number.',
    'forms.between': '{label} must be between {min} and {max}.',
    'forms.email': '{label} must be an email address such as name@example.com.',
    'forms.url': '{label} must be a full {httpsOnly, select, yes {https://} other {http:// or https://}} address.',
    'forms.choice': '{label} must be one of: {choices}.',
    'forms.slug': '{label} may contain only lower-case letters, digits and single hyphens.',
    'forms.zone.unknown':
      '{label} “{typed}” is not a place or time zone we know. Type a city or country, such as Beijing, Oslo or New York, or an IANA name such as Europe/Stockholm.',
    'forms.zone.offset':
      '{label} “{typed}” is a UTC offset, which does not say when summer time starts. Choose the place whose clock you follow: did you mean one of the places at {offset} now?',
    'forms.zone.oneOfThese': '{label} “{typed}” is not the name of one time zone. Did you mean one of these?',
    'forms.zone.thisOne': '{label} “{typed}” is not the name of one time zone. Did you mean {place} ({zone})?',
  },
  {
    'forms.optional': '(valfritt)',
    'forms.summary.count': '{count, plural, one {En sak att rätta till} other {# saker att rätta till}}',
    'forms.required': '{label} måste fyllas i.',
    'forms.notText': '{label} måste vara text.',
    'forms.tooShort': '{label} måste vara minst {min} tecken.',
    'forms.tooLong': '{label} får vara högst {max} tecken.',
    'forms.oneLine': '{label} måste stå på en rad.',
    'forms.controlCharacters': '{label} innehåller styrtecken.',
    'forms.wholeNumber': '{label} måste vara ett heltal.',
    'forms.between': '{label} måste vara mellan {min} och {max}.',
    'forms.email': '{label} måste vara en e-postadress, till exempel namn@example.com.',
    'forms.url': '{label} måste vara en fullständig adress som börjar med {httpsOnly, select, yes {https://} other {http:// eller https://}}.',
    'forms.choice': '{label} måste vara något av följande: {choices}.',
    'forms.slug': '{label} får bara innehålla små bokstäver, siffror och enstaka bindestreck.',
    'forms.zone.unknown':
      '{label} ”{typed}” är ingen plats eller tidszon som vi känner till. Skriv en stad eller ett land, till exempel Peking, Oslo eller New York, eller ett IANA-namn som Europe/Stockholm.',
    'forms.zone.offset':
      '{label} ”{typed}” är en förskjutning från UTC, och den säger inte när sommartiden börjar. Välj platsen vars klocka du följer: menade du någon av platserna som just nu ligger på {offset}?',
    'forms.zone.oneOfThese': '{label} ”{typed}” är inte namnet på en enda tidszon. Menade du någon av dessa?',
    'forms.zone.thisOne': '{label} ”{typed}” är inte namnet på en enda tidszon. Menade du {place} ({zone})?',
  },
);
