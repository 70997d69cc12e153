// The webinar form: content, time (local time + zone), seats, links, speakers with roles.
import { TableWrap } from '../../components/table-wrap.js';
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../../src/errors.js';
import type { Area, Speaker } from '../../../src/programme/programme.types.js';
import { ZoneField } from '../../components/zone-field.js';
import {
  CsrfField,
  ErrorSummary,
  Fieldset,
  fieldId,
  type FormValues,
  SelectControl,
  SelectField,
  type SelectOption,
  TextArea,
  TextField,
} from '../../components/form-kit.js';

export type WebinarFormProps = {
  action: string;
  mode: 'new' | 'edit';
  values: FormValues;
  errors: FieldErrors;
  areas: Area[];
  speakers: Speaker[];
  csrfToken: string;
  /** The scheduling assistant's view of the entered time. */
  assistant?: Child;
  /** "Suggest times" inside the form (the new-webinar form, which has nothing saved to suggest from). */
  suggest?: Child;
};

export const ROLE_FIELD_PREFIX = 'role_';

const ROLE_OPTIONS: SelectOption[] = [
  { value: '', label: 'Not in this webinar' },
  { value: 'speaker', label: 'Speaker' },
  { value: 'moderator', label: 'Moderator' },
  { value: 'panelist', label: 'Panelist' },
];

export function WebinarForm(props: WebinarFormProps) {
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} class="stack" style="max-width:48rem" novalidate>
      <CsrfField token={props.csrfToken} />
      <ErrorSummary errors={errors} />
      <TextField name="title" label="Title" values={values} errors={errors} required maxlength={200} />
      {props.mode === 'new' ? (
        <TextField
          name="slug"
          label="Address (slug)"
          hint="Lower-case words joined by hyphens; made from the title when left empty."
          values={values}
          errors={errors}
          maxlength={80}
        />
      ) : null}
      <SelectField
        name="areaSlug"
        label="Knowledge area"
        values={values}
        errors={errors}
        options={[{ value: '', label: 'None' }, ...props.areas.map((a) => ({ value: a.slug, label: a.name }))]}
      />
      <TextArea name="abstract" label="Abstract" values={values} errors={errors} rows={5} maxlength={5000} />

      <Fieldset legend="When">
        <div class="stack">
          <TextField
            name="start"
            type="datetime-local"
            label="Starts (local date and time)"
            hint="The wall-clock time in the zone below, as you would say it: 15:00 in Stockholm."
            values={values}
            errors={errors}
            required
          />
          <ZoneField
            name="timezone"
            label="Time zone of that time"
            hint="A city, a country or an IANA name such as Europe/Stockholm."
            values={values}
            errors={errors}
            required
          />
          <TextField
            name="offset"
            label="UTC offset"
            hint="Only for a time that happens twice when the clocks go back, e.g. +02:00 for the first 02:30, +01:00 for the second."
            placeholder="+01:00"
            values={values}
            errors={errors}
            maxlength={6}
          />
          <TextField name="durationMinutes" type="number" label="Duration (minutes)" values={values} errors={errors} required />
          <div class="actions">
            <button type="submit" name="intent" value="check" class="secondary">
              Check this time with the speakers
            </button>
          </div>
          {props.assistant}
          {props.suggest}
        </div>
      </Fieldset>

      <Fieldset legend="Speakers" name="speakers" errors={errors}>
        {props.speakers.length === 0 ? <p class="muted">No speakers yet: add them under Speakers first.</p> : null}
        <TableWrap label="Speakers and roles">
          <table>
            <thead>
              <tr>
                <th scope="col">Speaker</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {props.speakers.map((speaker) => {
                const name = `${ROLE_FIELD_PREFIX}${speaker.slug}`;
                return (
                  <tr>
                    <td>
                      {/* The speaker's name labels the role select in the next cell. */}
                      <label for={fieldId({ name })}>{speaker.name}</label>
                      <span class="clock-date">
                        {speaker.city}, {speaker.country} · {speaker.zone}
                      </span>
                    </td>
                    <td>
                      <SelectControl name={name} values={values} errors={errors} options={ROLE_OPTIONS} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </Fieldset>

      <Fieldset legend="Seats and links">
        <div class="stack">
          <TextField
            name="capacity"
            type="number"
            label="Capacity"
            hint="Leave empty for no limit; the rest go on a waiting list."
            values={values}
            errors={errors}
          />
          <TextField
            name="registrationClosesMinutesBefore"
            type="number"
            label="Registration closes (minutes before the start)"
            hint="0 closes registration when the webinar starts."
            values={values}
            errors={errors}
          />
          <TextField name="joinUrl" type="url" label="Attendees’ join link" hint="Shown only to confirmed attendees." values={values} errors={errors} />
          <TextField
            name="speakerJoinUrl"
            type="url"
            label="Speakers’ (panelists’) join link"
            hint="Shown only to this webinar’s speakers."
            values={values}
            errors={errors}
          />
          <TextField name="techCheckMinutes" type="number" label="Technical check (minutes before the start)" values={values} errors={errors} />
        </div>
      </Fieldset>

      <SelectField
        name="status"
        label="Status"
        hint="Only published webinars appear on the site; publishing sends the speakers their invitations."
        values={values}
        errors={errors}
        required
        options={[
          { value: 'draft', label: 'Draft' },
          { value: 'published', label: 'Published' },
          ...(props.mode === 'edit' ? [{ value: 'cancelled', label: 'Cancelled' }] : []),
        ]}
      />
      <div class="actions">
        <button type="submit" name="intent" value="save">
          {props.mode === 'new' ? 'Create webinar' : 'Save changes'}
        </button>
        <a class="button secondary" href="/admin/webinars">
          Back to the list
        </a>
      </div>
    </form>
  );
}
