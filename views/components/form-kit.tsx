// The hub's one form kit: fields whose label, hint and error are tied together by ARIA, the error
// summary that links to them, fieldsets, and the panel with a one-field form. Every form uses it.
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../src/errors.js';
import { t } from '../../src/i18n/catalogue.js';
import { zonePickerWords } from './zone-picker-words.js';

export type FormValues = Record<string, string | string[] | undefined>;

/** A submitted value as text: '' when it is missing or was sent more than once. */
export function str(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

/** The workspace's forms share one prefix: a workspace page has one form with fields. */
const WORKSPACE_FORM = 'f';

export type FieldProps = {
  /** The form's id prefix: a field's id is `${form}-${name}`, so that the error summary can link to it. The workspace's when not given. */
  form?: string;
  name: string;
  label: Child;
  errors: FieldErrors;
  hint?: Child;
  required?: boolean;
  /** No "(optional)" after the label: for one of two alternatives, such as an address or a file, or a search or filter. */
  unmarked?: boolean;
  /** The field's place in a form that lays its fields out in a row (the recordings search). */
  style?: string;
};

export function fieldId(props: { form?: string; name: string }): string {
  return `${props.form ?? WORKSPACE_FORM}-${props.name}`;
}

/** What a control needs to know about its field: the label and the frame are someone else's. */
type ControlProps = Pick<FieldProps, 'form' | 'name' | 'errors' | 'hint' | 'required'>;

/** The ARIA a control needs: invalid when it has an error, described by its hint and its error. */
function ariaOf(props: ControlProps) {
  const id = fieldId(props);
  const error = props.errors[props.name];
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
  };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span class="error" id={`${id}-error`}>
      {message}
    </span>
  ) : null;
}

/** Label, hint, the control, error: the frame of every field. */
function FieldFrame(props: FieldProps & { children: Child }) {
  const id = fieldId(props);
  return (
    <div class="field" style={props.style}>
      <label for={id}>
        {props.label}
        {props.required || props.unmarked ? null : <span class="muted small"> {t('forms.optional')}</span>}
      </label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.children}
      <FieldError id={id} message={props.errors[props.name]} />
    </div>
  );
}

export type TextFieldProps = FieldProps & {
  values: FormValues;
  type?: 'text' | 'email' | 'url' | 'number' | 'date' | 'datetime-local' | 'password' | 'file' | 'search';
  maxlength?: number;
  placeholder?: string;
  list?: string;
  autocomplete?: string;
  readonly?: boolean;
  inputmode?: 'url' | 'email' | 'numeric';
  /** For a file input: the types offered. */
  accept?: string;
  /** What a phone's keyboard shows on its enter key ("search"). */
  enterkeyhint?: 'search' | 'done' | 'go' | 'next' | 'send' | 'enter' | 'previous';
  /** Filled in with the device's time zone by the page's script when empty. */
  detectZone?: boolean;
  /** A zone field: the page's script offers matching zones while typing (see zone-field.tsx). */
  zonePicker?: boolean;
  /** The language of what is typed when it is not the page's (a Swedish text on an English page): spelling is checked in it. */
  lang?: string;
};

export function TextField(props: TextFieldProps) {
  const type = props.type ?? 'text';
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(props)}
        name={props.name}
        type={type}
        // A password or a file is never sent back to the browser.
        value={type === 'password' || type === 'file' ? undefined : str(props.values, props.name)}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        readonly={props.readonly}
        required={props.required}
        placeholder={props.placeholder}
        list={props.list}
        inputmode={props.inputmode}
        accept={props.accept}
        enterkeyhint={props.enterkeyhint}
        data-detect-zone={props.detectZone}
        data-zone-picker={props.zonePicker}
        data-zone-words={props.zonePicker ? zonePickerWords() : undefined}
        lang={props.lang}
        {...ariaOf(props)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { values: FormValues; rows?: number; maxlength?: number; lang?: string }) {
  return (
    <FieldFrame {...props}>
      <textarea
        id={fieldId(props)}
        name={props.name}
        rows={props.rows ?? 5}
        maxlength={props.maxlength}
        required={props.required}
        lang={props.lang}
        {...ariaOf(props)}
      >
        {str(props.values, props.name)}
      </textarea>
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string; group?: string };

export type SelectControlProps = ControlProps & { values: FormValues; options: SelectOption[] };

/**
 * The bare <select> with the kit's id and ARIA, for a place where the field's frame does not fit (a
 * table cell). The caller names it: a <label for={fieldId(...)}> elsewhere, such as the row's first
 * cell; and shows its hint or error, if it passes any, as `${id}-hint` / `${id}-error`, which the
 * control is described by. Options without a group come first, then one <optgroup> per group, in order.
 */
export function SelectControl(props: SelectControlProps) {
  const current = str(props.values, props.name);
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))];
  const option = (o: SelectOption) => (
    <option value={o.value} selected={o.value === current}>
      {o.label}
    </option>
  );
  return (
    <select id={fieldId(props)} name={props.name} required={props.required} {...ariaOf(props)}>
      {groups.map((group) =>
        group === '' ? (
          props.options.filter((o) => !o.group).map(option)
        ) : (
          <optgroup label={group}>{props.options.filter((o) => o.group === group).map(option)}</optgroup>
        ),
      )}
    </select>
  );
}

