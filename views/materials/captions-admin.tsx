// The workspace's captions forms: for each recording, the captions it has (with Remove) and a form
// to attach a WebVTT file in a language.
import { t } from '../../src/i18n/catalogue.js';
import { currentLanguage } from '../../src/i18n/current-language.js';
import { type Caption, languageLabel } from '../../src/materials/captions.service.js';
import type { Material } from '../../src/materials/material.types.js';
import { MAX_CAPTIONS_BYTES } from '../../src/materials/webvtt.js';
import { CsrfField } from '../components/form-kit.js';

export type CaptionsAdminProps = {
  webinarSlug: string;
  recordings: Material[];
  captions: ReadonlyMap<number, Caption[]>;
  csrfToken: string;
};

/** The languages of the programme's speakers and audience first; any other code can be typed. */
const COMMON_LANGUAGES = ['en', 'sv', 'zh', 'nb'];

/** A language's name in the language being rendered, as the start of a line: "English", "Engelska". */
function languageName(code: string): string {
  const name = languageLabel(code, currentLanguage());
  // Swedish names languages in lower case ("engelska"); a code without a name stays as written.
  return name === code ? name : name.charAt(0).toLocaleUpperCase() + name.slice(1);
}

export function CaptionsAdmin({ webinarSlug, recordings, captions, csrfToken }: CaptionsAdminProps) {
  if (recordings.length === 0) return null;
  return (
    <section aria-labelledby="captions-heading" class="stack">
      <h3 id="captions-heading">{t('materials.captions.heading')}</h3>
      <p class="small muted">{t('materials.captions.intro', { megabytes: String(MAX_CAPTIONS_BYTES / 1024 / 1024) })}</p>
      {recordings.map((recording) => {
        const own = captions.get(recording.id) ?? [];
        const prefix = `captions-${recording.id}`;
        const action = `/admin/webinars/${webinarSlug}/materials/${recording.id}/captions`;
        return (
          <div class="panel captions-admin">
            <h4 style="margin-top:0">{recording.title}</h4>
            {own.length === 0 ? (
              <p class="small muted">{t('materials.captions.none')}</p>
            ) : (
              <ul class="small">
                {own.map((caption) => (
                  <li>
                    {t('materials.captions.item', {
                      label: languageName(caption.language),
                      code: caption.language,
                      n: String(caption.transcript.split('\n').length),
                    })}{' '}
                    <form method="post" action={`${action}/${caption.language}/delete`} class="inline-form">
                      <CsrfField token={csrfToken} />
                      <button
                        type="submit"
                        class="danger small"
                        aria-label={t('materials.captions.removeLabel', { label: languageLabel(caption.language, currentLanguage()), title: recording.title })}
                      >
                        {t('materials.captions.remove')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <form method="post" action={action} enctype="multipart/form-data" class="stack">
              <CsrfField token={csrfToken} />
              <div class="field">
                <label for={`${prefix}-file`}>{t('materials.captions.file')}</label>
                <input id={`${prefix}-file`} name="file" type="file" accept=".vtt,text/vtt" required />
              </div>
              <div class="field">
                <label for={`${prefix}-language`}>{t('materials.captions.language')}</label>
                <input
                  id={`${prefix}-language`}
                  name="language"
                  list={`${prefix}-languages`}
                  value="en"
                  required
                  maxlength={40}
                  aria-describedby={`${prefix}-language-hint`}
                />
                <datalist id={`${prefix}-languages`}>
                  {COMMON_LANGUAGES.map((code) => (
                    <option value={code}>{languageName(code)}</option>
                  ))}
                </datalist>
                <p class="hint small muted" id={`${prefix}-language-hint`}>
                  {t('materials.captions.languageHint')}
                </p>
              </div>
              <p>
                <button type="submit">{t('materials.captions.attach')}</button>
              </p>
            </form>
          </div>
        );
      })}
    </section>
  );
}
