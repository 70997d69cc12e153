// A table that may scroll sideways on a narrow screen: a labelled region keyboard users can focus
// and scroll (WCAG 2.1.1; axe's scrollable-region-focusable).
import type { Child } from 'hono/jsx';

export function TableWrap({ label, children }: { label: string; children: Child }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
