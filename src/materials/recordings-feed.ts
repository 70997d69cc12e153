// /recordings.atom: an Atom 1.0 feed (RFC 4287) of the recordings archive, so that people and
// other sites hear about a new recording or new slides without visiting. One entry per webinar in
// the archive (past, with public materials), updated whenever its materials change; it links to
// the webinar's page and to every public recording, file and link. Pure: data in, XML out.
import { DateTime } from 'luxon';
import type { Programme } from '../programme/programme.types.js';
import { showIn, toStoredInstant } from '../time/index.js';
import { publicHref } from './material.links.js';
import { labelledTitle, materialKindLabel, type Material } from './material.types.js';
import type { RecordingItem } from './recordings-archive.js';

/** The newest entries; older ones stay on /recordings (a feed reader only needs what is new). */
export const RECORDINGS_FEED_ENTRIES = 50;

export function recordingsFeed(programme: Programme, items: readonly RecordingItem[], baseUrl: string): { body: string; updated: DateTime } {
  const entries = items.map((item) => ({ item, updated: latestChange(item.materials) })).sort((a, b) => b.updated.toMillis() - a.updated.toMillis());
  const shown = entries.slice(0, RECORDINGS_FEED_ENTRIES);
  const updated = shown[0]?.updated ?? programme.updatedAt;
  const hrefOf = publicHref(baseUrl);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(`${baseUrl}/recordings.atom`)}</id>`,
    `  <title>${xml(`${programme.title}: recordings and slides`)}</title>`,
    `  <subtitle>${xml(`New recordings and slides from the webinars of ${programme.title}.`)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${baseUrl}/recordings.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${baseUrl}/recordings`)}"/>`,
    `  <updated>${atomTime(updated)}</updated>`,
    `  <author><name>${xml(programme.organiserName)}</name></author>`,
    `  <icon>${xml(`${baseUrl}/assets/favicon.svg`)}</icon>`,
  ];
  for (const { item, updated: entryUpdated } of shown) {
    const { webinar, materials } = item;
    const page = `${baseUrl}/webinars/${webinar.slug}`;
    const start = showIn(webinar.startsAt, programme.defaultZone);
    const speakers = webinar.speakers.map((s) => s.name);
    const what = materialSummary(materials);
    lines.push(
      '  <entry>',
      `    <id>${xml(`${page}#materials`)}</id>`,
      `    <title>${xml(webinar.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(page)}"/>`,
      ...materials.map((material) => {
        const type = material.file ? ` type="${xml(material.file.contentType)}"` : '';
        return `    <link rel="related"${type} href="${xml(hrefOf(material))}" title="${xml(materialTitle(material))}"/>`;
      }),
      `    <published>${atomTime(earliestAddition(materials))}</published>`,
      `    <updated>${atomTime(entryUpdated)}</updated>`,
      ...(speakers.length > 0 ? speakers : [programme.organiserName]).map((name) => `    <author><name>${xml(name)}</name></author>`),
      ...(webinar.area ? [`    <category term="${xml(webinar.area.slug)}" label="${xml(webinar.area.name)}"/>`] : []),
      `    <summary>${xml(`${what} of the webinar of ${start.date}, ${start.time} ${start.abbreviation}${speakers.length > 0 ? ` with ${joinNames(speakers)}` : ''}.`)}</summary>`,
      `    <content type="html">${xml(entryHtml(webinar.abstract, materials, hrefOf))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return { body: lines.join('\n'), updated };
}

function latestChange(materials: readonly Material[]): DateTime {
  return DateTime.max(...materials.map((m) => m.updatedAt))!;
}

function earliestAddition(materials: readonly Material[]): DateTime {
  return DateTime.min(...materials.map((m) => m.createdAt))!;
}

function materialTitle(material: Material): string {
  return material.kind === 'link' ? material.title : labelledTitle(materialKindLabel(material.kind, 'en'), material.title);
}

/** "Recording and slides", "Recording", "Slides and 2 links". */
function materialSummary(materials: readonly Material[]): string {
  const count = (kind: Material['kind']) => materials.filter((m) => m.kind === kind).length;
  const parts = [
    count('recording') > 0 ? (count('recording') === 1 ? 'recording' : `${count('recording')} recordings`) : '',
    count('slides') > 0 ? 'slides' : '',
    count('link') > 0 ? (count('link') === 1 ? 'a link' : `${count('link')} links`) : '',
  ].filter(Boolean);
  const text = joinNames(parts);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The entry's readable content: the abstract and the materials as a list of links (escaped HTML). */
function entryHtml(abstract: string, materials: readonly Material[], hrefOf: (m: Material) => string): string {
  const items = materials.map((m) => `<li><a href="${html(hrefOf(m))}">${html(materialTitle(m))}</a></li>`).join('');
  return `<p>${html(abstract)}</p><ul>${items}</ul>`;
}

/** RFC 3339, in UTC: an instant, not a time shown to a person. */
function atomTime(instant: DateTime): string {
  return toStoredInstant(instant);
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text for XML content and attributes; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return html(text)
    .replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
