// Why a request was refused, for the error page: not signed in, a form from elsewhere or expired, a
// body that cannot be read, something that does not exist (any more), and the coordinators' own
// refusals (sign-in throttling, invitations, a taken address).
import { defineMessages } from '../define-messages.js';

export const refusalsMessages = defineMessages(
  {
    'refusals.auth.signedOut': 'You are not signed in, or your session has ended. Sign in and send the form again.',
    'refusals.auth.signIn': 'Sign in as a coordinator to use the workspace.',
    'refusals.auth.otherSite': 'This form was sent from another site, so it was refused. Open the page on this site and send it again.',
    'refusals.auth.signInOtherSite': 'This form was sent from another site, so it was refused. Open the sign-in page on this site.',
    'refusals.auth.expiredForm': 'This form has expired or was not sent from the workspace. Reload the page and send it again.',
    'refusals.auth.tooManyFailures': 'Too many failed sign-ins, try again in {wait, plural, one {# minute} other {# minutes}}.',
    'refusals.auth.underAttack':
      'This account has had many failed sign-ins, so each network may try it only {times, plural, one {once} other {# times}} every {window, plural, one {# minute} other {# minutes}}: try again in {wait, plural, one {# minute} other {# minutes}}.',
    'refusals.auth.notAnEmail': 'Email must be an email address such as name@example.com.',
    'refusals.auth.hasAccount': '{email} already has a coordinator account.',
    'refusals.auth.duplicateEmail': 'There is already a coordinator with this email address.',
    'refusals.auth.inviteForOther': 'This invitation is for {email}; ask a coordinator to invite the other address.',
    'refusals.auth.noToken': 'There is no such API token.',

    'refusals.body.form': 'Send the form as application/x-www-form-urlencoded or multipart/form-data.',
    'refusals.body.unreadable': 'The form could not be read.',
    'refusals.body.json': 'Send a JSON object with Content-Type: application/json.',
    'refusals.body.notJson': 'The body is not valid JSON.',
    'refusals.body.notObject': 'The body must be a JSON object.',
    'refusals.body.tooLarge': 'The request is too large (at most {kilobytes} KB).',

    'refusals.missing.webinar': 'There is no webinar called "{slug}".',
    'refusals.missing.someWebinar': 'There is no such webinar.',
    'refusals.missing.speaker': 'There is no speaker called "{slug}".',
    'refusals.missing.area': 'There is no knowledge area called "{slug}".',
    'refusals.missing.photo': 'There is no such photo. It may have been replaced or removed.',
    'refusals.missing.speakerLink': 'This speaker link does not work: it may have been replaced or withdrawn. Ask the programme coordinators for a new one.',
    'refusals.missing.email': 'There is no email number {id} in the outbox.',
    'refusals.outbox.sent': 'Email number {id} was already sent; it is not sent twice.',
    'refusals.outbox.sending': 'Email number {id} is being sent right now.',
  },
  {
    'refusals.auth.signedOut': 'Du är inte inloggad, eller så har din session gått ut. Logga in och skicka formuläret igen.',
    'refusals.auth.signIn': 'Logga in som koordinator för att använda arbetsytan.',
    'refusals.auth.otherSite':
      'Formuläret skickades från en annan webbplats och togs därför inte emot. Öppna sidan på den här webbplatsen och skicka det igen.',
    'refusals.auth.signInOtherSite': 'Formuläret skickades från en annan webbplats och togs därför inte emot. Öppna inloggningssidan på den här webbplatsen.',
    'refusals.auth.expiredForm': 'Formuläret har gått ut eller skickades inte från arbetsytan. Ladda om sidan och skicka det igen.',
    'refusals.auth.tooManyFailures': 'För många misslyckade inloggningar, försök igen om {wait, plural, one {# minut} other {# minuter}}.',
    'refusals.auth.underAttack':
      'Kontot har haft många misslyckade inloggningar, så varje nätverk får bara försöka {times, plural, one {en gång} other {# gånger}} per {window, plural, one {minut} other {# minuter}}: försök igen om {wait, plural, one {# minut} other {# minuter}}.',
    'refusals.auth.notAnEmail': 'Ange en e-postadress, till exempel namn@example.com.',
    'refusals.auth.hasAccount': '{email} har redan ett koordinatorkonto.',
    'refusals.auth.duplicateEmail': 'Det finns redan en koordinator med den här e-postadressen.',
    'refusals.auth.inviteForOther': 'Inbjudan gäller {email}; be en koordinator att bjuda in den andra adressen.',
    'refusals.auth.noToken': 'API-nyckeln finns inte.',

    'refusals.body.form': 'Skicka formuläret som application/x-www-form-urlencoded eller multipart/form-data.',
    'refusals.body.unreadable': 'Formuläret gick inte att läsa.',
    'refusals.body.json': 'Skicka ett JSON-objekt med Content-Type: application/json.',
    'refusals.body.notJson': 'Innehållet är inte giltig JSON.',
    'refusals.body.notObject': 'Innehållet måste vara ett JSON-objekt.',
    'refusals.body.tooLarge': 'Förfrågan är för stor (högst {kilobytes} KB).',

    'refusals.missing.webinar': 'Det finns inget webbinarium som heter ”{slug}”.',
    'refusals.missing.someWebinar': 'Webbinariet finns inte.',
    'refusals.missing.speaker': 'Det finns ingen talare som heter ”{slug}”.',
    'refusals.missing.area': 'Det finns inget kunskapsområde som heter ”{slug}”.',
    'refusals.missing.photo': 'Fotot finns inte. Det kan ha bytts ut eller tagits bort.',
    'refusals.missing.speakerLink': 'Den här talarlänken fungerar inte: den kan ha bytts ut eller dragits tillbaka. Be programmets koordinatorer om en ny.',
    'refusals.missing.email': 'Det finns inget mejl nummer {id} i utkorgen.',
    'refusals.outbox.sent': 'Mejl nummer {id} är redan skickat; det skickas inte två gånger.',
    'refusals.outbox.sending': 'Mejl nummer {id} skickas just nu.',
  },
);
