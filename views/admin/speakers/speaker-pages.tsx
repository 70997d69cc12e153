// The workspace's speaker pages: the list, the new-speaker form and a speaker's edit page.
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../../src/errors.js';
import type { Speaker } from '../../../src/programme/programme.types.js';
import { CsrfField, ErrorSummary, TextArea, TextField, type FormValues } from '../../components/form-kit.js';
import { TableWrap } from '../../components/table-wrap.js';
import { reflow } from '../../components/reflow-table.js';
import { SpeakerPhotoPanel } from './speaker-photo-panel.js';
import { ZoneField } from '../../components/zone-field.js';

export function SpeakerList({ speakers }: { speakers: Speaker[] }) {
  return (
    <>
      <div class="actions" style="justify-content:space-between">
        <h1>Speakers</h1>
        <a class="button" href="/admin/speakers/new">
          New speaker
        </a>
      </div>
      <TableWrap label="Speakers">
        <table {...reflow.table}>
          <thead {...reflow.rowgroup}>
            <tr {...reflow.row}>
              <th {...reflow.columnHeader}>Name</th>
              <th {...reflow.columnHeader}>Where</th>
              <th {...reflow.columnHeader}>Time zone</th>
            </tr>
          </thead>
          <tbody {...reflow.rowgroup}>
            {speakers.map((s) => (
              <tr {...reflow.row}>
                <td {...reflow.cell(undefined, 'row-head')}>
                  <a href={`/admin/speakers/${s.slug}`}>{s.name}</a>
                  <span class="clock-date">{[s.title, s.organisation].filter(Boolean).join(', ')}</span>
                </td>
                <td {...reflow.cell('Where')}>
                  {s.city}, {s.country}
                </td>
                <td {...reflow.cell('Time zone')}>{s.zone}</td>
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
      <TextField name="name" label="Name" values={values} errors={errors} required maxlength={120} />
      <TextField name="title" label="Title" values={values} errors={errors} maxlength={160} />
      <TextField name="organisation" label="Organisation" values={values} errors={errors} maxlength={160} />
      <TextField name="city" label="City" values={values} errors={errors} required maxlength={100} />
      <TextField name="country" label="Country" values={values} errors={errors} required maxlength={100} />
      <ZoneField
        name="timezone"
        label="Time zone"
        hint="Where the speaker will be during the webinar: a city, a country or an IANA name such as Asia/Shanghai."
        values={values}
        errors={errors}
        required
      />
      <TextField name="email" type="email" label="Email" hint="For calendar invitations and the speaker’s private link." values={values} errors={errors} />
      <TextField
        name="photoUrl"
        type="url"
        label="Photo URL (https)"
        hint="A link to a photo elsewhere; or upload one under Photo once the speaker is saved. A new link replaces an uploaded photo."
        values={values}
        errors={errors}
      />
      <TextArea name="bio" label="Biography" values={values} errors={errors} rows={5} maxlength={3000} />
      <div class="actions">
        <button type="submit">{submit}</button>
        <a class="button secondary" href="/admin/speakers">
          Back
        </a>
      </div>
    </form>
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
    photoUrl: s.photoUrl ?? '',
    bio: s.bio,
  };
}

export function NewSpeaker(props: { values: FormValues; errors: FieldErrors; csrfToken: string }) {
  return (
    <>
      <h1>New speaker</h1>
      <SpeakerForm action="/admin/speakers" submit="Create speaker" {...props} />
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
        <a href="/admin/speakers">← Speakers</a> · <a href={`/speakers/${speaker.slug}`}>Public page</a>
      </p>
      <h1>{speaker.name}</h1>
      <div class="layout-2">
        <SpeakerForm action={`/admin/speakers/${speaker.slug}`} values={values} errors={errors} csrfToken={csrfToken} submit="Save speaker" />
        <aside>
          <SpeakerPhotoPanel speaker={speaker} csrfToken={csrfToken} error={photoError} />
          {extras}
        </aside>
      </div>
    </>
  );
}
