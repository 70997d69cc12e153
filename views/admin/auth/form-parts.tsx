// Pieces shared by the sign-in, setup, coordinator and token pages: labelled fields with their
// errors, the error summary, and a timestamp in the programme's zone.
import type { DateTime } from 'luxon';
import type { FieldErrors } from '../../../src/errors.js';
import { showIn } from '../../../src/time/index.js';

export type InputFieldProps = {
  /** The form's prefix: ids are `${form}-${name}`, so that the error summary can link to them. */
  form: string;
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  errors: FieldErrors;
  value?: string;
  hint?: string;
  autocomplete?: string;
  maxlength?: number;
  readonly?: boolean;
};

export function InputField(props: InputFieldProps) {
  const id = `${props.form}-${props.name}`;
  const error = props.errors[props.name];
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        readonly={props.readonly}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Lists every problem at the top of the form; field problems link to their field. */
export function ErrorSummary({ form, errors }: { form: string; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice error" role="alert" tabindex={-1} id={`${form}-errors`}>
      {entries.length === 1 && (entries[0]![0] === 'form' || entries[0]![0] === 'body') ? (
        entries[0]![1]
      ) : (
        <>
          <strong>{entries.length === 1 ? 'One thing to fix' : `${entries.length} things to fix`}:</strong>
          <ul>
            {entries.map(([field, message]) => (
              <li>{field === 'form' || field === 'body' ? message : <a href={`#${form}-${field}`}>{message}</a>}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function When({ instant, zone }: { instant: DateTime | null; zone: string }) {
  if (!instant) return <span class="muted">never</span>;
  const shown = showIn(instant, zone);
  return (
    <time datetime={shown.datetime} title={zone}>
      {shown.date}, {shown.time} {shown.abbreviation}
    </time>
  );
}
