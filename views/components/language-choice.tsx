// A person's own language (their emails, invites and feed): a choice among the languages the hub
// offers, shown only where it offers more than one. The attendee's and the speaker's pages use it.
import { currentRendering } from '../../src/i18n/current-language.js';
import { LANGUAGE_NAMES, type Language } from '../../src/i18n/languages.js';
import { RadioGroup } from './form-kit.js';

export type LanguageChoiceProps = {
  /** The heading's id, unique on the page. */
  id: string;
  heading: string;
  legend: string;
  submitLabel: string;
  action: string;
  language: Language;
  error?: string;
  /** A secondary button, where the page has a main action of its own. */
  secondary?: boolean;
};

export function LanguageChoice(props: LanguageChoiceProps) {
  const { offered } = currentRendering();
  if (offered.length < 2) return null;
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id} style="margin-top:0">
        {props.heading}
      </h2>
      <form method="post" action={props.action} class="stack">
        <RadioGroup
          form="language"
          name="language"
          legend={props.legend}
          values={{ language: props.language }}
          errors={props.error ? { language: props.error } : {}}
          options={offered.map((value) => ({ value, label: <span lang={value}>{LANGUAGE_NAMES[value]}</span> }))}
        />
        <div class="actions">
          <button type="submit" class={props.secondary ? 'secondary' : undefined}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}
