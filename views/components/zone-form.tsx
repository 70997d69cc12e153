// The form with which attendees and speakers set the time zone their own page and feed use: one
// zone field, #zone-timezone, found by city, country or IANA name; a refused value comes back as
// typed, with "Did you mean" choices.
import type { DateTime } from 'luxon';
import { ZoneField } from './zone-field.js';
import { t } from '../../src/i18n/catalogue.js';

export type ZoneFormProps = {
  action: string;
  /** The saved zone. */
  zone: string;
  label: string;
  submitLabel: string;
  error?: string;
  /** What was typed when it was refused; shown instead of the saved zone. */
  typed?: string;
  hint?: string;
  /** The moment whose local times the choices show. */
  now?: DateTime;
};

export function ZoneForm(props: ZoneFormProps) {
  return (
    <form method="post" action={props.action} class="stack">
      <ZoneField
        form="zone"
        name="timezone"
        label={props.label}
        hint={props.hint ?? t('public.zone.fieldHint')}
        values={{ timezone: props.error !== undefined && props.typed !== undefined ? props.typed : props.zone }}
        errors={props.error ? { timezone: props.error } : {}}
        now={props.now}
        required
      />
      <button type="submit" class="secondary">
        {props.submitLabel}
      </button>
    </form>
  );
}
