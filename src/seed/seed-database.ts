// Fills an empty database: the programme settings always, and the demo programme unless disabled.
// Demo dates are relative to the seeding day so that a new user sees both upcoming and past webinars.
// It sits above the features and goes through their services, as a coordinator would.
import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { lockName } from '../db/dialect.js';
import { inTransaction } from '../db/transaction.js';
import { createArea, createSpeaker, updateProgrammeSettings } from '../programme/programme-admin.service.js';
import type { ProgrammeInput } from '../programme/programme-admin.validation.js';
import { findProgramme } from '../programme/programme.service.js';
import { createWebinar } from '../programme/webinar.service.js';

export const DEFAULT_PROGRAMME: ProgrammeInput = {
  title: 'Innovation collaboration between small and large companies',
  tagline: 'A webinar series with experiences from China, Norway and the USA',
  description:
    'Seven large Swedish companies that each built ways of working with startups share what they learnt, together with the startups themselves. ' +
    'Alongside the workshops, four webinars on the knowledge areas the companies prioritised present experiences from China, Norway and the USA. ' +
    'Every webinar is recorded; recordings and slides are published here afterwards.',
  organiserName: 'Chalmers University of Technology, Technology Management and Economics',
  organiserEmail: 'innovation-webinars@example.org',
  defaultZone: 'Europe/Stockholm',
  // Empty: the default (the programme's zone and its speakers') already fits the demo's audience
  // in Stockholm, Shanghai, Oslo, New York and Los Angeles, and follows the speakers as they change.
  audienceZones: [],
};

export async function seedDatabase(db: Db, clock: Clock, options: { demo: boolean }): Promise<{ seeded: boolean }> {
  if (await findProgramme(db)) return { seeded: false };
  // Several instances may start on a new database at once: one seeds, the others find it seeded.
  return inTransaction(db, async (trx) => {
    await lockName(trx, 'seed');
    if (await findProgramme(trx)) return { seeded: false };
    await updateProgrammeSettings(trx, clock, DEFAULT_PROGRAMME);
    if (options.demo) await seedDemoProgramme(trx, clock);
    return { seeded: true };
  });
}

const AREAS = [
  {
    slug: 'partnership-models',
    name: 'Partnership models',
    description: 'How large companies and startups set up collaborations that both sides can live with: from first contact to a lasting partnership.',
  },
  {
    slug: 'procurement-and-pilots',
    name: 'Procurement and pilots',
    description: 'Buying from a company with ten employees: procurement rules, pilot projects and the step from pilot to contract.',
  },
  {
    slug: 'corporate-venturing',
    name: 'Corporate venturing',
    description: 'Corporate venture capital, accelerators and other ways of investing in startups without smothering them.',
  },
  {
    slug: 'innovation-hubs',
    name: 'Innovation hubs and outposts',
    description: 'Being present where startups are: innovation hubs, scouting outposts and open innovation platforms abroad.',
  },
];

const SPEAKERS = [
  {
    slug: 'anna-lindqvist',
    name: 'Anna Lindqvist',
    title: 'Researcher in innovation management',
    organisation: 'Chalmers University of Technology',
    city: 'Gothenburg',
    country: 'Sweden',
    zone: 'Europe/Stockholm',
    bio: 'Anna studies how large companies organise collaboration with startups and moderates the webinar series.',
  },
  {
    slug: 'chen-jing',
    name: 'Chen Jing (陈静)',
    title: 'Head of Open Innovation',
    organisation: 'Zhangjiang Innovation Partners',
    city: 'Shanghai',
    country: 'China',
    zone: 'Asia/Shanghai',
    bio: 'Chen Jing runs an open innovation platform that connects multinational companies with Chinese startups in Shanghai.',
  },
  {
    slug: 'ingrid-haugen',
    name: 'Ingrid Haugen',
    title: 'Director of Startup Partnerships',
    organisation: 'Nordic Energy Group',
    city: 'Oslo',
    country: 'Norway',
    zone: 'Europe/Oslo',
    bio: 'Ingrid built a pilot programme that lets startups test their technology in a large energy company within twelve weeks.',
  },
  {
    slug: 'michael-torres',
    name: 'Michael Torres',
    title: 'Partner, corporate venture capital',
    organisation: 'Pacific Industrial Ventures',
    city: 'San Francisco',
    country: 'USA',
    zone: 'America/Los_Angeles',
    bio: 'Michael has invested on behalf of industrial companies in Silicon Valley for fifteen years.',
  },
  {
    slug: 'sarah-goldberg',
    name: 'Sarah Goldberg',
    title: 'Head of the New York innovation outpost',
    organisation: 'Scandinavian Manufacturing Inc.',
    city: 'New York',
    country: 'USA',
    zone: 'America/New_York',
    bio: 'Sarah leads a European manufacturer’s scouting team in New York and brokers partnerships with US startups.',
  },
];

