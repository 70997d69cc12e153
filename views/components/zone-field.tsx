// A time zone field: typed as a city, country or IANA name; the page's script offers matching zones
// while typing, and a value that is not one zone comes back with "Did you mean …" choices (radio
// buttons sent as `${name}Choice`, so the rest of the form stays as it was typed).
import { DateTime } from 'luxon';
import type { Child } from 'hono/jsx';
import { resolveZone, type ZoneMatch } from '../../src/time/index.js';
import { type FieldProps, fieldId, type FormValues, str, TextField } from './form-kit.js';
import { t } from '../../src/i18n/catalogue.js';
import { currentLanguage } from '../../src/i18n/current-language.js';

export type ZoneFieldProps = FieldProps & {
  values: FormValues;
  /** The moment whose offsets and local times the choices show (the app's clock). */
  now?: DateTime;
  detectZone?: boolean;
  placeholder?: string;
};

/** The zones to offer for a value that was refused; none when the field has no such error. */
export function zoneChoicesFor(props: { name: string; values: FormValues; errors: Record<string, string>; now?: DateTime }): ZoneMatch[] {
  const typed = str(props.values, props.name).trim();
  if (!props.errors[props.name] || typed === '') return [];
  const resolved = resolveZone(typed, () => props.now ?? DateTime.utc(), currentLanguage());
  return resolved.ok ? [] : resolved.suggestions;
}

export function ZoneField(props: ZoneFieldProps) {
  const choices = zoneChoicesFor(props);
  // A choice that was taken while another field was refused: show it, so that it is sent again.
  const chosen = str(props.values, `${props.name}Choice`);
  const values = chosen !== '' && !props.errors[props.name] ? { ...props.values, [props.name]: chosen } : props.values;
  return (
    <div class="zone-field">
      <TextField {...props} values={values} autocomplete="off" maxlength={64} zonePicker />
      {choices.length > 0 ? <ZoneChoices id={`${fieldId(props)}-choices`} name={`${props.name}Choice`} choices={choices} /> : null}
    </div>
  );
}

/** One line per zone: what matched, where, the IANA name, the offset and the time there now. */
export function ZoneMatchText({ match }: { match: ZoneMatch }): Child {
  return (
    <>
      <span class="zone-name">
        {match.matched ? `${match.matched}: ` : ''}
        {match.label}
      </span>{' '}
      <span class="zone-meta">
        {match.zone} · {match.offset} · {t('public.zone.now')} <time datetime={match.datetime}>{match.time}</time>
      </span>
    </>
  );
}

function ZoneChoices(props: { id: string; name: string; choices: ZoneMatch[] }) {
  return (
    <fieldset class="zone-choices" id={props.id}>
      <legend>{t('public.zone.didYouMean')}</legend>
      <ul>
        {props.choices.map((match) => (
          <li>
            <label class="check">
              <input type="radio" name={props.name} value={match.zone} data-zone-choice />
              <span>
                <ZoneMatchText match={match} />
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p class="hint">{t('public.zone.choiceHint')}</p>
    </fieldset>
  );
}
