// Serves the stylesheet, the script and the tab icon, with an ETag so that browsers revalidate cheaply.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Context, Hono } from 'hono';
import { iconPng, type IconSize } from './app-icons.js';
import { hubCss } from '../../views/assets/hub.css.js';
import { hubJs } from '../../views/assets/hub.js.js';
import { faviconSvg } from '../../views/assets/favicon.svg.js';
import { contentEtag, isNotModified } from './conditional.js';

const assets: Record<string, { body: string; type: string }> = {
  'hub.css': { body: hubCss, type: 'text/css; charset=utf-8' },
  'hub.js': { body: hubJs, type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { body: faviconSvg, type: 'image/svg+xml' },
};

/** The home-screen icons (PNG, drawn once from the tab icon). */
async function iconResponse(c: Context, size: IconSize): Promise<Response> {
  const png = await iconPng(size);
  const etag = contentEtag(png);
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=86400');
  if (isNotModified(c, { etag })) return c.body(null, 304);
  return c.body(png as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'image/png' });
}

export const appIconRoutes = new Hono()
  .get('/apple-touch-icon.png', (c) => iconResponse(c, 180))
  .get('/assets/icon-192.png', (c) => iconResponse(c, 192))
  .get('/assets/icon-512.png', (c) => iconResponse(c, 512));

/**
 * hls.js, for the HLS streams that only Safari and phones play natively: the light build (no
 * subtitles or DRM of its own; captions are the page's tracks), read from the package on first use.
 */
let hlsJs: { body: string; etag: string } | undefined;
function hlsScript(): { body: string; etag: string } {
  if (!hlsJs) {
    // Without its source-map comment: the map is not served.
    const body = readFileSync(createRequire(import.meta.url).resolve('hls.js/dist/hls.light.min.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    hlsJs = { body, etag: contentEtag(body) };
  }
  return hlsJs;
}

export const assetRoutes = new Hono().get('/hls.js', (c) => {
  const { body, etag } = hlsScript();
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=86400');
  if (isNotModified(c, { etag })) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
});

// One route per file rather than /:name: next to /hls.js a parameter here would make hono route
// every request of the hub with its slower TrieRouter (see test/http/router.test.ts).
for (const [name, asset] of Object.entries(assets)) {
  const etag = contentEtag(asset.body);
  assetRoutes.get(`/${name}`, (c) => {
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=3600');
    if (isNotModified(c, { etag })) return c.body(null, 304);
    return c.body(asset.body, 200, { 'Content-Type': asset.type });
  });
}
