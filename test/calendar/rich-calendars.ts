// Calendars that exercise everything the builder writes: non-ASCII and Chinese text at every fold
// position, long URLs, alarms, attendees, cancelled events, and the PUBLISH, REQUEST and CANCEL methods.
import { DateTime } from 'luxon';
import type { CalendarDocument, CalendarEvent } from '../../src/calendar/calendar.builder.js';
import { speakerEvents } from '../../src/calendar/speaker-events.js';
import { webinarEvent } from '../../src/calendar/webinar-events.js';
import type { Programme, Webinar, WebinarSpeaker } from '../../src/programme/programme.types.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });

const programme: Programme = {
  title: 'Innovationswebbinarier: öppen innovation i Norden och världen — 开放式创新网络研讨会系列 — a long programme title',
  tagline: 'Samverkan mellan stora företag och startups; erfarenheter från Kina, Norge och USA, med kommatecken, semikolon; och "citat".',
  description: 'Beskrivning',
  organiserName: 'Åsa Öberg, Innovationskontoret',
  organiserEmail: 'innovation-webbinarier@example.org',
  defaultZone: 'Europe/Stockholm',
  audienceZones: [],
  updatedAt: at('2026-11-01T09:00:00Z'),
};

function speaker(id: number, name: string, zone: string, city: string, country: string, role: WebinarSpeaker['role']): WebinarSpeaker {
  return {
    id,
    slug: `speaker-${id}`,
    name,
    title: id % 2 ? 'Professor, Institutionen för ekonomi' : '',
    organisation: id % 2 ? 'Fudan University 复旦大学' : 'Equinor ASA',
    city,
    country,
    zone,
    bio: '',
    photoUrl: null,
    photo: null,
    email: `speaker${id}@example.org`,
    language: 'en',
    updatedAt: at('2026-10-01T08:00:00Z'),
    role,
  };
}

function webinar(id: number, startIso: string, overrides: Partial<Webinar>): Webinar {
  const startsAt = at(startIso);
  return {
    id,
    slug: `webinar-${id}`,
    uid: `webinar-${id}@webinar-hub`,
    title: `Webinar ${id}`,
    area: { id: 1, slug: 'open-innovation', name: 'Öppen innovation, partnerskap & pilotprojekt', description: '', position: 1 },
    abstract: 'An abstract.',
    titleSv: null,
    abstractSv: null,
    start: { local: startIso.slice(0, 16), zone: 'Europe/Stockholm', offsetMinutes: null },
    startsAt,
    endsAt: startsAt.plus({ minutes: 90 }),
    previousStartsAt: null,
    durationMinutes: 90,
    capacity: 100,
    joinUrl: 'https://meet.example.org/j/81234567890?pwd=VGhpcyBpcyBhIHZlcnkgbG9uZyBwYXNzd29yZCB0b2tlbg',
    status: 'published',
    sequence: 2,
    speakerJoinUrl: null,
    techCheckMinutes: 0,
    registrationClosesMinutesBefore: 0,
    createdAt: at('2026-09-01T10:00:00Z'),
    updatedAt: at('2026-11-02T10:15:00Z'),
    speakers: [],
    ...overrides,
  };
}

const chinese = webinar(1, '2027-03-18T14:00:00Z', {
  title: '开放式创新平台：中国大企业如何与初创企业合作（上海、深圳、杭州）——经验与教训',
  abstract:
    '本次网络研讨会介绍中国大型企业的开放式创新平台。我们将讨论孵化器、加速器和企业风险投资，以及外国企业如何参与。\n\n第二段：合作模式、知识产权、数据共享；以及“试点到合同”的路径。',
  speakers: [
    speaker(1, '张伟', 'Asia/Shanghai', 'Shanghai 上海', 'China 中国', 'speaker'),
    speaker(2, 'Ingrid Sørensen', 'Europe/Oslo', 'Trondheim', 'Norge', 'moderator'),
  ],
});

const swedish = webinar(2, '2027-10-31T01:30:00Z', {
  title: 'Från pilot till kontrakt: hur norsk industri köper från startups — Ærlig, ødmyk og åpen; "sitat", komma, semikolon; bakstreck \\ slut',
  abstract: `Åtta företag berättar. ${'Ä'.repeat(37)}x${'é'.repeat(40)} ${'€'.repeat(30)} slut.\nNy rad; och mer, text. Emoji 🚀🎉 mitt i ${'a'.repeat(71)}🚀 och 👩‍🔬 kombinerat; e\u0301 kombinerande accent.`,
  speakers: [speaker(3, 'Jürgen Østergård-Łukasiewicz', 'Europe/Berlin', 'Köln', 'Deutschland', 'panelist')],
  speakerJoinUrl: 'https://meet.example.org/panelists/s/9f8e7d6c5b4a3928171615141312111009080706050403020100?role=panelist&lang=sv',
  techCheckMinutes: 30,
});

