// What search engines may crawl and where the public pages are: robots.txt and sitemap.xml
// (sitemaps.org 0.9). Pure builders; the routes gather the data through the features' services.
import type { DateTime } from 'luxon';
import { toStoredInstant } from '../time/index.js';

/** Behind sign-in, secret links or a token: never crawled (their pages also say noindex). */
export const PRIVATE_PREFIXES = ['/admin', '/my/', '/speaker/', '/api/'] as const;

export function robotsTxt(baseUrl: string): string {
  return ['User-agent: *', ...PRIVATE_PREFIXES.map((prefix) => `Disallow: ${prefix}`), '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}

export type SitemapPage = { path: string; lastModified: DateTime | null };

export function sitemapXml(baseUrl: string, pages: readonly SitemapPage[]): string {
  const urls = pages.map((page) => {
    const lastmod = page.lastModified ? `<lastmod>${toStoredInstant(page.lastModified)}</lastmod>` : '';
    return `  <url><loc>${escapeXml(`${baseUrl}${page.path}`)}</loc>${lastmod}</url>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
