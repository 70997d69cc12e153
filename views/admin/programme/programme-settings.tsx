// The workspace's programme settings: title, description, organiser, the programme's time zone and its audience's zones.
import { t } from '../../../src/i18n/catalogue.js';
import type { FieldErrors } from '../../../src/errors.js';
import type { Programme } from '../../../src/programme/programme.types.js';
import { CsrfField, ErrorSummary, TextArea, TextField, type FormValues } from '../../components/form-kit.js';
import { ZoneField } from '../../components/zone-field.js';

/** The settings as the form shows them. */
export function programmeFormValues(p: Programme): FormValues {
  return {
    title: p.title,
    tagline: p.tagline,
    description: p.description,
    organiserName: p.organiserName,
    organiserEmail: p.organiserEmail,
    defaultZone: p.defaultZone,
    audienceZones: p.audienceZones.join('\n'),
  };
}

export type ProgrammeSettingsProps = {
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string;
  /** What an empty audience list stands for: the programme's zone and its speakers' zones, as they are now. */
  defaultAudienceZones: string[];
};

export function ProgrammeSettings({ values, errors, csrfToken, defaultAudienceZones }: ProgrammeSettingsProps) {
  return (
    <>
      <h1>{t('workspacePages.programme.title')}</h1>
      <form method="post" action="/admin/programme" class="stack" style="max-width:48rem" novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={errors} />
        <TextField name="title" label={t('workspacePages.programme.form.title')} values={values} errors={errors} required maxlength={200} />
        <TextField name="tagline" label={t('workspacePages.programme.form.tagline')} values={values} errors={errors} maxlength={300} />
        <TextArea
          name="description"
          label={t('workspacePages.programme.form.description')}
          values={values}
          errors={errors}
          required
          rows={6}
          maxlength={5000}
        />
        <TextField name="organiserName" label={t('workspacePages.programme.form.organiser')} values={values} errors={errors} required maxlength={200} />
        <TextField
          name="organiserEmail"
          type="email"
          label={t('workspacePages.programme.form.organiserEmail')}
          hint={t('workspacePages.programme.form.organiserEmailHint')}
          values={values}
          errors={errors}
          required
        />
        <ZoneField
          name="defaultZone"
          label={t('workspacePages.programme.form.zone')}
          hint={t('workspacePages.programme.form.zoneHint')}
          values={values}
          errors={errors}
          required
        />
        <TextArea
          name="audienceZones"
          label={t('workspacePages.programme.form.audienceZones')}
          hint={t('workspacePages.programme.form.audienceZonesHint', { zones: defaultAudienceZones.join(', ') })}
          values={values}
          errors={errors}
          rows={5}
          maxlength={4000}
        />
        <button type="submit">{t('workspacePages.programme.form.save')}</button>
      </form>
    </>
  );
}