const cancelled = webinar(3, '2027-11-04T15:00:00Z', {
  title: 'Corporate venture capital: lessons from Silicon Valley (cancelled)',
  status: 'cancelled',
  sequence: 5,
  area: null,
  speakers: [speaker(4, 'Maria Gonzalez', 'America/Los_Angeles', 'San José', 'USA', 'speaker')],
});

const links = [
  {
    label: 'Inspelning',
    url: 'https://media.example.org/recordings/2027/03/18/open-innovation-platforms-in-china/recording-full-length-1080p.mp4?download=1&utm_source=calendar',
  },
  { label: 'Bilder (PDF)', url: 'https://hub.example.org/materials/12/slides-öppen-innovation.pdf' },
];

const baseUrl = 'https://hub.example.org';

/** Lines whose last character lands on every octet position around the fold. */
function foldBoundaryEvents(): CalendarEvent[] {
  const fillers = ['a', 'é', '中', '🚀'];
  return fillers.flatMap((filler, f) =>
    Array.from(
      { length: 8 },
      (_, n): CalendarEvent => ({
        uid: `boundary-${f}-${n}@webinar-hub`,
        sequence: n,
        start: at('2027-05-01T08:00:00Z').plus({ hours: f * 8 + n }),
        end: at('2027-05-01T09:00:00Z').plus({ hours: f * 8 + n }),
        stamp: at('2027-01-01T00:00:00Z'),
        lastModified: at('2027-01-01T00:00:00Z'),
        summary: `${'x'.repeat(60 + n)}${filler.repeat(6)}`,
        description: `${'y'.repeat(n)}${filler.repeat(70)}\n${filler.repeat(n + 1)}`,
        url: `${baseUrl}/webinars/${'long-slug-'.repeat(n + 5)}`,
        location: n % 2 ? null : `Rum ${filler.repeat(n * 5)}`,
        categories: n % 3 ? [] : ['Kategori, med komma', `分类${filler}`],
        organizer: { name: 'Innovationskontoret', email: 'innovation@example.org' },
        status: n % 4 === 3 ? 'TENTATIVE' : 'CONFIRMED',
        attendees: [],
        alarms: n % 2 ? [n * 15] : [],
      }),
    ),
  );
}

export const richCalendars: Array<{ name: string; document: CalendarDocument }> = [
  {
    name: 'programme feed',
    document: {
      name: programme.title,
      description: programme.tagline,
      zoneHint: programme.defaultZone,
      events: [cancelled, swedish, chinese].map((w) => webinarEvent(w, programme, { baseUrl, links: w.id === 1 ? links : [] })),
    },
  },
  {
    name: 'single webinar file',
    document: {
      name: chinese.title,
      description: programme.title,
      zoneHint: 'Asia/Shanghai',
      method: 'PUBLISH',
      events: [webinarEvent(chinese, programme, { baseUrl, links })],
    },
  },
  {
    name: 'registration invite',
    document: {
      name: swedish.title,
      description: 'Webbinarieinbjudan',
      zoneHint: 'America/Los_Angeles',
      method: 'REQUEST',
      events: [
        webinarEvent(swedish, programme, {
          baseUrl,
          joinUrl: swedish.joinUrl,
          alarms: [1440, 90, 60, 15],
          attendees: [
            { name: 'Åsa Öberg-Lindqvist, "Innovation" Lead; Sverige', email: 'asa.oberg-lindqvist@example.se' },
            { name: '李娜', email: 'li.na@example.cn', role: 'optional', status: 'tentative' },
            { name: 'Chair Person', email: 'chair@example.org', role: 'chair', status: 'needs-action' },
            { name: 'Observer', email: 'observer@example.org', role: 'non-participant', status: 'declined' },
          ],
          stamp: at('2027-02-01T12:34:56Z'),
        }),
      ],
    },
  },
  {
    name: 'registration cancelled',
    document: {
      name: chinese.title,
      description: 'Avbokning',
      zoneHint: 'Europe/Stockholm',
      method: 'CANCEL',
      events: [
        webinarEvent(chinese, programme, {
          baseUrl,
          joinUrl: chinese.joinUrl,
          cancelledForRecipient: true,
          attendees: [{ name: '王芳', email: 'wang.fang@example.cn' }],
          stamp: at('2027-03-01T07:00:00Z'),
        }),
      ],
    },
  },
  {
    name: 'speaker invite',
    document: {
      name: `Speaking: ${swedish.title}`,
      description: 'Talarinbjudan',
      zoneHint: 'Europe/Berlin',
      method: 'REQUEST',
      events: speakerEvents(swedish, programme, {
        baseUrl,
        speaker: { name: 'Jürgen Østergård-Łukasiewicz', email: 'speaker3@example.org' },
        privateUrl: `${baseUrl}/speaker/0123456789abcdef0123456789abcdef0123456789abcdef`,
        stamp: at('2027-02-02T08:00:00Z'),
        links,
      }),
    },
  },
  { name: 'fold boundaries', document: { name: 'Gränsfall', description: '边界', zoneHint: 'UTC', events: foldBoundaryEvents() } },
  { name: 'empty feed', document: { name: 'Tomt', description: '', zoneHint: 'Europe/Stockholm', events: [] } },
];
