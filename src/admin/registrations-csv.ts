// Registrations as CSV in two forms: one that Excel opens directly where the list separator is a
// semicolon (Swedish and most of continental Europe), and plain comma-separated UTF-8 for other tools.
import { t } from '../i18n/catalogue.js';
import { showIn } from '../time/index.js';
import { organisationTypeLabel } from '../registration/registration.validation.js';
import { statusLabel, type AdminRegistration } from './registrations-admin.service.js';

export type CsvForm = 'excel' | 'comma';

type CsvFormat = { separator: ';' | ','; bom: boolean; fileSuffix: string };

/**
 * Excel splits an opened .csv at the list separator of the computer's locale, a semicolon in
 * Swedish, and reads it as the local code page unless it starts with a byte order mark (which it
 * then ignores when a "sep=" line is present, so there is none). Other tools (scripts, Google
 * Sheets, Numbers) expect RFC 4180: commas, and no BOM, which some would keep in the first header.
 */
export const CSV_FORMATS: Record<CsvForm, CsvFormat> = {
  excel: { separator: ';', bom: true, fileSuffix: 'excel-semicolon' },
  comma: { separator: ',', bom: false, fileSuffix: 'comma' },
};

const BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)" typed as a
 * name). The leading apostrophe makes it text; tab and carriage return are there because some
 * programs strip them and then see the formula behind.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Writes one cell for `separator`: formulas neutralised, quoted when it holds a quote, the separator or a line break. */
export function cellWriter(separator: ';' | ','): (value: string | number | null) => string {
  const needsQuotes = separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return (value) => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
    return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
}

/** The comma form's cell. */
export const csvCell = cellWriter(',');

/** The header row in the language being rendered (English: the names scripts already read). */
export function csvHeader(zone: string): string[] {
  return [
    t('workspacePages.registrations.csv.name'),
    t('workspacePages.registrations.csv.email'),
    t('workspacePages.registrations.csv.organisation'),
    t('workspacePages.registrations.csv.organisationType'),
    t('workspacePages.registrations.csv.zone'),
    t('workspacePages.registrations.csv.status'),
    t('workspacePages.registrations.csv.place'),
    t('workspacePages.registrations.csv.registeredAt', { zone }),
    // "UTC+01:00" rather than "+01:00", which a spreadsheet would read as a formula or a time.
    t('workspacePages.registrations.csv.offset'),
    t('workspacePages.registrations.csv.registeredAtUtc'),
    t('workspacePages.registrations.csv.question'),
  ];
}

/**
 * The registrations in `form`. Times are the programme zone's wall clock in the form Excel reads as
 * a date and time ("2027-03-18 15:00"), with that moment's offset beside it (the same wall-clock
 * time happens twice on the night clocks go back), and the exact instant in UTC for scripts.
 */
export function registrationsCsv(registrations: readonly AdminRegistration[], options: { form: CsvForm; zone: string }): string {
  const format = CSV_FORMATS[options.form];
  const cell = cellWriter(format.separator);
  const row = (values: ReadonlyArray<string | number | null>) => `${values.map(cell).join(format.separator)}\r\n`;
  const lines = [
    row(csvHeader(options.zone)),
    ...registrations.map((r) => {
      const local = showIn(r.createdAt, options.zone);
      return row([
        r.name,
        r.email,
        r.organisation,
        organisationTypeLabel(r.organisationType),
        r.zone,
        statusLabel(r.status),
        r.waitlistPlace,
        `${local.isoDate} ${local.time}`,
        local.offset,
        r.createdAt.toUTC().toISO({ suppressMilliseconds: true }),
        r.question,
      ]);
    }),
  ];
  return `${format.bom ? BOM : ''}${lines.join('')}`;
}

/** "pilots-with-startups-norway-registrations-excel-semicolon.csv": the file says which form it is. */
export function csvFileName(slug: string, form: CsvForm): string {
  return `${slug.replace(/[^a-z0-9-]/gi, '') || 'webinar'}-registrations-${CSV_FORMATS[form].fileSuffix}.csv`;
}
