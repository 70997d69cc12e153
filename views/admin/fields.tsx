// Form fields for the workspace: label, hint, error and the ARIA that ties them together.
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../src/errors.js';

export type FormValues = Record<string, string | string[] | undefined>;

export function str(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

type BaseProps = { name: string; label: string; values: FormValues; errors: FieldErrors; hint?: string; required?: boolean };

function describedBy(name: string, errors: FieldErrors, hint?: string): string | undefined {
  return [hint ? `f-${name}-hint` : '', errors[name] ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Frame(props: BaseProps & { children: Child }) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>
        {props.label}
        {props.required ? null : <span class="muted small"> (optional)</span>}
      </label>
      {props.hint ? (
        <span class="hint" id={`f-${props.name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.children}
      {props.errors[props.name] ? (
        <span class="error" id={`f-${props.name}-error`}>
          {props.errors[props.name]}
        </span>
      ) : null}
    </div>
  );
}

export function TextField(props: BaseProps & { type?: 'text' | 'email' | 'url' | 'number' | 'datetime-local' | 'password'; maxlength?: number; placeholder?: string; list?: string }) {
  return (
    <Frame {...props}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={str(props.values, props.name)}
        required={props.required}
        maxlength={props.maxlength}
        placeholder={props.placeholder}
        list={props.list}
        aria-invalid={props.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.errors, props.hint)}
      />
    </Frame>
  );
}

export function TextArea(props: BaseProps & { rows?: number; maxlength?: number }) {
  return (
    <Frame {...props}>
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={props.rows ?? 5}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={props.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.errors, props.hint)}
      >
        {str(props.values, props.name)}
      </textarea>
    </Frame>
  );
}

export function SelectField(props: BaseProps & { options: Array<{ value: string; label: string; group?: string }> }) {
  const current = str(props.values, props.name);
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))];
  const option = (o: { value: string; label: string }) => (
    <option value={o.value} selected={o.value === current}>
      {o.label}
    </option>
  );
  return (
    <Frame {...props}>
      <select id={`f-${props.name}`} name={props.name} required={props.required} aria-invalid={props.errors[props.name] ? 'true' : undefined} aria-describedby={describedBy(props.name, props.errors, props.hint)}>
        {groups.map((group) =>
          group === '' ? props.options.filter((o) => !o.group).map(option) : <optgroup label={group}>{props.options.filter((o) => o.group === group).map(option)}</optgroup>,
        )}
      </select>
    </Frame>
  );
}

/** A summary of all errors at the top of a form, linking to each field. */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice error" role="alert" tabindex={-1} data-error-summary>
      <strong>{entries.length === 1 ? 'One thing to fix' : `${entries.length} things to fix`}:</strong>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
