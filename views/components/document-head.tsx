// The <head> every page shares: encoding, viewport, title, the stylesheet and the one script.
import { raw } from 'hono/html';
export type DocumentHeadProps = {
  title: string;
  description?: string;
  /** Pages behind secret links or sign-in are kept out of search engines. */
  noIndex?: boolean;
  referrer?: 'no-referrer' | 'strict-origin-when-cross-origin';
  /** Feeds a page offers to readers and crawlers (<link rel="alternate">). */
  alternates?: ReadonlyArray<{ type: string; href: string; title: string }>;
  /** schema.org data for search engines, already serialised (see src/programme/event-data.ts). */
  structuredData?: string;
};

export function DocumentHead(props: DocumentHeadProps) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <title>{props.title}</title>
      {props.description ? <meta name="description" content={props.description} /> : null}
      {props.noIndex ? <meta name="robots" content="noindex, nofollow" /> : null}
      {props.referrer ? <meta name="referrer" content={props.referrer} /> : null}
      <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      {(props.alternates ?? []).map((feed) => (
        <link rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
      ))}
      <link rel="stylesheet" href="/assets/hub.css" />
      <script src="/assets/hub.js" defer></script>
      {props.structuredData ? <script type="application/ld+json">{raw(props.structuredData)}</script> : null}
    </head>
  );
}
