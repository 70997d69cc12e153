// The webinar form: content, time (local time + zone), seats, links, speakers with roles.
import { t } from '../../../src/i18n/catalogue.js';
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

/** The roles a speaker can have in a webinar, labelled in the language being rendered. */
function roleOptions(): SelectOption[] {
  return [
    { value: '', label: t('workspacePages.webinars.form.role.none') },
    { value: 'speaker', label: t('workspacePages.webinars.form.role.speaker') },
    { value: 'moderator', label: t('workspacePages.webinars.form.role.moderator') },
    { value: 'panelist', label: t('workspacePages.webinars.form.role.panelist') },
  ];
}

export function WebinarForm(props: WebinarFormProps) {
  const { values, errors } = props;
  const roles = roleOptions();
  return (
    <form method="post" action={props.action} class="stack" style="max-width:48rem" novalidate>
      <CsrfField token={props.csrfToken} />
      <ErrorSummary errors={errors} />
      <TextField name="title" label={t('workspacePages.webinars.form.title')} values={values} errors={errors} required maxlength={200} />
      {props.mode === 'new' ? (
        <TextField
          name="slug"
          label={t('workspacePages.webinars.form.slug')}
          hint={t('workspacePages.webinars.form.slugHint')}
          values={values}
          errors={errors}
          maxlength={80}
        />
      ) : null}
      <SelectField
        name="areaSlug"
        label={t('workspacePages.webinars.form.area')}
        values={values}
        errors={errors}
        options={[{ value: '', label: t('workspacePages.webinars.form.noArea') }, ...props.areas.map((a) => ({ value: a.slug, label: a.name }))]}
      />
      <TextArea name="abstract" label={t('workspacePages.webinars.form.abstract')} values={values} errors={errors} rows={5} maxlength={5000} />
      <TextField
        name="titleSv"
        label={t('workspacePages.webinars.form.titleSv')}
        hint={t('workspacePages.webinars.form.titleSvHint')}
        values={values}
        errors={errors}
        maxlength={200}
        lang="sv"
      />
      <TextArea
        name="abstractSv"
        label={t('workspacePages.webinars.form.abstractSv')}
        hint={t('workspacePages.webinars.form.abstractSvHint')}
        values={values}
        errors={errors}
        rows={5}
        maxlength={5000}
        lang="sv"
      />

      <Fieldset legend={t('workspacePages.webinars.form.when')}>
        <div class="stack">
          <TextField
            name="start"
            type="datetime-local"
            label={t('workspacePages.webinars.form.start')}
            hint={t('workspacePages.webinars.form.startHint')}
            values={values}
            errors={errors}
            required
          />
          <ZoneField
            name="timezone"
            label={t('workspacePages.webinars.form.zone')}
            hint={t('workspacePages.webinars.form.zoneHint')}
            values={values}
            errors={errors}
            required
          />
          <TextField
            name="offset"
            label={t('workspacePages.webinars.form.offset')}
            hint={t('workspacePages.webinars.form.offsetHint')}
            placeholder="+01:00"
            values={values}
            errors={errors}
            maxlength={6}
          />
          <TextField name="durationMinutes" type="number" label={t('workspacePages.webinars.form.duration')} values={values} errors={errors} required />
          <div class="actions">
            <button type="submit" name="intent" value="check" class="secondary">
              {t('workspacePages.webinars.form.check')}
            </button>
          </div>
          {props.assistant}
          {props.suggest}
        </div>
      </Fieldset>

      <Fieldset legend={t('workspacePages.webinars.form.speakers')} name="speakers" errors={errors}>
        {props.speakers.length === 0 ? <p class="muted">{t('workspacePages.webinars.form.noSpeakers')}</p> : null}
        <TableWrap label={t('workspacePages.webinars.form.speakersAndRoles')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('workspacePages.webinars.form.speaker')}</th>
                <th scope="col">{t('workspacePages.webinars.form.role')}</th>
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
                      <SelectControl name={name} values={values} errors={errors} options={roles} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </Fieldset>

      <Fieldset legend={t('workspacePages.webinars.form.seatsAndLinks')}>
        <div class="stack">
          <TextField
            name="capacity"
            type="number"
            label={t('workspacePages.webinars.form.capacity')}
            hint={t('workspacePages.webinars.form.capacityHint')}
            values={values}
            errors={errors}
          />
          <TextField
            name="registrationClosesMinutesBefore"
            type="number"
            label={t('workspacePages.webinars.form.closes')}
            hint={t('workspacePages.webinars.form.closesHint')}
            values={values}
            errors={errors}
          />
          <TextField
            name="joinUrl"
            type="url"
            label={t('workspacePages.webinars.form.joinUrl')}
            hint={t('workspacePages.webinars.form.joinUrlHint')}
            values={values}
            errors={errors}
          />
          <TextField
            name="speakerJoinUrl"
            type="url"
            label={t('workspacePages.webinars.form.speakerJoinUrl')}
            hint={t('workspacePages.webinars.form.speakerJoinUrlHint')}
            values={values}
            errors={errors}
          />
          <TextField name="techCheckMinutes" type="number" label={t('workspacePages.webinars.form.techCheck')} values={values} errors={errors} />
        </div>
      </Fieldset>

      <SelectField
        name="status"
        label={t('workspacePages.webinars.form.status')}
        hint={t('workspacePages.webinars.form.statusHint')}
        values={values}
        errors={errors}
        required
        options={[
          { value: 'draft', label: t('workspacePages.webinars.form.status.draft') },
          { value: 'published', label: t('workspacePages.webinars.form.status.published') },
          ...(props.mode === 'edit' ? [{ value: 'cancelled', label: t('workspacePages.webinars.form.status.cancelled') }] : []),
        ]}
      />
      <div class="actions">
        <button type="submit" name="intent" value="save">
          {props.mode === 'new' ? t('workspacePages.webinars.form.create') : t('workspacePages.webinars.form.save')}
        </button>
        <a class="button secondary" href="/admin/webinars">
          {t('workspacePages.webinars.form.backToList')}
        </a>
      </div>
    </form>
  );
}
