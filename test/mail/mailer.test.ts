import { describe, expect, it } from 'vitest';
import { parseSmtpUrl, recordingTransport, redactSmtpUrl } from '../../src/mail/mailer.js';

describe('parseSmtpUrl', () => {
  it('accepts smtp:// and smtps:// with the usual default ports', () => {
    expect([
      parseSmtpUrl('smtp://mail.example.org'),
      parseSmtpUrl('smtps://user%40example.org:pa%2Fss@smtp.example.org'),
      parseSmtpUrl('smtp://127.0.0.1:2525'),
    ]).toEqual([
      { ok: true, value: { url: 'smtp://mail.example.org', host: 'mail.example.org', port: 587, secure: false, authenticated: false } },
      {
        ok: true,
        value: { url: 'smtps://user%40example.org:pa%2Fss@smtp.example.org', host: 'smtp.example.org', port: 465, secure: true, authenticated: true },
      },
      { ok: true, value: { url: 'smtp://127.0.0.1:2525', host: '127.0.0.1', port: 2525, secure: false, authenticated: false } },
    ]);
  });

  it('refuses other schemes and malformed addresses with one line that hides the password', () => {
    expect([
      parseSmtpUrl('https://user:hunter22@mail.example.org'),
      parseSmtpUrl('mail.example.org:587'),
      parseSmtpUrl('smtp://'),
      parseSmtpUrl('smtp://mail.example.org:99999'),
    ]).toEqual([
      {
        ok: false,
        error: 'SMTP_URL must be an smtp:// or smtps:// address such as smtps://user:password@smtp.example.org:465, got "https://user:***@mail.example.org".',
      },
      { ok: false, error: 'SMTP_URL must be an smtp:// or smtps:// address such as smtps://user:password@smtp.example.org:465, got "mail.example.org:587".' },
      {
        ok: false,
        error: 'SMTP_URL must be an smtp:// or smtps:// address such as smtps://user:password@smtp.example.org:465 (the host is missing), got "smtp://".',
      },
      {
        ok: false,
        error: 'SMTP_URL must be an smtp:// or smtps:// address such as smtps://user:password@smtp.example.org:465, got "smtp://mail.example.org:99999".',
      },
    ]);
  });

  it('names the variable it was given', () => {
    expect(parseSmtpUrl('ftp://x', 'MAIL_URL')).toEqual({
      ok: false,
      error: 'MAIL_URL must be an smtp:// or smtps:// address such as smtps://user:password@smtp.example.org:465, got "ftp://x".',
    });
  });
});

describe('redactSmtpUrl', () => {
  it('replaces the password and leaves an address without one alone', () => {
    expect([redactSmtpUrl('smtps://apikey:SG.abc.def@smtp.example.org:465'), redactSmtpUrl('smtp://127.0.0.1:25')]).toEqual([
      'smtps://apikey:***@smtp.example.org:465',
      'smtp://127.0.0.1:25',
    ]);
  });
});

describe('recordingTransport', () => {
  it('records what it accepted and fails while told to', async () => {
    const transport = recordingTransport();
    const message = {
      id: 7,
      kind: 'waitlisted',
      to_address: 'ada@example.com',
      to_name: 'Ada',
      subject: 'On the waiting list',
      text_body: 'Hi',
      html_body: null,
      ics_content: null,
      ics_method: null,
      dedupe_key: null,
      webinar_id: null,
      attendee_id: null,
      status: 'sending' as const,
      attempts: 0,
      next_attempt_at: '2027-02-01T12:00:00Z',
      last_error: null,
      message_id: null,
      created_at: '2027-02-01T12:00:00Z',
      updated_at: '2027-02-01T12:00:00Z',
      sent_at: null,
      not_after: null,
      claimed_by: null,
      claimed_until: null,
      from: 'hub@example.org',
    };
    transport.failWith(new Error('down'));
    await expect(transport.send(message)).rejects.toThrow('down');
    transport.failWith(null);

    expect(await transport.send(message)).toEqual({ messageId: '<recorded-1@test.invalid>' });
    expect([transport.attempts.length, transport.sent]).toEqual([2, [message]]);
  });
});
