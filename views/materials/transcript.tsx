// A recording's transcript from its captions: every cue with where it starts, folded away until
// opened, each cue linkable (#t<material>-<language>-<n>).
import { currentLanguage } from '../../src/i18n/current-language.js';
import { languageLabel } from '../../src/materials/captions.service.js';
import { type Caption, cuesOf } from '../../src/materials/captions.service.js';
import { formatCueTime } from '../../src/materials/webvtt.js';
import { t } from '../../src/i18n/catalogue.js';

export type TranscriptProps = { materialId: number; recordingTitle: string; caption: Caption };

export function transcriptId(materialId: number, language: string): string {
  return `transcript-${materialId}-${language}`;
}

export function Transcript({ materialId, recordingTitle, caption }: TranscriptProps) {
  const cues = cuesOf(caption);
  const id = transcriptId(materialId, caption.language);
  return (
    <details class="transcript" id={id}>
      <summary>
        {t('public.transcript.summary', { label: languageLabel(caption.language, currentLanguage()) })}{' '}
        <span class="visually-hidden">{t('public.transcript.of', { title: recordingTitle })}</span>
      </summary>
      <ol class="cues" lang={caption.language}>
        {cues.map((cue, index) => {
          const cueId = `t${materialId}-${caption.language}-${index + 1}`;
          return (
            <li id={cueId}>
              <a class="cue-time" href={`#${cueId}`}>
                <time datetime={`PT${Math.floor(cue.startMs / 1000)}S`}>{formatCueTime(cue.startMs)}</time>
              </a>{' '}
              {cue.voice ? <strong>{cue.voice}: </strong> : null}
              {cue.text}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