/**
 * The four webinars of the series the hub was first built for (Chalmers' Vinnova project
 * "Innovationssamarbete mellan små och stora företag", 2017–2019): one per knowledge area the
 * companies prioritised, with experiences from China, Norway and the USA. The Swedish texts say
 * what the English ones say, no more, in the project's own words (storföretag, startups).
 */
const WEBINARS = [
  {
    slug: 'corporate-venture-capital-silicon-valley',
    title: 'Corporate venture capital: lessons from Silicon Valley',
    area: 'corporate-venturing',
    daysFromSeed: -49,
    time: '17:00',
    speakers: ['michael-torres'],
    abstract:
      'Why do some corporate venture units outlast three CEOs while others close after one downturn? Michael Torres shares what he learnt investing for industrial companies in Silicon Valley, and what startups look for in a corporate investor.',
    titleSv: 'Riskkapital från storföretag: lärdomar från Silicon Valley',
    abstractSv:
      'Varför överlever vissa storföretags riskkapitalenheter tre vd:ar medan andra läggs ned efter en enda nedgång? Michael Torres berättar vad han har lärt sig av att investera åt industriföretag i Silicon Valley, och vad startups söker hos ett storföretag som investerare.',
  },
  {
    slug: 'open-innovation-platforms-china',
    title: 'Open innovation platforms in China',
    area: 'innovation-hubs',
    daysFromSeed: -14,
    time: '09:00',
    speakers: ['chen-jing'],
    abstract:
      'Shanghai’s innovation parks move fast. Chen Jing explains how multinational companies work with Chinese startups through open innovation platforms, and what it takes for a Nordic company to be a credible partner there.',
    titleSv: 'Öppna innovationsplattformar i Kina',
    abstractSv:
      'Det går fort i Shanghais innovationsparker. Chen Jing förklarar hur multinationella företag samarbetar med kinesiska startups genom öppna innovationsplattformar, och vad som krävs för att ett nordiskt företag ska bli en trovärdig partner där.',
  },
  {
    slug: 'pilots-with-startups-norway',
    title: 'From pilot to contract: how Norwegian industry buys from startups',
    area: 'procurement-and-pilots',
    daysFromSeed: 14,
    time: '14:00',
    speakers: ['ingrid-haugen'],
    abstract:
      'A pilot that never becomes a contract costs a startup its runway. Ingrid Haugen presents a twelve-week pilot model, the procurement rules behind it, and the numbers from its first three years.',
    titleSv: 'Från pilot till kontrakt: så köper norsk industri av startups',
    abstractSv:
      'Ett pilotprojekt som aldrig blir ett kontrakt kostar en startup den tid som pengarna räcker. Ingrid Haugen presenterar en pilotmodell på tolv veckor, upphandlingsreglerna bakom den och siffrorna från dess tre första år.',
  },
  {
    slug: 'partnership-models-new-york',
    title: 'Partnership models: an innovation outpost in New York',
    area: 'partnership-models',
    daysFromSeed: 42,
    time: '15:00',
    speakers: ['sarah-goldberg'],
    abstract:
      'What does a European manufacturer gain from a scouting team in New York, and what do US startups expect from it? Sarah Goldberg on partnership models that survive the distance and the time difference.',
    titleSv: 'Partnerskapsmodeller: en innovationsutpost i New York',
    abstractSv:
      'Vad vinner en europeisk tillverkare på ett scoutingteam i New York, och vad väntar sig amerikanska startups av det? Sarah Goldberg om partnerskapsmodeller som klarar både avståndet och tidsskillnaden.',
  },
];

async function seedDemoProgramme(db: Db, clock: Clock): Promise<void> {
  for (const [position, area] of AREAS.entries()) await createArea(db, { ...area, position });
  for (const speaker of SPEAKERS) await createSpeaker(db, clock, { ...speaker, photoUrl: null, email: null, language: 'en' });
  const today = clock.now().setZone(DEFAULT_PROGRAMME.defaultZone).startOf('day');
  for (const webinar of WEBINARS) {
    await createWebinar(db, clock, {
      slug: webinar.slug,
      title: webinar.title,
      areaSlug: webinar.area,
      abstract: webinar.abstract,
      titleSv: webinar.titleSv,
      abstractSv: webinar.abstractSv,
      start: { local: `${nextThursday(today.plus({ days: webinar.daysFromSeed }))}T${webinar.time}`, zone: DEFAULT_PROGRAMME.defaultZone, offsetMinutes: null },
      durationMinutes: 60,
      capacity: 100,
      joinUrl: `https://meet.example.org/${webinar.slug}`,
      speakerJoinUrl: `https://meet.example.org/${webinar.slug}/panelists`,
      techCheckMinutes: 30,
      registrationClosesMinutesBefore: 0,
      status: 'published',
      speakers: [...webinar.speakers.map((slug) => ({ slug, role: 'speaker' as const })), { slug: 'anna-lindqvist', role: 'moderator' as const }],
    });
  }
}

/** Webinars are on Thursdays, a day that suits Shanghai, Oslo and the USA alike. */
function nextThursday(day: DateTime): string {
  return day.plus({ days: (4 - day.weekday + 7) % 7 }).toISODate() ?? '';
}
