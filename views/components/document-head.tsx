// The <head> every page shares: encoding, viewport, title, the stylesheet and the one script; and on
// public pages what link previews and search engines read (canonical address, Open Graph, Twitter).
import { raw } from 'hono/html';
import { DESCRIPTION_MAX, wholeWords } from '../../src/previews/share-text.js';
import type { ShareMeta } from '../../src/previews/share-meta.js';

export type DocumentHeadProps = {
  title: string;
  /** The page's own title for link previews, without the programme's name after it. */
  shareTitle?: string;
  description?: string;
  /** Pages behind secret links or sign-in are kept out of search engines. */
  noIndex?: boolean;
  referrer?: 'no-referrer' | 'strict-origin-when-cross-origin';
  /** Public pages only: never given to a page behind a secret link, whose address is a key. */
  share?: ShareMeta;
  /** Feeds a page offers to readers and crawlers (<link rel="alternate">). */
  alternates?: ReadonlyArray<{ type: string; href: string; title: string }>;
  /** schema.org data for search engines, already serialised (see src/programme/event-data.ts). */
  structuredData?: string;
};

export function DocumentHead(props: DocumentHeadProps) {
  const share = props.noIndex ? undefined : props.share;
  // Cut at a whole word, never mid-word, here and in og:description alike.
  const description = props.description ? wholeWords(props.description, DESCRIPTION_MAX) : undefined;
  const shareDescription = description || (share ? wholeWords(share.fallbackDescription, DESCRIPTION_MAX) : '');
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <title>{props.title}</title>
      {description ? <meta name="description" content={description} /> : null}
      {props.noIndex ? <meta name="robots" content="noindex, nofollow" /> : null}
      {props.referrer ? <meta name="referrer" content={props.referrer} /> : null}
      {share ? (
        <>
          <link rel="canonical" href={share.url} />
          <meta property="og:type" content={share.type} />
          <meta property="og:site_name" content={share.siteName} />
          <meta property="og:title" content={props.shareTitle ?? props.title} />
          {shareDescription ? <meta property="og:description" content={shareDescription} /> : null}
          <meta property="og:url" content={share.url} />
          <meta property="og:image" content={share.image.url} />
          <meta property="og:image:type" content="image/png" />
          <meta property="og:image:width" content={String(share.image.width)} />
          <meta property="og:image:height" content={String(share.image.height)} />
          <meta property="og:image:alt" content={share.image.alt} />
          <meta name="twitter:card" content="summary_large_image" />
          <meta name="twitter:image:alt" content={share.image.alt} />
        </>
      ) : null}
      <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
      <link rel="manifest" href="/manifest.webmanifest" />
      <meta name="theme-color" content="#0b5cad" media="(prefers-color-scheme: light)" />
      <meta name="theme-color" content="#1a2029" media="(prefers-color-scheme: dark)" />
      {(props.alternates ?? []).map((feed) => (
        <link rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
      ))}
      <link rel="stylesheet" href="/assets/hub.css" />
      <script src="/assets/hub.js" defer></script>
      {props.structuredData ? <script type="application/ld+json">{raw(props.structuredData)}</script> : null}
    </head>
  );
}
