// The page shell every public and private page shares: header, zone indicator, main, footer.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { zoneCity } from '../src/time/index.js';
import type { ShareMeta } from '../src/previews/share-meta.js';
import { DocumentHead, type DocumentHeadProps } from './components/document-head.js';

export type ViewerZoneProps = {
  zone: string;
  /** True when the viewer picked the zone (query or cookie): the browser zone is then not offered. */
  chosen: boolean;
  /** Path and query of the current page, to come back to after picking a zone. */
  returnTo: string;
};

export type LayoutProps = {
  title: string;
  siteTitle: string;
  viewer?: ViewerZoneProps;
  nav?: 'programme' | 'recordings' | 'zone' | 'admin' | 'none';
  description?: string;
  /** Pages behind secret links must not be indexed or leak their address to other sites. */
  privatePage?: boolean;
  /** Canonical address and link-preview image of a public page (ignored on a private one). */
  share?: ShareMeta;
  alternates?: DocumentHeadProps['alternates'];
  structuredData?: string;
  children: Child;
};

export function Layout(props: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <DocumentHead
          title={props.title === props.siteTitle ? props.title : `${props.title} · ${props.siteTitle}`}
          shareTitle={props.title}
          description={props.description}
          share={props.privatePage ? undefined : props.share}
          noIndex={props.privatePage}
          referrer={props.privatePage ? 'no-referrer' : 'strict-origin-when-cross-origin'}
          alternates={props.alternates}
          structuredData={props.structuredData}
        />
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <div class="inner">
              <a class="brand" href="/">
                {props.siteTitle}
              </a>
              <nav class="site-nav" aria-label="Main">
                <a href="/" aria-current={props.nav === 'programme' ? 'page' : undefined}>
                  Programme
                </a>
                <a href="/recordings" aria-current={props.nav === 'recordings' ? 'page' : undefined}>
                  Recordings
                </a>
                {props.viewer ? (
                  <span class="zone-chip">
                    Times in{' '}
                    <a href={`/timezone?return=${encodeURIComponent(props.viewer.returnTo)}`} aria-current={props.nav === 'zone' ? 'page' : undefined}>
                      {zoneCity(props.viewer.zone)}
                      <span class="visually-hidden"> ({props.viewer.zone}), change time zone</span>
                    </a>
                  </span>
                ) : null}
              </nav>
            </div>
          </header>
          <main id="main">
            {props.viewer ? (
              <p id="zone-offer" class="notice info no-print" hidden data-shown-zone={props.viewer.zone} data-zone-chosen={String(props.viewer.chosen)}>
                Times are shown for {props.viewer.zone}. Your device is set to <strong data-zone-name></strong>:{' '}
                <a data-zone-link href="/timezone">
                  show times in your zone
                </a>
                .
              </p>
            ) : null}
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="inner">
              <a href="/privacy">Privacy</a> · <a href="/calendar.ics">Programme calendar</a> · <a href="/timezone">Time zone</a>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
