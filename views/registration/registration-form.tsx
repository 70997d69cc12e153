// The registration form: on a webinar page for one webinar, on the programme page for a series.
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../src/errors.js';
import { t } from '../../src/i18n/catalogue.js';
import { HONEYPOT_FIELD, organisationTypeOptions } from '../../src/registration/registration.validation.js';
import type { DateTime } from 'luxon';
import { ZoneField } from '../components/zone-field.js';
import { CheckboxField, ErrorSummary, Fieldset, SelectField, str, TextArea, TextField, type FormValues } from '../components/form-kit.js';

export type RegistrationFormProps = {
  action: string;
  values: FormValues;
  errors: FieldErrors;
  /** Prefill for the time zone when the script cannot detect one. */
  defaultZone: string;
  /** Series form: one checkbox per upcoming webinar. */
  choices?: Array<{ slug: string; label: Child }>;
  heading: string;
  intro?: string;
  submitLabel: string;
  /** The moment whose local times "Did you mean" zones show. */
  now?: DateTime;
};

export function RegistrationForm(props: RegistrationFormProps) {
  const { values, errors } = props;
  const chosen = new Set(Array.isArray(values.webinars) ? values.webinars : values.webinars ? [values.webinars] : []);
  return (
    <section class="panel" aria-labelledby="register-heading" id="register">
      <h2 id="register-heading" style="margin-top:0">
        {props.heading}
      </h2>
      {props.intro ? <p class="small">{props.intro}</p> : null}
      <ErrorSummary form="reg" id="register-errors" errors={errors} />
      {/* The fragment brings the form, and its list of errors, into view on the answer, also without script. */}
      <form class="stack" method="post" action={`${props.action}#register`} novalidate>
        {props.choices ? (
          <Fieldset legend={t('registration.form.webinars')} form="reg" name="webinars" errors={errors}>
            {props.choices.map((choice, i) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="webinars"
                  value={choice.slug}
                  id={i === 0 ? 'reg-webinars' : undefined}
                  checked={chosen.size === 0 || chosen.has(choice.slug)}
                />
                <span>{choice.label}</span>
              </label>
            ))}
          </Fieldset>
        ) : null}
        <TextField form="reg" name="name" label={t('registration.field.name')} autocomplete="name" required maxlength={120} values={values} errors={errors} />
        <TextField
          form="reg"
          name="email"
          type="email"
          label={t('registration.field.email')}
          autocomplete="email"
          required
          maxlength={254}
          values={values}
          errors={errors}
        />
        <TextField
          form="reg"
          name="organisation"
          label={t('registration.field.organisation')}
          autocomplete="organization"
          required
          maxlength={160}
          values={values}
          errors={errors}
        />
        <SelectField
          form="reg"
          name="organisationType"
          label={t('registration.form.organisationType')}
          required
          options={[{ value: '', label: t('registration.form.choose') }, ...organisationTypeOptions()]}
          values={values}
          errors={errors}
        />
        <ZoneField
          form="reg"
          name="timezone"
          label={t('registration.form.zone')}
          hint={t('registration.form.zoneHint')}
          required
          now={props.now}
          detectZone
          placeholder={props.defaultZone}
          values={values}
          errors={errors}
        />
        <TextArea form="reg" name="question" label={t('registration.form.question')} maxlength={2000} rows={3} values={values} errors={errors} />
        <CheckboxField
          form="reg"
          name="consent"
          value="yes"
          required
          checked={str(values, 'consent') !== ''}
          label={
            <>
              {t('registration.form.consent')} (<a href="/privacy">{t('registration.form.privacyLink')}</a>).
            </>
          }
          errors={errors}
        />
        <div class="honeypot" aria-hidden="true">
          <label for={`reg-${HONEYPOT_FIELD}`}>{t('registration.form.honeypot')}</label>
          <input id={`reg-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <div class="actions">
          <button type="submit">{props.submitLabel}</button>
        </div>
      </form>
    </section>
  );
}
