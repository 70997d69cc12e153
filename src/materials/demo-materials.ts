// The demo programme's past webinars come with their slides, so that a new user finds the archive,
// the webinar pages and the feeds the way they look after a real webinar. Runs once, right after
// the demo is seeded; the slides are real PDFs made from the webinar's own text.
import { listWebinars } from '../programme/programme.service.js';
import type { Webinar } from '../programme/programme.types.js';
import { addMaterial, type MaterialDeps } from './material.service.js';
import { validateMaterial } from './material.validation.js';
import { textPdf, type Slide } from './text-pdf.js';

/** "Chen Jing (陈静)" → "Chen Jing": the PDF's standard font has Latin letters only. */
function latinName(name: string): string {
  return name.replace(/\s*\([^)]*[^\u0000-\u00ff][^)]*\)/g, '').trim();
}

/** Sentences on lines of their own, the last one kept even without a full stop. */
function sentences(text: string): string[] {
  return (text.match(/[^.?!]+(?:[.?!]+|$)/g) ?? [text]).map((s) => s.trim()).filter(Boolean);
}

function slidesOf(webinar: Webinar): Slide[] {
  const people = webinar.speakers.map((s) => `${latinName(s.name)}${s.role === 'moderator' ? ' (moderator)' : ''}, ${s.organisation}, ${s.city}`);
  return [
    {
      heading: webinar.title,
      lines: [...people, '', `${webinar.area?.name ?? 'Webinar'}, ${webinar.startsAt.setZone(webinar.start.zone).toFormat('d LLLL yyyy', { locale: 'en' })}`],
    },
    { heading: 'What this webinar is about', lines: sentences(webinar.abstract) },
    {
      heading: 'Questions for your own organisation',
      lines: [
        '- Where would this work in our company, and who owns it?',
        '- What would a startup need from us to say yes?',
        '- What will we measure after twelve months?',
      ],
    },
  ];
}

export async function seedDemoMaterials(deps: MaterialDeps): Promise<number> {
  const now = deps.clock.now();
  const past = (await listWebinars(deps.db, { statuses: ['published'] })).filter((w) => w.endsAt <= now);
  let added = 0;
  for (const webinar of past) {
    const pdf = textPdf(webinar.title, slidesOf(webinar));
    const validated = validateMaterial({ kind: 'slides', title: 'Slides', visibility: 'public' }, { name: `${webinar.slug}.pdf`, bytes: pdf });
    if (!validated.ok) throw new Error(`The demo slides of ${webinar.slug} were refused: ${JSON.stringify(validated.errors)}`);
    await addMaterial(deps, webinar.slug, validated.value);
    added++;
  }
  return added;
}
