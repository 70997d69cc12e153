// The emails to attendees: registration, waiting list, reminders, changes to a webinar, materials.
// Each is rendered in its recipient's language (see withLanguage in src/i18n/current-language.ts).
import { defineMessages } from '../define-messages.js';

export const emailsMessages = defineMessages(
  {
    'emails.hello': 'Hello {name},',
    'emails.when': 'When (your time):\n{when}',
    'emails.joinLink': 'Join link: {url}',
    'emails.joinLinkLater': 'The join link will be on your personal page before the webinar.',
    'emails.personalPage': 'Your personal page: {url}',
    'emails.personalPage.manage': 'Your personal page, where you can see your registrations, change your time zone or cancel: {url}',
    'emails.keepLinkPrivate': 'Keep this link to yourself: anyone who has it can manage your registrations.',
    'emails.aboutWebinar': 'About the webinar: {url}',
    'emails.footer.remove': 'Not you, or no longer interested? Remove this address and everything about it:',
    'emails.waitlist.moveUp': 'If a seat becomes free, you move up automatically and we email you a calendar invitation with the join link.',

    'emails.confirmed.subject': 'You are registered: {title}',
    'emails.confirmed.body': 'You are registered for “{title}”.',
    'emails.promoted.subject': 'A seat is free: you are now registered for {title}',
    'emails.promoted.body': 'Good news: a seat became free, and you moved up from the waiting list. You are now registered for “{title}”.',
    'emails.confirmed.invite':
      'The attached invitation adds the webinar to your calendar.{reminders, select, both { We will remind you 24 hours and 1 hour before the start.} last { We will remind you 1 hour before the start.} other {}}',

    'emails.waitlisted.subject': 'On the waiting list: {title}',
    'emails.waitlisted.body': '“{title}” is full, so you are on the waiting list, in place {place}.',

    'emails.already.subject': 'Already registered: {title}',
    'emails.already.confirmed': 'Someone (you, we hope) registered this address again for “{title}”. You already have a seat, so nothing has changed.',
    'emails.already.waitlisted':
      'Someone (you, we hope) registered this address again for “{title}”. You are already on the waiting list, in place {place}, so nothing has changed.',
    'emails.already.notYou': 'If it was not you, there is nothing to do: nobody else was shown your registrations or this link.',

    'emails.cancelled.subject': 'Cancelled: your registration for {title}',
    'emails.cancelled.seat':
      'Your registration for “{title}” is cancelled, and your seat is free for someone else. The attached cancellation removes it from your calendar.',
    'emails.cancelled.waitlist': 'You have left the waiting list for “{title}”.',
    'emails.cancelled.again': 'Changed your mind? You can register again while registration is open: {url}',

    'emails.reminder24.subject': 'Tomorrow: {title}',
    'emails.reminder1.subject': 'In one hour: {title}',
    'emails.reminder24.body': 'A reminder: “{title}” starts in 24 hours.',
    'emails.reminder1.body': 'A reminder: “{title}” starts in one hour.',
    'emails.reminder.cancel': "Can't make it? Please cancel so that someone on the waiting list gets your seat: {url}",

    'emails.newLink.subject': 'Your personal link for {programme}',
    'emails.newLink.body': 'Here is your new personal link. The previous one no longer works.',

    'emails.request.subject': 'Please confirm: {title}',
    'emails.request.body': 'Someone asked to register this address for “{title}”. If it was you, confirm it here; until then it holds no seat:',
    'emails.request.expiry':
      'The link works until {date}, {time} {zone}. If it was not you, ignore this email: nothing changes, and nobody else was shown your registrations or your personal page.',

    'emails.changed.subject': 'Changed: {title}',
    'emails.changed.body': '“{title}” has changed. The attached update replaces the event in your calendar.',
    'emails.changed.cancel': "Can't make it now? Cancel so that someone on the waiting list gets your seat: {url}",
    'emails.changed.backOn': 'Good news: the webinar is back on the programme.',
    'emails.changed.newTime': 'New time (your time):\n{when}',
    'emails.changed.previously': 'Previously:\n{when}',
    'emails.changed.duration': 'It now lasts {after} instead of {before}.',
    'emails.changed.newJoinLink': 'New join link: {url}',

    'emails.moved.subject': 'New time: {title} (you are on the waiting list)',
    'emails.moved.body': '“{title}” has moved. You are still on the waiting list, in place {place}.',
    'emails.moved.leave': 'The new time does not suit you? Leave the waiting list on your personal page: {url}',

    'emails.webinarCancelled.subject': 'Cancelled: {title}',
    'emails.webinarCancelled.body': 'We are sorry: “{title}”, planned for\n{when}\nhas been cancelled.',
    'emails.webinarCancelled.bodyWithInvite':
      'We are sorry: “{title}”, planned for\n{when}\nhas been cancelled. The attached cancellation removes it from your calendar.',
    'emails.webinarCancelled.programme': 'The rest of the programme: {url}',

    'emails.materials.subject':
      'Now available: {what, select, both {the recording and slides} recording {the recording} slides {the slides} other {material}} of {title}',
    'emails.materials.body':
      'Thank you for registering for “{title}”. {what, select, both {The recording and slides are now available.} recording {The recording is now available.} slides {The slides are now available.} other {Material is now available.}}',
    'emails.materials.public': 'On the webinar page, for everyone:',
    'emails.materials.attendees': 'For registered attendees only, on your personal page:',
    'emails.materials.kind.recording': 'Recording',
    'emails.materials.kind.slides': 'Slides',
    'emails.materials.kind.link': 'Link',
  },
  {
    'emails.hello': 'Hej {name}!',
    'emails.when': 'När (i din tidszon):\n{when}',
    'emails.joinLink': 'Länk för att ansluta: {url}',
    'emails.joinLinkLater': 'Länken för att ansluta finns på din personliga sida före webbinariet.',
    'emails.personalPage': 'Din personliga sida: {url}',
    'emails.personalPage.manage': 'Din personliga sida, där du ser dina anmälningar, byter tidszon eller avbokar: {url}',
    'emails.keepLinkPrivate': 'Dela inte länken: den som har den kan hantera dina anmälningar.',
    'emails.aboutWebinar': 'Om webbinariet: {url}',
    'emails.footer.remove': 'Inte du, eller inte längre intresserad? Ta bort den här adressen och allt som hör till den:',
    'emails.waitlist.moveUp': 'Om en plats blir ledig flyttas du upp automatiskt, och vi mejlar dig en kalenderinbjudan med länken för att ansluta.',

    'emails.confirmed.subject': 'Du är anmäld: {title}',
    'emails.confirmed.body': 'Du är anmäld till ”{title}”.',
    'emails.promoted.subject': 'En plats blev ledig: nu är du anmäld till {title}',
    'emails.promoted.body': 'Goda nyheter: en plats blev ledig och du har flyttats upp från väntelistan. Nu är du anmäld till ”{title}”.',
    'emails.confirmed.invite':
      'Den bifogade inbjudan lägger in webbinariet i din kalender.{reminders, select, both { Vi påminner dig 24 timmar och 1 timme före start.} last { Vi påminner dig 1 timme före start.} other {}}',

    'emails.waitlisted.subject': 'På väntelistan: {title}',
    'emails.waitlisted.body': '”{title}” är fullbokat, så du står på väntelistan, på plats {place}.',

    'emails.already.subject': 'Redan anmäld: {title}',
    'emails.already.confirmed': 'Någon (du, hoppas vi) har anmält den här adressen till ”{title}” igen. Du har redan en plats, så ingenting har ändrats.',
    'emails.already.waitlisted':
      'Någon (du, hoppas vi) har anmält den här adressen till ”{title}” igen. Du står redan på väntelistan, på plats {place}, så ingenting har ändrats.',
    'emails.already.notYou': 'Var det inte du behöver du inte göra något: ingen annan har fått se dina anmälningar eller den här länken.',

    'emails.cancelled.subject': 'Avbokad: din anmälan till {title}',
    'emails.cancelled.seat':
      'Din anmälan till ”{title}” är avbokad, och din plats går till någon annan. Den bifogade avbokningen tar bort webbinariet från din kalender.',
    'emails.cancelled.waitlist': 'Du har lämnat väntelistan till ”{title}”.',
    'emails.cancelled.again': 'Ångrat dig? Du kan anmäla dig igen så länge anmälan är öppen: {url}',

    'emails.reminder24.subject': 'I morgon: {title}',
    'emails.reminder1.subject': 'Om en timme: {title}',
    'emails.reminder24.body': 'En påminnelse: ”{title}” börjar om 24 timmar.',
    'emails.reminder1.body': 'En påminnelse: ”{title}” börjar om en timme.',
    'emails.reminder.cancel': 'Kan du inte komma? Avboka gärna, så att någon på väntelistan får din plats: {url}',

    'emails.newLink.subject': 'Din personliga länk till {programme}',
    'emails.newLink.body': 'Här är din nya personliga länk. Den tidigare fungerar inte längre.',

    'emails.request.subject': 'Bekräfta din anmälan: {title}',
    'emails.request.body': 'Någon vill anmäla den här adressen till ”{title}”. Om det var du, bekräfta här; till dess har du ingen plats:',
    'emails.request.expiry':
      'Länken gäller till {date}, {time} {zone}. Var det inte du kan du bortse från mejlet: ingenting ändras, och ingen annan har fått se dina anmälningar eller din personliga sida.',

    'emails.changed.subject': 'Ändrat: {title}',
    'emails.changed.body': '”{title}” har ändrats. Den bifogade uppdateringen ersätter händelsen i din kalender.',
    'emails.changed.cancel': 'Passar det inte längre? Avboka, så att någon på väntelistan får din plats: {url}',
    'emails.changed.backOn': 'Goda nyheter: webbinariet är tillbaka i programmet.',
    'emails.changed.newTime': 'Ny tid (i din tidszon):\n{when}',
    'emails.changed.previously': 'Tidigare:\n{when}',
    'emails.changed.duration': 'Det pågår nu i {after} i stället för {before}.',
    'emails.changed.newJoinLink': 'Ny länk för att ansluta: {url}',

    'emails.moved.subject': 'Ny tid: {title} (du står på väntelistan)',
    'emails.moved.body': '”{title}” har flyttats. Du står kvar på väntelistan, på plats {place}.',
    'emails.moved.leave': 'Passar inte den nya tiden? Lämna väntelistan på din personliga sida: {url}',

    'emails.webinarCancelled.subject': 'Inställt: {title}',
    'emails.webinarCancelled.body': 'Tyvärr har ”{title}”, planerat till\n{when}\nställts in.',
    'emails.webinarCancelled.bodyWithInvite':
      'Tyvärr har ”{title}”, planerat till\n{when}\nställts in. Den bifogade avbokningen tar bort webbinariet från din kalender.',
    'emails.webinarCancelled.programme': 'Resten av programmet: {url}',

    'emails.materials.subject':
      'Nu finns {what, select, both {inspelningen och presentationsbilderna} recording {inspelningen} slides {presentationsbilderna} other {material}} från {title}',
    'emails.materials.body':
      'Tack för att du anmälde dig till ”{title}”. {what, select, both {Nu finns inspelningen och presentationsbilderna.} recording {Nu finns inspelningen.} slides {Nu finns presentationsbilderna.} other {Nu finns nytt material.}}',
    'emails.materials.public': 'På webbinariets sida, för alla:',
    'emails.materials.attendees': 'Bara för anmälda deltagare, på din personliga sida:',
    'emails.materials.kind.recording': 'Inspelning',
    'emails.materials.kind.slides': 'Presentationsbilder',
    'emails.materials.kind.link': 'Länk',
  },
);
