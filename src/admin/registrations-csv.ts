// Registrations as a CSV file that Excel and LibreOffice open safely: UTF-8 with a BOM, RFC 4180.
import { organisationTypeLabel } from '../registration/registration.validation.js';
import { statusLabel, type AdminRegistration } from './registrations-admin.service.js';

export const CSV_HEADER = [
  'Name',
  'Email',
  'Organisation',
  'Organisation type',
  'Time zone',
  'Status',
  'Waiting-list place',
  'Registered at (UTC)',
  'Question',
] as const;

/** Without the byte order mark, Excel reads the file as the local code page and mangles å, ä, ö and 中文. */
const BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)" typed as a
 * name). The leading apostrophe makes it text; tab and carriage return are there because some
 * programs strip them and then see the formula behind.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: ReadonlyArray<string | number | null>): string {
  return values.map(csvCell).join(',');
}

export function registrationsCsv(registrations: readonly AdminRegistration[]): string {
  const lines = [
    csvRow(CSV_HEADER),
    ...registrations.map((r) =>
      csvRow([
        r.name,
        r.email,
        r.organisation,
        organisationTypeLabel(r.organisationType),
        r.zone,
        statusLabel(r.status),
        r.waitlistPlace,
        r.createdAt.toUTC().toISO({ suppressMilliseconds: true }),
        r.question,
      ]),
    ),
  ];
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
