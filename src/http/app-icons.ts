// The icons phones and browsers put on a home screen or a tab strip (apple-touch-icon, the web
// manifest's 192 and 512 px icons), drawn from the tab icon on an opaque tile: iOS fills
// transparency with black. Rendered once per size on first request, then kept (a few KB each).
import { faviconSvg } from '../../views/assets/favicon.svg.js';

export const ICON_SIZES = [180, 192, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** The hub's page colour behind the icon; the icon takes 80 % of the tile (the maskable safe zone). */
const TILE = '#ffffff';

const rendered = new Map<IconSize, Promise<Uint8Array>>();

export function iconSvg(size: IconSize): string {
  const inner = Math.round(size * 0.8);
  const offset = Math.round((size - inner) / 2);
  const icon = faviconSvg.replace('<svg ', `<svg x="${offset}" y="${offset}" width="${inner}" height="${inner}" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" fill="${TILE}"/>${icon}</svg>`;
}

export function iconPng(size: IconSize): Promise<Uint8Array> {
  let png = rendered.get(size);
  if (!png) {
    png = (async () => {
      // Loaded on first use, like the preview images: most requests never need the native module.
      const { renderAsync } = await import('@resvg/resvg-js');
      const image = await renderAsync(iconSvg(size), { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, logLevel: 'off' });
      return new Uint8Array(image.asPng());
    })();
    // A failed render is tried again next time rather than remembered.
    png.catch(() => rendered.delete(size));
    rendered.set(size, png);
  }
  return png;
}

export function webManifest(programme: { title: string; tagline: string }): string {
  return JSON.stringify({
    name: programme.title,
    short_name: programme.title.length <= 20 ? programme.title : 'Webinars',
    description: programme.tagline,
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    background_color: '#f4f6f9',
    theme_color: '#0b5cad',
    icons: [
      { src: '/assets/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any maskable' },
      { src: '/assets/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
    ],
  });
}
