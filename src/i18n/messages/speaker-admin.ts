// A speaker in the workspace: the private link's panel and its refusals, and why a photo was refused.
import { defineMessages } from '../define-messages.js';

export const speakerAdminMessages = defineMessages(
  {
    'speakerAdmin.link.heading': 'Private speaker page',
    'speakerAdmin.link.intro': 'Their sessions in their own time, the panelists’ link, the audience’s clocks and the questions.',
    'speakerAdmin.link.current': 'Current link',
    'speakerAdmin.link.none': 'No link yet.',
    'speakerAdmin.link.sendAgain': 'Email the link again',
    'speakerAdmin.link.create': 'Create and email the link',
    'speakerAdmin.link.emailFirst': 'Add an email address first',
    'speakerAdmin.link.rotate': 'Replace the link',
    'speakerAdmin.link.revoke': 'Withdraw the link',
    'speakerAdmin.link.needsEmail': 'Add the speaker’s email address to send the link.',
    'speakerAdmin.link.noEmail': '{name} has no email address yet: add one first.',

    'speakerAdmin.photo.noFile': 'Choose a photo to upload (JPEG, PNG or WebP).',
    'speakerAdmin.photo.sendWithForm': 'Send the photo with the upload form.',
    'speakerAdmin.photo.empty': 'The file is empty. Choose the photo again; it may not have finished saving.',
    'speakerAdmin.photo.tooLarge': 'The photo is larger than {megabytes} MB. Save it smaller (1000×1000 pixels is plenty for a portrait) and upload it again.',
    'speakerAdmin.photo.damaged':
      'This file starts like a {format} image, but its header cannot be read: it may be damaged or cut short. Save the photo again and upload it.',
    'speakerAdmin.photo.dimensions': 'The photo is {width}×{height} pixels; at most {max}×{max} is accepted. Save it smaller and upload it again.',
    'speakerAdmin.photo.svg': 'SVG images are not accepted as photos. Upload a JPEG, PNG or WebP image (export the SVG as PNG).',
    'speakerAdmin.photo.gif': 'GIF images are not accepted as photos. Upload a JPEG, PNG or WebP image.',
    'speakerAdmin.photo.heic':
      'HEIC photos (as iPhones take them) are not shown by every browser. Upload a JPEG, PNG or WebP image: most phones can share or export a photo as JPEG.',
    'speakerAdmin.photo.avif': 'AVIF images are not accepted yet. Upload a JPEG, PNG or WebP image.',
    'speakerAdmin.photo.notAPhoto': 'This file is not a JPEG, PNG or WebP image. Upload a JPEG, PNG or WebP image.',
  },
  {
    'speakerAdmin.link.heading': 'Talarens privata sida',
    'speakerAdmin.link.intro': 'Talarens sessioner i talarens egen tid, panelisternas länk, publikens klockslag och frågorna.',
    'speakerAdmin.link.current': 'Nuvarande länk',
    'speakerAdmin.link.none': 'Ingen länk ännu.',
    'speakerAdmin.link.sendAgain': 'Mejla länken igen',
    'speakerAdmin.link.create': 'Skapa och mejla länken',
    'speakerAdmin.link.emailFirst': 'Lägg först till en e-postadress',
    'speakerAdmin.link.rotate': 'Byt ut länken',
    'speakerAdmin.link.revoke': 'Dra tillbaka länken',
    'speakerAdmin.link.needsEmail': 'Lägg till talarens e-postadress för att kunna skicka länken.',
    'speakerAdmin.link.noEmail': '{name} har ingen e-postadress ännu: lägg till en först.',

    'speakerAdmin.photo.noFile': 'Välj ett foto att ladda upp (JPEG, PNG eller WebP).',
    'speakerAdmin.photo.sendWithForm': 'Skicka fotot med uppladdningsformuläret.',
    'speakerAdmin.photo.empty': 'Filen är tom. Välj fotot igen; det kanske inte hade hunnit sparas klart.',
    'speakerAdmin.photo.tooLarge':
      'Fotot är större än {megabytes} MB. Spara det i mindre storlek (1000×1000 pixlar räcker gott för ett porträtt) och ladda upp det igen.',
    'speakerAdmin.photo.damaged':
      'Filen börjar som en {format}-bild, men filhuvudet går inte att läsa: filen kan vara skadad eller avkortad. Spara fotot igen och ladda upp det.',
    'speakerAdmin.photo.dimensions': 'Fotot är {width}×{height} pixlar; högst {max}×{max} tas emot. Spara det i mindre storlek och ladda upp det igen.',
    'speakerAdmin.photo.svg': 'SVG-bilder tas inte emot som foton. Ladda upp en bild i JPEG, PNG eller WebP (exportera SVG-bilden som PNG).',
    'speakerAdmin.photo.gif': 'GIF-bilder tas inte emot som foton. Ladda upp en bild i JPEG, PNG eller WebP.',
    'speakerAdmin.photo.heic':
      'HEIC-foton (som iPhone tar dem) visas inte i alla webbläsare. Ladda upp en bild i JPEG, PNG eller WebP: de flesta mobiler kan dela eller exportera ett foto som JPEG.',
    'speakerAdmin.photo.avif': 'AVIF-bilder tas inte emot ännu. Ladda upp en bild i JPEG, PNG eller WebP.',
    'speakerAdmin.photo.notAPhoto': 'Filen är ingen bild i JPEG, PNG eller WebP. Ladda upp en bild i något av de formaten.',
  },
);
