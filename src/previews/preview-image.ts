// The link-preview image of a webinar or of the programme: card data -> SVG -> 1200×630 PNG. Pure
// apart from reading the shipped font files once; the fonts come from npm (Inter), never from the
// system, so the same data gives the same bytes on any machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type FontMetrics, readFontMetrics } from './font-metrics.js';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

export type PreviewCard = {
  /** "Webinar", "Webinar programme": the small label above the title. */
  label: string;
  /** Shown as a red "Cancelled" label instead. */
  cancelled: boolean;
  title: string;
  /** The date and time line, already in the programme's zone: "Thu 18 Mar 2027 · 15:00–16:00 CET". */
  when: string | null;
  /** Under it, smaller: "Stockholm time (UTC+01:00)". */
  whenNote: string | null;
  speakers: Array<{ name: string; country: string }>;
  /** The programme card's tagline. */
  summary: string | null;
  /** Where a webinar lists its speakers, the programme card says who organises it. */
  byline: string | null;
  programmeName: string;
  /** The footer's text beside the icon: the programme's name on a webinar's card. */
  footer: string;
  /** The hub's host name, bottom right. */
  host: string;
};

const require = createRequire(import.meta.url);
const WEIGHTS = { regular: '400Regular', semibold: '600SemiBold', bold: '700Bold' } as const;
type Weight = keyof typeof WEIGHTS;
const FONT_FILES: Record<Weight, string> = {
  regular: require.resolve(`@expo-google-fonts/inter/${WEIGHTS.regular}/Inter_${WEIGHTS.regular}.ttf`),
  semibold: require.resolve(`@expo-google-fonts/inter/${WEIGHTS.semibold}/Inter_${WEIGHTS.semibold}.ttf`),
  bold: require.resolve(`@expo-google-fonts/inter/${WEIGHTS.bold}/Inter_${WEIGHTS.bold}.ttf`),
};
const FONT_WEIGHT: Record<Weight, number> = { regular: 400, semibold: 600, bold: 700 };

let loaded: Record<Weight, FontMetrics> | undefined;
function metrics(): Record<Weight, FontMetrics> {
  loaded ??= {
    regular: readFontMetrics(readFileSync(FONT_FILES.regular)),
    semibold: readFontMetrics(readFileSync(FONT_FILES.semibold)),
    bold: readFontMetrics(readFileSync(FONT_FILES.bold)),
  };
  return loaded;
}

// The hub's colours (views/assets/hub.css.ts): accent, its darker shade (the favicon's), ink, wash.
const ACCENT = '#0b5cad';
const ACCENT_DARK = '#08447f';
const INK = '#1c2430';
const MUTED = '#556070';
const ON_ACCENT_MUTED = '#cfe0f5';
const BAD = '#a3212a';

const PAD = 72;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * PAD;
const FOOTER_HEIGHT = 96;

/** Stands for a run of characters the font cannot draw, until the text is tidied. */
const GAP = '\u0000';

/**
 * Text the font can draw: characters it has no glyph for (Chinese, Arabic, emoji...) are left out
 * rather than drawn as boxes. Brackets right after such a run usually hold its translation, which
 * then stands in its place ("中国的平台 (Platforms in China)" reads "Platforms in China"); brackets
 * left empty go. A text with nothing left is empty, and callers say something else instead.
 */
export function drawableText(text: string): string {
  const font = metrics().regular;
  let kept = '';
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0)!;
    if (/\s/u.test(char)) kept += ' ';
    else kept += codePoint >= 0x20 && codePoint !== 0x7f && font.covers(codePoint) ? char : GAP;
  }
  return kept
    .replace(/\u0000[\u0000\s]*[(（]\s*([^()（）\u0000]*?)\s*[)）]/g, ' $1 ')
    .replaceAll(GAP, ' ')
    .replace(/[([{]\s*[)\]}]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/^[\s,.;:·–—-]+/u, '')
    .trim();
}

/**
 * The text wrapped into at most `maxLines` lines of `width` at `size`; when it does not fit, the
 * last line ends at a whole word with "…". A word wider than a line is cut inside.
 */
