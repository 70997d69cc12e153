// The form with which attendees and speakers set the time zone their own page and feed use.
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
        <div class="field">
          <label for="zone">{props.label}</label>
          <input
            id="zone"
            name="timezone"
            type="text"
            value={props.zone}
            list={props.suggestions ? 'zone-list' : undefined}
            required
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'zone-error' : undefined}
          />
          {props.error ? (
            <span class="error" id="zone-error">
              {props.error}
            </span>
          ) : null}
        </div>
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
