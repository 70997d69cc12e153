// The page shell every public and private page shares: header, zone indicator, main, footer.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { zoneCityIn } from '../src/time/index.js';
import type { ShareMeta } from '../src/previews/share-meta.js';
import { DocumentHead, type DocumentHeadProps } from './components/document-head.js';
import { t } from '../src/i18n/catalogue.js';
import { currentLanguage, currentRendering } from '../src/i18n/current-language.js';
import { LANGUAGE_NAMES, type Language } from '../src/i18n/languages.js';

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

/** English / Svenska, each a link to this address in that language; shown when the hub offers several. */
export function LanguageSwitch() {
  const { language, offered, returnTo } = currentRendering();
  if (offered.length < 2 || returnTo === undefined) return null;
  const [path = '/', query = ''] = returnTo.split('?');
  const hrefIn = (other: Language) => {
    const params = new URLSearchParams(query);
    params.set('lang', other);
    return `${path}?${params.toString()}`;
  };
  return (
    <nav class="language-switch" aria-label={t('shell.language.label')}>
      {offered.map((other, index) => (
        <>
          {index > 0 ? ' · ' : null}
          {other === language ? (
            <span lang={other} aria-current="true">
              {LANGUAGE_NAMES[other]}
            </span>
          ) : (
            <a href={hrefIn(other)} lang={other} hreflang={other}>
              {LANGUAGE_NAMES[other]}
            </a>
          )}
        </>
      ))}
    </nav>
  );
}

export function Layout(props: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={currentLanguage()}>
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
            {t('shell.skip')}
          </a>
          <header class="site-header">
            <div class="inner">
              <a class="brand" href="/">
                {props.siteTitle}
              </a>
              <nav class="site-nav" aria-label={t('shell.nav.label')}>
                <a href="/" aria-current={props.nav === 'programme' ? 'page' : undefined}>
                  {t('shell.nav.programme')}
                </a>
                <a href="/recordings" aria-current={props.nav === 'recordings' ? 'page' : undefined}>
                  {t('shell.nav.recordings')}
                </a>
                {props.viewer ? (
                  <span class="zone-chip">
                    {t('shell.zone.timesIn')}{' '}
                    <a href={`/timezone?return=${encodeURIComponent(props.viewer.returnTo)}`} aria-current={props.nav === 'zone' ? 'page' : undefined}>
                      {zoneCityIn(props.viewer.zone, currentLanguage())}
                      <span class="visually-hidden"> {t('shell.zone.change', { zone: props.viewer.zone })}</span>
                    </a>
                  </span>
                ) : null}
              </nav>
              <LanguageSwitch />
            </div>
          </header>
          <main id="main">
            {props.viewer ? (
              <p id="zone-offer" class="notice info no-print" hidden data-shown-zone={props.viewer.zone} data-zone-chosen={String(props.viewer.chosen)}>
                {t('shell.zoneOffer.shown', { zone: props.viewer.zone })} <strong data-zone-name></strong>:{' '}
                <a data-zone-link href="/timezone">
                  {t('shell.zoneOffer.link')}
                </a>
                .
              </p>
            ) : null}
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="inner">
              <a href="/privacy">{t('shell.footer.privacy')}</a> · <a href="/calendar.ics">{t('shell.footer.calendar')}</a> ·{' '}
              <a href="/timezone">{t('shell.footer.zone')}</a>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
