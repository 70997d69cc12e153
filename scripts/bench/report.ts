// Numbers to markdown: formatting, and tables in which a failed measurement is a row that says why.

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function formatRate(value: number): string {
  return value < 10 ? value.toFixed(1) : formatCount(value);
}

export function formatMs(value: number): string {
  return value < 10 ? value.toFixed(1) : formatCount(value);
}

export function formatRatio(value: number): string {
  return value < 1 ? value.toFixed(3) : value.toFixed(2);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "12 (429×10, 500×2)", or "0". */
export function formatStatusCounts(total: number, byStatus: Map<string, number>): string {
  if (total === 0) return '0';
  return `${formatCount(total)} (${[...byStatus].map(([status, count]) => `${status}×${formatCount(count)}`).join(', ')})`;
}

export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/\|/g, '\\|').slice(0, 160);
}

export type Table = { title: string; columns: string[]; rows: string[][]; notes: string[] };

export function newTable(title: string, columns: string[]): Table {
  return { title, columns, rows: [], notes: [] };
}

/** A measurement that could not be made: its name, then "failed: <why>" where the numbers would be. */
export function addFailedRow(table: Table, name: string, error: unknown): void {
  table.rows.push([name, `**failed**: ${reasonOf(error)}`, ...Array<string>(table.columns.length - 2).fill('–')]);
}

export function renderTable(table: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `## ${table.title}`,
    '',
    line(table.columns),
    line(table.columns.map(() => '---')),
    ...table.rows.map(line),
    ...(table.notes.length > 0 ? ['', ...table.notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}
