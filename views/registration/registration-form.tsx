// The registration form: on a webinar page for one webinar, on the programme page for a series.
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../src/errors.js';
import { HONEYPOT_FIELD, ORGANISATION_TYPES } from '../../src/registration/registration.validation.js';

export type RegistrationFormProps = {
  action: string;
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
  /** Prefill for the time zone when the script cannot detect one. */
  defaultZone: string;
  /** Series form: one checkbox per upcoming webinar. */
  choices?: Array<{ slug: string; label: Child }>;
  heading: string;
  intro?: string;
  submitLabel: string;
};

function Field(props: { id: string; label: string; error?: string; hint?: string; children: unknown }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.children}
      {props.error ? (
        <span class="error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function RegistrationForm(props: RegistrationFormProps) {
  const { values, errors } = props;
  const value = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : '';
  };
  const chosen = new Set(Array.isArray(values.webinars) ? values.webinars : values.webinars ? [values.webinars] : []);
  const described = (name: string, hint = false) => [hint ? `reg-${name}-hint` : '', errors[name] ? `reg-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = (name: string) => (errors[name] ? 'true' : undefined);
  const errorCount = Object.keys(errors).length;
  return (
    <section class="panel" aria-labelledby="register-heading" id="register">
      <h2 id="register-heading" style="margin-top:0">
        {props.heading}
      </h2>
      {props.intro ? <p class="small">{props.intro}</p> : null}
      {errorCount > 0 ? (
        <div class="notice error" role="alert" tabindex={-1} id="register-errors" data-error-summary>
          <strong>{errorCount === 1 ? 'One thing to fix' : `${errorCount} things to fix`}:</strong>
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li>{field === 'form' || field === 'body' ? message : <a href={`#reg-${field}`}>{message}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {/* The fragment brings the form, and its list of errors, into view on the answer, also without script. */}
      <form class="stack" method="post" action={`${props.action}#register`} novalidate>
        {props.choices ? (
          <fieldset aria-describedby={described('webinars')}>
            <legend>Webinars</legend>
            {props.choices.map((choice, i) => (
              <label class="check">
                <input type="checkbox" name="webinars" value={choice.slug} id={i === 0 ? 'reg-webinars' : undefined} checked={chosen.size === 0 || chosen.has(choice.slug)} />
                <span>{choice.label}</span>
              </label>
            ))}
            {errors.webinars ? (
              <span class="error" id="reg-webinars-error">
                {errors.webinars}
              </span>
            ) : null}
          </fieldset>
        ) : null}
        <Field id="reg-name" label="Name" error={errors.name}>
          <input id="reg-name" name="name" type="text" autocomplete="name" required maxlength={120} value={value('name')} aria-invalid={invalid('name')} aria-describedby={described('name')} />
        </Field>
        <Field id="reg-email" label="Email" error={errors.email}>
          <input id="reg-email" name="email" type="email" autocomplete="email" required maxlength={254} value={value('email')} aria-invalid={invalid('email')} aria-describedby={described('email')} />
        </Field>
        <Field id="reg-organisation" label="Organisation" error={errors.organisation}>
          <input
            id="reg-organisation"
            name="organisation"
            type="text"
            autocomplete="organization"
            required
            maxlength={160}
            value={value('organisation')}
            aria-invalid={invalid('organisation')}
            aria-describedby={described('organisation')}
          />
        </Field>
        <Field id="reg-organisationType" label="Type of organisation" error={errors.organisationType}>
          <select id="reg-organisationType" name="organisationType" required aria-invalid={invalid('organisationType')} aria-describedby={described('organisationType')}>
            <option value="" selected={value('organisationType') === ''}>
              Choose…
            </option>
            {ORGANISATION_TYPES.map((type) => (
              <option value={type.value} selected={value('organisationType') === type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="reg-timezone" label="Your time zone" error={errors.timezone} hint="Times in your emails and calendar use this zone. Filled in from your device; an IANA name such as Asia/Shanghai.">
          <input
            id="reg-timezone"
            name="timezone"
            type="text"
            required
            maxlength={64}
            list="zone-suggestions"
            autocomplete="off"
            data-detect-zone
            value={value('timezone') || undefined}
            placeholder={props.defaultZone}
            aria-invalid={invalid('timezone')}
            aria-describedby={described('timezone', true)}
          />
        </Field>
        <Field id="reg-question" label="A question for the speakers (optional)" error={errors.question}>
          <textarea id="reg-question" name="question" maxlength={2000} rows={3} aria-invalid={invalid('question')} aria-describedby={described('question')}>
            {value('question')}
          </textarea>
        </Field>
        <div class="field">
          <label class="check" for="reg-consent">
            <input id="reg-consent" name="consent" type="checkbox" value="yes" required checked={value('consent') !== ''} aria-invalid={invalid('consent')} aria-describedby={described('consent')} />
            <span>
              I agree that the programme stores my name, email, organisation and time zone to run these webinars (<a href="/privacy">privacy notice</a>).
            </span>
          </label>
          {errors.consent ? (
            <span class="error" id="reg-consent-error">
              {errors.consent}
            </span>
          ) : null}
        </div>
        <div class="honeypot" aria-hidden="true">
          <label for={`reg-${HONEYPOT_FIELD}`}>Leave this field empty</label>
          <input id={`reg-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <div class="actions">
          <button type="submit">{props.submitLabel}</button>
        </div>
      </form>
      <datalist id="zone-suggestions">
        {['Europe/Stockholm', 'Europe/Oslo', 'Europe/Helsinki', 'Europe/Copenhagen', 'Europe/London', 'Europe/Berlin', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Kolkata', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'UTC'].map((zone) => (
          <option value={zone} />
        ))}
      </datalist>
    </section>
  );
}
