// Serves the stylesheet, the script and the tab icon, with an ETag so that browsers revalidate cheaply.
import { Hono } from 'hono';
import { hubCss } from '../../views/assets/hub.css.js';
import { hubJs } from '../../views/assets/hub.js.js';
import { faviconSvg } from '../../views/assets/favicon.svg.js';
import { contentEtag, isNotModified } from './conditional.js';

const assets: Record<string, { body: string; type: string }> = {
  'hub.css': { body: hubCss, type: 'text/css; charset=utf-8' },
  'hub.js': { body: hubJs, type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { body: faviconSvg, type: 'image/svg+xml' },
};
const etags = new Map(Object.entries(assets).map(([name, asset]) => [name, contentEtag(asset.body)]));

export const assetRoutes = new Hono().get('/:name', (c) => {
  const name = c.req.param('name');
  const asset = assets[name];
  const etag = etags.get(name);
  if (!asset || !etag) return c.notFound();
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=3600');
  if (isNotModified(c, { etag })) return c.body(null, 304);
  return c.body(asset.body, 200, { 'Content-Type': asset.type });
});
