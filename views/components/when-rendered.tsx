// A page described when it is rendered rather than when its data is loaded: hono/jsx renders in one
// synchronous pass inside the request's language (see src/http/language.ts), while a handler's own
// code runs between awaits, outside it. A page builder that loads data and then writes text (t(),
// showIn()) into its props returns <WhenRendered page={() => …} /> so that the text is in the reader's language.
import type { Child } from 'hono/jsx';

export function WhenRendered({ page }: { page: () => Child }) {
  return <>{page()}</>;
}
