// The two CSV forms, byte for byte: Excel's (BOM, semicolons) and the comma form, with the programme
// zone's wall-clock times across both of Stockholm's clock changes in 2027.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AdminRegistration } from '../../src/admin/registrations-admin.service.js';
import { cellWriter, csvFileName, registrationsCsv } from '../../src/admin/registrations-csv.js';

function registration(overrides: Partial<AdminRegistration> & { at: string }): AdminRegistration {
  const { at, ...rest } = overrides;
  return {
    id: 1,
    webinarId: 1,
    attendeeId: 1,
    name: 'Åsa Öberg',
    email: 'asa@example.se',
    organisation: 'Volvo',
    organisationType: 'large-company',
    zone: 'Europe/Stockholm',
    status: 'confirmed',
    question: null,
    createdAt: DateTime.fromISO(at, { zone: 'UTC' }),
    confirmedAt: null,
    cancelledAt: null,
    waitlistPlace: null,
    ...rest,
  };
}

const FIXTURE: AdminRegistration[] = [
  // The day before the clocks go forward (28 March 2027, 02:00 -> 03:00): winter time.
  registration({ at: '2027-03-27T12:00:00Z' }),
  // Half an hour after they went forward: summer time.
  registration({ at: '2027-03-28T01:30:00Z', name: 'Erik; Berg', organisation: 'Berg, Berg & Co', organisationType: 'startup' }),
  // 02:30 happens twice on 31 October 2027: first in summer time, then again an hour later in winter time.
  registration({ at: '2027-10-31T00:30:00Z', name: '=HYPERLINK("https://evil.example")', organisation: '-1', organisationType: 'other' }),
  registration({
    at: '2027-10-31T01:30:00Z',
    name: '王芳',
    organisation: '@home',
    organisationType: 'academia',
    zone: 'Asia/Shanghai',
    status: 'waitlisted',
    waitlistPlace: 2,
    question: 'Two lines:\nand "quotes"',
  }),
];

describe('registrationsCsv', () => {
  it('writes the Excel form: BOM, semicolons, CRLF, local times Excel parses with their offset, and the UTC instant', () => {
    expect(registrationsCsv(FIXTURE, { form: 'excel', zone: 'Europe/Stockholm' })).toBe(
      '\uFEFF' +
        "Name;Email;Organisation;Organisation type;Attendee's time zone;Status;Waiting-list place;Registered at (Europe/Stockholm);UTC offset;Registered at (UTC);Question\r\n" +
        'Åsa Öberg;asa@example.se;Volvo;Large company;Europe/Stockholm;Confirmed;;2027-03-27 13:00;UTC+01:00;2027-03-27T12:00:00Z;\r\n' +
        '"Erik; Berg";asa@example.se;Berg, Berg & Co;Small company or startup;Europe/Stockholm;Confirmed;;2027-03-28 03:30;UTC+02:00;2027-03-28T01:30:00Z;\r\n' +
        `"'=HYPERLINK(""https://evil.example"")";asa@example.se;'-1;Other;Europe/Stockholm;Confirmed;;2027-10-31 02:30;UTC+02:00;2027-10-31T00:30:00Z;\r\n` +
        `王芳;asa@example.se;'@home;University or research institute;Asia/Shanghai;Waiting list;2;2027-10-31 02:30;UTC+01:00;2027-10-31T01:30:00Z;"Two lines:\nand ""quotes"""\r\n`,
    );
  });

  it('writes the comma form for other tools: no BOM, commas, the same columns', () => {
    expect(registrationsCsv(FIXTURE, { form: 'comma', zone: 'Europe/Stockholm' })).toBe(
      "Name,Email,Organisation,Organisation type,Attendee's time zone,Status,Waiting-list place,Registered at (Europe/Stockholm),UTC offset,Registered at (UTC),Question\r\n" +
        'Åsa Öberg,asa@example.se,Volvo,Large company,Europe/Stockholm,Confirmed,,2027-03-27 13:00,UTC+01:00,2027-03-27T12:00:00Z,\r\n' +
        'Erik; Berg,asa@example.se,"Berg, Berg & Co",Small company or startup,Europe/Stockholm,Confirmed,,2027-03-28 03:30,UTC+02:00,2027-03-28T01:30:00Z,\r\n' +
        `"'=HYPERLINK(""https://evil.example"")",asa@example.se,'-1,Other,Europe/Stockholm,Confirmed,,2027-10-31 02:30,UTC+02:00,2027-10-31T00:30:00Z,\r\n` +
        `王芳,asa@example.se,'@home,University or research institute,Asia/Shanghai,Waiting list,2,2027-10-31 02:30,UTC+01:00,2027-10-31T01:30:00Z,"Two lines:\nand ""quotes"""\r\n`,
    );
  });

  it('shows times in the programme’s zone, whatever it is', () => {
    const [line] = registrationsCsv([registration({ at: '2027-03-14T12:00:00Z' })], { form: 'comma', zone: 'America/New_York' })
      .split('\r\n')
      .slice(1);
    // New York is already on summer time on 14 March, Europe not yet.
    expect(line).toBe('Åsa Öberg,asa@example.se,Volvo,Large company,Europe/Stockholm,Confirmed,,2027-03-14 08:00,UTC-04:00,2027-03-14T12:00:00Z,');
    expect(registrationsCsv([], { form: 'excel', zone: 'America/New_York' })).toBe(
      "\uFEFFName;Email;Organisation;Organisation type;Attendee's time zone;Status;Waiting-list place;Registered at (America/New_York);UTC offset;Registered at (UTC);Question\r\n",
    );
  });

  it('quotes for its own separator and neutralises formulas in both forms', () => {
    const semicolon = cellWriter(';');
    expect(['a;b', 'a,b', 'x\r\ny', '+1', '\t=1', 'a-b', 7, null].map((value) => semicolon(value))).toEqual([
      '"a;b"',
      'a,b',
      '"x\r\ny"',
      "'+1",
      "'\t=1",
      'a-b',
      '7',
      '',
    ]);
  });

  it('names each file after its form', () => {
    expect(csvFileName('pilots-with-startups-norway', 'excel')).toBe('pilots-with-startups-norway-registrations-excel-semicolon.csv');
    expect(csvFileName('pilots-with-startups-norway', 'comma')).toBe('pilots-with-startups-norway-registrations-comma.csv');
  });
});