export function wrapText(text: string, weight: Weight, size: number, width: number, maxLines: number): { lines: string[]; cut: boolean } {
  const font = metrics()[weight];
  const fits = (line: string) => font.widthOf(line, size) <= width;
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index]!;
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) {
      if (lines.length === maxLines - 1) break;
      lines.push(current);
      current = '';
      index--;
      continue;
    }
    // One word wider than the line: as many characters as fit.
    let part = '';
    for (const char of word) {
      if (!fits(part + char)) break;
      part += char;
    }
    current = part;
    words[index] = word.slice(part.length);
    if (lines.length === maxLines - 1) break;
    lines.push(current);
    current = '';
    index--;
  }
  const cut = index < words.length;
  if (!cut) {
    if (current) lines.push(current);
    return { lines, cut: false };
  }
  let last = current;
  while (last && !fits(`${last}…`)) last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : [...last].slice(0, -1).join('');
  lines.push(`${last.replace(/[\s,;:\-–—(·]+$/u, '')}…`);
  return { lines, cut: true };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function textElement(x: number, y: number, text: string, weight: Weight, size: number, fill: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-family="Inter" font-weight="${FONT_WEIGHT[weight]}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(text)}</text>`;
}

/** The title: large on two lines, or a size smaller on three when two do not hold it. */
function titleLines(title: string): { lines: string[]; size: number } {
  const large = wrapText(title, 'bold', 64, TEXT_WIDTH, 2);
  if (!large.cut) return { lines: large.lines, size: 64 };
  return { lines: wrapText(title, 'bold', 52, TEXT_WIDTH, 3).lines, size: 52 };
}

/** "Name, Country · Name, Country" on at most `maxLines` (two) lines, ending "+ 3 more" when not all fit. */
function speakerLines(speakers: PreviewCard['speakers'], size: number, maxLines: number): string[] {
  const font = metrics().semibold;
  const width = (text: string) => font.widthOf(text, size);
  const entries = speakers
    .map((speaker) => {
      const name = drawableText(speaker.name);
      const country = drawableText(speaker.country);
      // A name the font cannot draw at all still counts the speaker in, by their country.
      const entry = name ? (country ? `${name}, ${country}` : name) : country ? `Speaker from ${country}` : '';
      return width(entry) > TEXT_WIDTH ? wrapText(entry, 'semibold', size, TEXT_WIDTH, 1).lines[0]! : entry;
    })
    .filter(Boolean);
  const layout = (shown: string[]): string[] | undefined => {
    const lines: string[] = [];
    let current = '';
    for (const entry of shown) {
      const candidate = current ? `${current}${SEPARATOR}${entry}` : entry;
      if (width(candidate) <= TEXT_WIDTH) current = candidate;
      else {
        lines.push(current);
        current = entry;
      }
    }
    if (current) lines.push(current);
    return lines.length <= maxLines ? lines : undefined;
  };
  for (let count = entries.length; count >= 1; count--) {
    const rest = entries.length - count;
    const lines = layout(rest > 0 ? [...entries.slice(0, count), `+ ${rest} more`] : entries);
    if (lines) return lines;
  }
  return [];
}

const SEPARATOR = '  ·  ';

