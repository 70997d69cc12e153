// The emails to speakers: their invitation, its updates and cancellations, and the link to their
// private page. Each is rendered in the speaker's stored language (see src/notifications/speaker-emails.ts).
import { defineMessages } from '../define-messages.js';

export const speakerEmailsMessages = defineMessages(
  {
    'speakerEmails.invited.subject': 'You are speaking: {title}',
    'speakerEmails.updated.subject': 'Changed: your session “{title}”',
    'speakerEmails.cancelled.subject': 'Cancelled: your session “{title}”',

    'speakerEmails.invite.new': 'Thank you for speaking in “{title}”. The attached invitation adds your session to your calendar.',
    'speakerEmails.invite.changed': 'Your session “{title}” has changed. The attached update replaces it in your calendar.',
    'speakerEmails.invite.checkInWords': "The technical check is not a separate event in it: its time is below, and in the session's description.",
    'speakerEmails.techCheck': 'Technical check: {when}, {minutes} minutes before the start.',

    'speakerEmails.changed.heading': 'What changed:',
    'speakerEmails.changed.time': 'The time: previously\n{when}',
    'speakerEmails.changed.techCheckMoved': 'The technical check: now {after} minutes before the start (was {before}).',
    'speakerEmails.changed.techCheckAdded': 'The technical check: now {after} minutes before the start (there was none).',
    'speakerEmails.changed.techCheckRemoved': 'The technical check: there is none any more.',
    'speakerEmails.changed.speakerLinkNew': 'Your speaker link: it is new (below).',
    'speakerEmails.changed.speakerLinkWithdrawnUseJoin': 'Your speaker link: withdrawn; use the join link below for now.',
    'speakerEmails.changed.speakerLinkWithdrawn': 'Your speaker link: withdrawn; a new one will follow.',
    'speakerEmails.changed.joinLinkNew': 'The join link: it is new (below).',

    'speakerEmails.speakerLink': 'Your speaker link (panelists only, please do not share): {url}',
    'speakerEmails.speakerLinkLater': 'The speaker link will follow.',
    'speakerEmails.speakerPage': "Your speaker page, with your sessions in your time and your audience's clocks: {url}",

    'speakerEmails.cancelled.webinar': '“{title}” has been cancelled. The attached cancellation removes it from your calendar.',
    'speakerEmails.cancelled.draft':
      '“{title}” has been taken off the published programme for now. The attached cancellation removes it from your calendar; you will get a new invitation if it is published again.',
    'speakerEmails.cancelled.removed': 'You are no longer on the programme of “{title}”. The attached cancellation removes it from your calendar.',
    'speakerEmails.cancelled.planned': 'It was planned for:\n{when}',

    'speakerEmails.link.subject': 'Your speaker page for {programme}',
    'speakerEmails.link.body':
      'Your speaker page shows each of your sessions in your own time: the technical check, the start and the end, your speaker link, where your audience is sitting and the questions attendees have sent in. You can also subscribe to your sessions in your calendar from there.',
    'speakerEmails.link.personal': 'The link is personal: please keep it to yourself.',
  },
  {
    'speakerEmails.invited.subject': 'Du är talare: {title}',
    'speakerEmails.updated.subject': 'Ändrat: din session ”{title}”',
    'speakerEmails.cancelled.subject': 'Inställt: din session ”{title}”',

    'speakerEmails.invite.new': 'Tack för att du medverkar som talare i ”{title}”. Den bifogade inbjudan lägger in din session i din kalender.',
    'speakerEmails.invite.changed': 'Din session ”{title}” har ändrats. Den bifogade uppdateringen ersätter den i din kalender.',
    'speakerEmails.invite.checkInWords': 'Den tekniska kontrollen är ingen egen händelse i inbjudan: tiden står nedan och i sessionens beskrivning.',
    'speakerEmails.techCheck': 'Teknisk kontroll: {when}, {minutes, plural, one {# minut} other {# minuter}} före start.',

    'speakerEmails.changed.heading': 'Det här har ändrats:',
    'speakerEmails.changed.time': 'Tiden: tidigare\n{when}',
    'speakerEmails.changed.techCheckMoved': 'Den tekniska kontrollen: nu {after, plural, one {# minut} other {# minuter}} före start (tidigare {before}).',
    'speakerEmails.changed.techCheckAdded': 'Den tekniska kontrollen: nu {after, plural, one {# minut} other {# minuter}} före start (tidigare fanns ingen).',
    'speakerEmails.changed.techCheckRemoved': 'Den tekniska kontrollen: den finns inte längre.',
    'speakerEmails.changed.speakerLinkNew': 'Din talarlänk: den är ny (se nedan).',
    'speakerEmails.changed.speakerLinkWithdrawnUseJoin': 'Din talarlänk: återkallad; använd tills vidare länken för att ansluta nedan.',
    'speakerEmails.changed.speakerLinkWithdrawn': 'Din talarlänk: återkallad; en ny kommer senare.',
    'speakerEmails.changed.joinLinkNew': 'Länken för att ansluta: den är ny (se nedan).',

    'speakerEmails.speakerLink': 'Din talarlänk (bara för talare och paneldeltagare, dela den inte): {url}',
    'speakerEmails.speakerLinkLater': 'Talarlänken kommer senare.',
    'speakerEmails.speakerPage': 'Din talarsida, med dina sessioner i din tidszon och vad klockan är hos din publik: {url}',

    'speakerEmails.cancelled.webinar': '”{title}” har ställts in. Den bifogade avbokningen tar bort webbinariet från din kalender.',
    'speakerEmails.cancelled.draft':
      '”{title}” har tills vidare tagits bort från det publicerade programmet. Den bifogade avbokningen tar bort webbinariet från din kalender; du får en ny inbjudan om det publiceras igen.',
    'speakerEmails.cancelled.removed': 'Du är inte längre med i programmet för ”{title}”. Den bifogade avbokningen tar bort webbinariet från din kalender.',
    'speakerEmails.cancelled.planned': 'Det var planerat till:\n{when}',

    'speakerEmails.link.subject': 'Din talarsida för {programme}',
    'speakerEmails.link.body':
      'Din talarsida visar var och en av dina sessioner i din egen tid: den tekniska kontrollen, start och slut, din talarlänk, var din publik sitter och de frågor som deltagarna har skickat in. Där kan du också prenumerera på dina sessioner i din kalender.',
    'speakerEmails.link.personal': 'Länken är personlig: dela den inte med någon.',
  },
);
