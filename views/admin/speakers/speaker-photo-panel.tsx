// The speaker's photo in the workspace: what the pages show now, an upload form and "Remove photo".
import { t } from '../../../src/i18n/catalogue.js';
import type { Speaker } from '../../../src/programme/programme.types.js';
import { MAX_PHOTO_BYTES, MAX_PHOTO_SIDE } from '../../../src/programme/photo-check.js';
import { CsrfField, ErrorSummary, TextField } from '../../components/form-kit.js';
import { SpeakerAvatar } from '../../components/speaker-avatar.js';

export type SpeakerPhotoPanelProps = { speaker: Speaker; csrfToken: string; error?: string };

const FORMATS: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

export function SpeakerPhotoPanel({ speaker, csrfToken, error }: SpeakerPhotoPanelProps) {
  const base = `/admin/speakers/${speaker.slug}/photo`;
  const { photo, photoUrl } = speaker;
  return (
    <section class="panel photo-panel" id="photo" aria-labelledby="photo-heading">
      <h2 id="photo-heading" style="margin-top:0">
        {t('workspacePages.speakers.photo.heading')}
      </h2>
      <div class="photo-now">
        <SpeakerAvatar speaker={speaker} size={96} />
        <p class="small">
          {photo
            ? t('workspacePages.speakers.photo.uploaded', {
                format: FORMATS[photo.contentType] ?? t('workspacePages.speakers.photo.image'),
                width: String(photo.width),
                height: String(photo.height),
                size: formatSize(photo.sizeBytes),
              })
            : photoUrl
              ? t('workspacePages.speakers.photo.linked', { host: hostOf(photoUrl) })
              : t('workspacePages.speakers.photo.none')}
        </p>
      </div>
      {/* Focused when the page loads, so that a refused photo is seen even below the speaker's form on a phone. */}
      <ErrorSummary form="photo" heading={t('workspacePages.speakers.photo.refused')} errors={error ? { file: error } : {}} />
      {/* _csrf before the file: the reader checks it before it keeps any of the file. */}
      <form method="post" action={base} enctype="multipart/form-data" class="stack" novalidate>
        <CsrfField token={csrfToken} />
        <TextField
          form="photo"
          name="file"
          type="file"
          label={photo || photoUrl ? t('workspacePages.speakers.photo.uploadNew') : t('workspacePages.speakers.photo.upload')}
          hint={t('workspacePages.speakers.photo.hint', { megabytes: String(MAX_PHOTO_BYTES / (1024 * 1024)), side: String(MAX_PHOTO_SIDE) })}
          accept="image/jpeg,image/png,image/webp"
          values={{}}
          errors={error ? { file: error } : {}}
          unmarked
        />
        <div class="actions">
          <button type="submit">{t('workspacePages.speakers.photo.submit')}</button>
        </div>
      </form>
      {photo || photoUrl ? (
        <form method="post" action={`${base}/delete`} class="photo-remove">
          <CsrfField token={csrfToken} />
          <button type="submit" class="secondary">
            {t('workspacePages.speakers.photo.remove')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** "1.2 MB", "240 KB". */
function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