/** The card as SVG text, 1200×630, text in Inter only. */
export function previewSvg(card: PreviewCard): string {
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">`,
    '<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f6bc6"/>',
    `<stop offset="0.55" stop-color="${ACCENT}"/><stop offset="1" stop-color="${ACCENT_DARK}"/></linearGradient></defs>`,
    `<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="url(#bg)"/>`,
    // Two soft rings in the corner: depth without an image to fetch.
    `<circle cx="1130" cy="40" r="220" fill="none" stroke="#ffffff" stroke-opacity="0.07" stroke-width="48"/>`,
    `<circle cx="1130" cy="40" r="330" fill="none" stroke="#ffffff" stroke-opacity="0.04" stroke-width="36"/>`,
  );

  // The label, as a pill.
  const label = (card.cancelled ? 'Cancelled' : card.label).toUpperCase();
  const labelWidth = metrics().bold.widthOf(label, 20) + label.length * 1.5 + 36;
  parts.push(
    `<rect x="${PAD}" y="64" width="${labelWidth.toFixed(1)}" height="40" rx="20" fill="${card.cancelled ? BAD : '#ffffff'}" fill-opacity="${card.cancelled ? 1 : 0.16}"/>`,
    textElement(PAD + 18, 91, label, 'bold', 20, '#ffffff', ' letter-spacing="1.5"'),
  );

  let y = 104;
  const title = titleLines(drawableText(card.title) || drawableText(card.programmeName));
  const titleLeading = Math.round(title.size * 1.16);
  y += 28;
  for (const line of title.lines) {
    y += titleLeading;
    parts.push(textElement(PAD, y, line, 'bold', title.size, '#ffffff'));
  }

  if (card.when) {
    y += 56;
    parts.push(textElement(PAD, y, wrapText(card.when, 'semibold', 34, TEXT_WIDTH, 1).lines[0]!, 'semibold', 34, '#ffffff'));
    if (card.whenNote) {
      y += 36;
      parts.push(textElement(PAD, y, wrapText(card.whenNote, 'regular', 24, TEXT_WIDTH, 1).lines[0]!, 'regular', 24, ON_ACCENT_MUTED));
    }
  }
  if (card.summary) {
    const summary = wrapText(drawableText(card.summary), 'regular', 32, TEXT_WIDTH, 2).lines;
    y += 20;
    for (const line of summary) {
      y += 44;
      parts.push(textElement(PAD, y, line, 'regular', 32, ON_ACCENT_MUTED));
    }
  }

  // Speakers sit just above the footer, bottom-aligned, whatever the title's height.
  const footerTop = PREVIEW_HEIGHT - FOOTER_HEIGHT;
  const room = Math.min(2, Math.floor((footerTop - 40 - (y + 30)) / 36) + 1);
  const byline = card.byline ? wrapText(drawableText(card.byline), 'semibold', 26, TEXT_WIDTH, room).lines : [];
  const speakers = room > 0 ? (card.speakers.length > 0 ? speakerLines(card.speakers, 26, room) : byline) : [];
  if (speakers.length > 0) {
    let lineY = footerTop - 40 - (speakers.length - 1) * 36;
    for (const line of speakers) {
      parts.push(textElement(PAD, lineY, line, 'semibold', 26, '#ffffff'));
      lineY += 36;
    }
  }

  // The footer: the programme's name with the hub's icon, and where the page lives.
  const host = drawableText(card.host);
  const hostWidth = metrics().regular.widthOf(host, 24);
  const nameWidth = TEXT_WIDTH - 64 - hostWidth - 32;
  const footer = wrapText(drawableText(card.footer), 'semibold', 26, nameWidth, 1).lines[0] ?? '';
  const baseline = footerTop + FOOTER_HEIGHT / 2 + 9;
  parts.push(
    `<rect y="${footerTop}" width="${PREVIEW_WIDTH}" height="${FOOTER_HEIGHT}" fill="#ffffff"/>`,
    `<g transform="translate(${PAD} ${footerTop + 26}) scale(1.375)">`,
    `<rect x="3" y="5" width="26" height="24" rx="4" fill="${ACCENT}"/><rect x="3" y="5" width="26" height="7" rx="3" fill="${ACCENT_DARK}"/>`,
    `<circle cx="16" cy="20" r="6" fill="#fff"/><path d="M16 16.5V20l2.5 1.5" stroke="${ACCENT}" stroke-width="1.8" fill="none" stroke-linecap="round"/>`,
    `<rect x="9" y="2" width="3" height="6" rx="1.5" fill="${ACCENT_DARK}"/><rect x="20" y="2" width="3" height="6" rx="1.5" fill="${ACCENT_DARK}"/></g>`,
    textElement(PAD + 64, baseline, footer, 'semibold', 26, INK),
    textElement(PREVIEW_WIDTH - PAD, baseline, host, 'regular', 24, MUTED, ' text-anchor="end"'),
    '</svg>',
  );
  return parts.join('');
}

/** The card as PNG bytes, rendered off the event loop (resvg's thread pool). */
export async function renderPreviewPng(card: PreviewCard): Promise<Uint8Array> {
  // Loaded on the first image, not at start: the native module costs tens of ms to load, and an
  // instance may never be asked for an image.
  const { renderAsync } = await import('@resvg/resvg-js');
  const rendered = await renderAsync(previewSvg(card), {
    font: {
      loadSystemFonts: false,
      fontFiles: Object.values(FONT_FILES),
      defaultFontFamily: 'Inter',
      sansSerifFamily: 'Inter',
    },
    fitTo: { mode: 'original' },
    logLevel: 'off',
  });
  return new Uint8Array(rendered.asPng());
}
