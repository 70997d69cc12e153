// GET /robots.txt and /sitemap.xml: how search engines find the public pages and leave the
// private ones alone.
import { Hono } from 'hono';
import { DateTime } from 'luxon';
import type { Db } from '../db/connection.js';
import { textResponse } from '../http/text-response.js';
import { listMaterialsOfWebinars } from '../materials/material.service.js';
import { getProgramme, listAreas, listWebinars } from '../programme/programme.service.js';
import { robotsTxt, sitemapXml, type SitemapPage } from './site-map.js';

export function discoveryRoutes(deps: { db: Db; baseUrl: string }) {
  return new Hono()
    .get('/robots.txt', (c) => textResponse(c, { body: robotsTxt(deps.baseUrl), contentType: 'text/plain; charset=utf-8', maxAgeSeconds: 86_400 }))
    .get('/sitemap.xml', async (c) => {
      const pages = await publicPages(deps.db);
      const newest = DateTime.max(...pages.flatMap((page) => (page.lastModified ? [page.lastModified] : [])));
      return textResponse(c, { body: sitemapXml(deps.baseUrl, pages), contentType: 'application/xml; charset=utf-8', lastModified: newest ?? undefined });
    });
}

/** Every public page with the time its content last changed (a webinar's own or its materials'). */
async function publicPages(db: Db): Promise<SitemapPage[]> {
  const [programme, areas, webinars] = await Promise.all([getProgramme(db), listAreas(db), listWebinars(db)]);
  const materials = await listMaterialsOfWebinars(
    db,
    webinars.map((w) => w.id),
    { publicOnly: true },
  );
  const changed = new Map<number, DateTime>();
  for (const webinar of webinars) {
    changed.set(webinar.id, DateTime.max(webinar.updatedAt, ...(materials.get(webinar.id) ?? []).map((m) => m.updatedAt)));
  }
  const newest = (list: readonly { id: number }[], fallback: DateTime) => DateTime.max(fallback, ...list.map((w) => changed.get(w.id)!));
  // A speaker's page shows their webinars: it changes with them.
  const speakers = new Map<string, { slug: string; at: DateTime }>();
  for (const webinar of webinars) {
    for (const speaker of webinar.speakers) {
      const at = DateTime.max(speaker.updatedAt, changed.get(webinar.id)!, speakers.get(speaker.slug)?.at ?? speaker.updatedAt);
      speakers.set(speaker.slug, { slug: speaker.slug, at });
    }
  }
  const withMaterials = webinars.filter((w) => (materials.get(w.id) ?? []).length > 0);
  return [
    { path: '/', lastModified: newest(webinars, programme.updatedAt) },
    { path: '/webinars', lastModified: newest(webinars, programme.updatedAt) },
    { path: '/recordings', lastModified: newest(withMaterials, programme.updatedAt) },
    ...areas.map((area) => ({
      path: `/areas/${area.slug}`,
      lastModified: newest(
        webinars.filter((w) => w.area?.id === area.id),
        programme.updatedAt,
      ),
    })),
    ...webinars.map((webinar) => ({ path: `/webinars/${webinar.slug}`, lastModified: changed.get(webinar.id)! })),
    ...[...speakers.values()].map((speaker) => ({ path: `/speakers/${speaker.slug}`, lastModified: speaker.at })),
  ];
}
