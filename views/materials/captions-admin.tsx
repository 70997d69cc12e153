// The workspace's captions forms: for each recording, the captions it has (with Remove) and a form
// to attach a WebVTT file in a language.
import type { Caption } from '../../src/materials/captions.service.js';
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
const COMMON_LANGUAGES: Array<[string, string]> = [
  ['en', 'English'],
  ['sv', 'Swedish'],
  ['zh', 'Chinese'],
  ['nb', 'Norwegian Bokmål'],
];

export function CaptionsAdmin({ webinarSlug, recordings, captions, csrfToken }: CaptionsAdminProps) {
  if (recordings.length === 0) return null;
  return (
    <section aria-labelledby="captions-heading" class="stack">
      <h3 id="captions-heading">Captions and transcripts</h3>
      <p class="small muted">
        Attach a WebVTT (.vtt) file to a recording, up to {MAX_CAPTIONS_BYTES / 1024 / 1024} MB: its text becomes a transcript on the webinar page, the page’s
        own video player shows it as captions, and the recordings search finds what was said. YouTube and Vimeo show only their own captions in their players.
      </p>
      {recordings.map((recording) => {
        const own = captions.get(recording.id) ?? [];
        const prefix = `captions-${recording.id}`;
        const action = `/admin/webinars/${webinarSlug}/materials/${recording.id}/captions`;
        return (
          <div class="panel captions-admin">
            <h4 style="margin-top:0">{recording.title}</h4>
            {own.length === 0 ? (
              <p class="small muted">No captions yet.</p>
            ) : (
              <ul class="small">
                {own.map((caption) => (
                  <li>
                    {caption.label} ({caption.language}), {caption.transcript.split('\n').length} cues{' '}
                    <form method="post" action={`${action}/${caption.language}/delete`} class="inline-form">
                      <CsrfField token={csrfToken} />
                      <button type="submit" class="danger small" aria-label={`Remove the ${caption.label} captions of “${recording.title}”`}>
                        Remove
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <form method="post" action={action} enctype="multipart/form-data" class="stack">
              <CsrfField token={csrfToken} />
              <div class="field">
                <label for={`${prefix}-file`}>WebVTT file</label>
                <input id={`${prefix}-file`} name="file" type="file" accept=".vtt,text/vtt" required />
              </div>
              <div class="field">
                <label for={`${prefix}-language`}>Language</label>
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
                  {COMMON_LANGUAGES.map(([code, name]) => (
                    <option value={code}>{name}</option>
                  ))}
                </datalist>
                <p class="hint small muted" id={`${prefix}-language-hint`}>
                  A language code: en, sv, zh, nb… Captions in a language the recording already has replace them.
                </p>
              </div>
              <p>
                <button type="submit">Attach captions</button>
              </p>
            </form>
          </div>
        );
      })}
    </section>
  );
}
