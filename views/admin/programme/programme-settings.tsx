// The workspace's programme settings: title, description, organiser, the programme's time zone and its audience's zones.
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
      <h1>Programme settings</h1>
      <form method="post" action="/admin/programme" class="stack" style="max-width:48rem" novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={errors} />
        <TextField name="title" label="Title" values={values} errors={errors} required maxlength={200} />
        <TextField name="tagline" label="Tagline" values={values} errors={errors} maxlength={300} />
        <TextArea name="description" label="Description" values={values} errors={errors} required rows={6} maxlength={5000} />
        <TextField name="organiserName" label="Organiser" values={values} errors={errors} required maxlength={200} />
        <TextField
          name="organiserEmail"
          type="email"
          label="Organiser email"
          hint="The ORGANIZER of every calendar invitation."
          values={values}
          errors={errors}
          required
        />
        <ZoneField
          name="defaultZone"
          label="Programme time zone"
          hint="Pages use it until a visitor picks their own. A city, a country or an IANA name such as Europe/Stockholm."
          values={values}
          errors={errors}
          required
        />
        <TextArea
          name="audienceZones"
          label="Audience time zones"
          hint={`Where the people you invite sit, one IANA zone per line (Asia/Shanghai, America/New_York). The scheduling assistant warns about night-time starts for them until registrations come in. Empty: the programme’s zone and the speakers’ zones, now ${defaultAudienceZones.join(', ')}.`}
          values={values}
          errors={errors}
          rows={5}
          maxlength={4000}
        />
        <button type="submit">Save settings</button>
      </form>
    </>
  );
}