export function SelectField(props: FieldProps & { values: FormValues; options: SelectOption[] }) {
  return (
    <FieldFrame {...props}>
      <SelectControl {...props} />
    </FieldFrame>
  );
}

/** A single checkbox whose label is a sentence beside it (consent, confirmation). */
export function CheckboxField(props: FieldProps & { value: string; checked: boolean }) {
  const id = fieldId(props);
  return (
    <div class="field">
      <label class="check" for={id}>
        <input id={id} name={props.name} type="checkbox" value={props.value} required={props.required} checked={props.checked} {...ariaOf(props)} />
        <span>{props.label}</span>
      </label>
      <FieldError id={id} message={props.errors[props.name]} />
    </div>
  );
}

/** A group of controls under a legend; with a name, its error is shown below and describes the group. */
export function Fieldset(props: { legend: Child; form?: string; name?: string; errors?: FieldErrors; children: Child }) {
  const id = props.name ? fieldId({ form: props.form, name: props.name }) : '';
  const error = props.name ? props.errors?.[props.name] : undefined;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.children}
      <FieldError id={id} message={error} />
    </fieldset>
  );
}

export type RadioGroupProps = {
  form?: string;
  name: string;
  legend: Child;
  values: FormValues;
  errors: FieldErrors;
  /** One radio each, in order; the one whose value is submitted is checked (callers pass the default as the value). */
  options: Array<{ value: string; label: Child }>;
};

/**
 * Radios under a legend: a Fieldset whose error describes the group. The first radio has the field's
 * id, so that the error summary's link lands on it; the others add their value (`material-visibility-attendees`).
 */
export function RadioGroup(props: RadioGroupProps) {
  const id = fieldId(props);
  const current = str(props.values, props.name);
  const invalid = props.errors[props.name] ? ('true' as const) : undefined;
  return (
    <Fieldset legend={props.legend} form={props.form} name={props.name} errors={props.errors}>
      {props.options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <label class="check" for={optionId}>
            <input id={optionId} type="radio" name={props.name} value={option.value} checked={option.value === current} aria-invalid={invalid} />
            <span>{option.label}</span>
          </label>
        );
      })}
    </Fieldset>
  );
}

/** Messages that belong to the whole form rather than a field: they link nowhere. */
function isFormMessage(field: string): boolean {
  return field === 'form' || field === 'body';
}

export type ErrorSummaryProps = {
  form?: string;
  errors: FieldErrors;
  /** `${form}-errors` unless given. */
  id?: string;
  /**
   * Whether the page's script scrolls to the summary and focuses it on load: for summaries that may
   * sit out of view (a long form, a panel further down). A summary right under the page's heading
   * is in view already, and role=alert announces it.
   */
  focusOnLoad?: boolean;
  /** Words before the list instead of the count of things to fix ("The search could not be run"). */
  heading?: Child;
};

/** Every problem at the top of a form, each field's linked to its field; one message for the whole form is shown alone. */
export function ErrorSummary(props: ErrorSummaryProps) {
  const form = props.form ?? WORKSPACE_FORM;
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice error" role="alert" tabindex={-1} id={props.id ?? `${form}-errors`} data-error-summary={props.focusOnLoad === false ? undefined : true}>
      {entries.length === 1 && isFormMessage(entries[0]![0]) ? (
        entries[0]![1]
      ) : (
        <>
          <strong>{props.heading ?? t('forms.summary.count', { count: entries.length })}:</strong>
          <ul>
            {entries.map(([field, message]) => (
              <li>{isFormMessage(field) ? message : <a href={`#${form}-${field}`}>{message}</a>}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The hidden field every state-changing workspace form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export type OneFieldPanelProps = {
  /** The form's id prefix; the heading is `${form}-heading`. */
  form: string;
  heading: string;
  action: string;
  csrfToken: string;
  errors: FieldErrors;
  submit: string;
  /** The one field. */
  children: Child;
};

/** A panel with a heading and a small form of one field and a button (invite a colleague, create a token). */
export function OneFieldPanel(props: OneFieldPanelProps) {
  return (
    <section class="panel" aria-labelledby={`${props.form}-heading`}>
      <h2 id={`${props.form}-heading`}>{props.heading}</h2>
      <ErrorSummary form={props.form} errors={props.errors} />
      <form class="stack" method="post" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        {props.children}
        <div class="actions">
          <button type="submit">{props.submit}</button>
        </div>
      </form>
    </section>
  );
}
