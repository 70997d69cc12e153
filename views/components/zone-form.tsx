// The form with which attendees and speakers set the time zone their own page and feed use: one
// kit field, #zone-timezone (the page's script does not touch it), offering common zones while typing.
import { TextField } from './form-kit.js';

export type ZoneFormProps = {
  action: string;
  zone: string;
  label: string;
  submitLabel: string;
  error?: string;
  /** Common zones offered while typing; any IANA name is accepted. */
  suggestions?: string[];
};

export function ZoneForm(props: ZoneFormProps) {
  return (
    <>
      <form method="post" action={props.action} class="stack">
        <TextField
          form="zone"
          name="timezone"
          label={props.label}
          values={{ timezone: props.zone }}
          errors={props.error ? { timezone: props.error } : {}}
          list={props.suggestions ? 'zone-list' : undefined}
          required
        />
        <button type="submit" class="secondary">
          {props.submitLabel}
        </button>
      </form>
      {props.suggestions ? (
        <datalist id="zone-list">
          {props.suggestions.map((zone) => (
            <option value={zone} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}
