// The workspace's speaker pages: the list, the new-speaker form and a speaker's edit page.
import { t } from '../../../src/i18n/catalogue.js';
import { currentRendering } from '../../../src/i18n/current-language.js';
import { LANGUAGE_NAMES } from '../../../src/i18n/languages.js';
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../../src/errors.js';
import type { Speaker } from '../../../src/programme/programme.types.js';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, type FormValues } from '../../components/form-kit.js';
import { TableWrap } from '../../components/table-wrap.js';
import { reflow } from '../../components/reflow-table.js';
import { SpeakerPhotoPanel } from './speaker-photo-panel.js';
import { ZoneField } from '../../components/zone-field.js';

export function SpeakerList({ speakers }: { speakers: Speaker[] }) {
  return (
    <>
      <div class="actions" style="justify-content:space-between">
        <h1>{t('workspacePages.speakers.title')}</h1>
        <a class="button" href="/admin/new-speaker">
          {t('workspacePages.speakers.new')}
        </a>
      </div>
      <TableWrap label={t('workspacePages.speakers.title')}>
        <table {...reflow.table}>
          <thead {...reflow.rowgroup}>
            <tr {...reflow.row}>
              <th {...reflow.columnHeader}>{t('workspacePages.speakers.column.name')}</th>
              <th {...reflow.columnHeader}>{t('workspacePages.speakers.column.where')}</th>
              <th {...reflow.columnHeader}>{t('workspacePages.speakers.column.zone')}</th>
            </tr>
          </thead>
          <tbody {...reflow.rowgroup}>
            {speakers.map((s) => (
              <tr {...reflow.row}>
                <td {...reflow.cell(undefined, 'row-head')}>
                  <a href={`/admin/speakers/${s.slug}`}>{s.name}</a>
                  <span class="clock-date">{[s.title, s.organisation].filter(Boolean).join(', ')}</span>
                </td>
                <td {...reflow.cell(t('workspacePages.speakers.column.where'))}>
                  {s.city}, {s.country}
                </td>
                <td {...reflow.cell(t('workspacePages.speakers.column.zone'))}>{s.zone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

export type SpeakerFormProps = { action: string; values: FormValues; errors: FieldErrors; csrfToken: string; submit: string };

export function SpeakerForm({ action, values, errors, csrfToken, submit }: SpeakerFormProps) {
  return (
    <form method="post" action={action} class="stack" novalidate>
      <CsrfField token={csrfToken} />
      <ErrorSummary errors={errors} />
      <TextField name="name" label={t('workspacePages.speakers.form.name')} values={values} errors={errors} required maxlength={120} />
      <TextField name="title" label={t('workspacePages.speakers.form.title')} values={values} errors={errors} maxlength={160} />
      <TextField name="organisation" label={t('workspacePages.speakers.form.organisation')} values={values} errors={errors} maxlength={160} />
      <TextField name="city" label={t('workspacePages.speakers.form.city')} values={values} errors={errors} required maxlength={100} />
      <TextField name="country" label={t('workspacePages.speakers.form.country')} values={values} errors={errors} required maxlength={100} />
      <ZoneField
        name="timezone"
        label={t('workspacePages.speakers.form.zone')}
        hint={t('workspacePages.speakers.form.zoneHint')}
        values={values}
        errors={errors}
        required
      />
      <TextField
        name="email"
        type="email"
        label={t('workspacePages.speakers.form.email')}
        hint={t('workspacePages.speakers.form.emailHint')}
        values={values}
        errors={errors}
      />
      <LanguageField values={values} errors={errors} />
      <TextField
        name="photoUrl"
        type="url"
        label={t('workspacePages.speakers.form.photoUrl')}
        hint={t('workspacePages.speakers.form.photoUrlHint')}
        values={values}
        errors={errors}
      />
      <TextArea name="bio" label={t('workspacePages.speakers.form.bio')} values={values} errors={errors} rows={5} maxlength={3000} />
      <div class="actions">
        <button type="submit">{submit}</button>
        <a class="button secondary" href="/admin/speakers">
          {t('workspacePages.speakers.form.back')}
        </a>
      </div>
    </form>
  );
}

/** The language of the speaker's emails and calendar, offered where the hub speaks more than one. */
function LanguageField({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const { offered } = currentRendering();
  if (offered.length < 2) return null;
  return (
    <SelectField
      name="language"
      label={t('workspacePages.speakers.form.language')}
      hint={t('workspacePages.speakers.form.languageHint')}
      values={values}
      errors={errors}
      required
      options={offered.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
    />
  );
}

/** A speaker as the edit form shows it. */
export function speakerFormValues(s: Speaker): FormValues {
  return {
    name: s.name,
    title: s.title,
    organisation: s.organisation,
    city: s.city,
    country: s.country,
    timezone: s.zone,
    email: s.email ?? '',
    language: s.language,
    photoUrl: s.photoUrl ?? '',
    bio: s.bio,
  };
}

export function NewSpeaker(props: { values: FormValues; errors: FieldErrors; csrfToken: string }) {
  return (
    <>
      <h1>{t('workspacePages.speakers.new')}</h1>
      <SpeakerForm action="/admin/speakers" submit={t('workspacePages.speakers.form.create')} {...props} />
    </>
  );
}

export type SpeakerEditProps = {
  speaker: Speaker;
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string;
  /** Controls beside the form that other features add (the speaker's private link). */
  extras: Child;
  /** Why the photo just sent was refused. */
  photoError?: string;
};

export function SpeakerEdit({ speaker, values, errors, csrfToken, extras, photoError }: SpeakerEditProps) {
  return (
    <>
      <p class="small">
        <a href="/admin/speakers">{t('workspacePages.speakers.backToList')}</a> ·{' '}
        <a href={`/speakers/${speaker.slug}`}>{t('workspacePages.speakers.publicPage')}</a>
      </p>
      <h1>{speaker.name}</h1>
      <div class="layout-2">
        <SpeakerForm
          action={`/admin/speakers/${speaker.slug}`}
          values={values}
          errors={errors}
          csrfToken={csrfToken}
          submit={t('workspacePages.speakers.form.save')}
        />
        <aside>
          <SpeakerPhotoPanel speaker={speaker} csrfToken={csrfToken} error={photoError} />
          {extras}
        </aside>
      </div>
    </>
  );
}
