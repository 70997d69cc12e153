// Attributes for a table that becomes one block per row on a phone (CSS: table.reflow). A table whose
// display is changed loses its table semantics in some browsers (WebKit), so the roles are spelled
// out; they are spread from here because Biome's noRedundantRoles cannot see the CSS that needs them.

export const reflow = {
  table: { class: 'reflow', role: 'table' },
  rowgroup: { role: 'rowgroup' },
  row: { role: 'row' },
  columnHeader: { scope: 'col', role: 'columnheader' },
  rowHeader: { scope: 'row', role: 'rowheader' },
  /** A cell; on a phone `label` (its column's name) is shown before it, and a cell without one leads its row. */
  cell: (label?: string, className?: string) => ({ role: 'cell', 'data-label': label, class: className }),
} as const;
