// A webinar's materials as people use them: recordings embedded or linked, files to download.
import { currentLanguage } from '../../src/i18n/current-language.js';
import { languageLabel } from '../../src/materials/captions.service.js';
import type { HrefOf } from '../../src/materials/material.links.js';
import { labelledTitle, type Material } from '../../src/materials/material.types.js';
import { HLS_TYPE, embedFor, type VideoEmbed } from '../../src/materials/material.validation.js';
import { fileTypeLabel, formatFileSize, isVideoType } from '../../src/materials/upload-check.js';
import type { Caption } from '../../src/materials/captions.service.js';
import { Transcript } from './transcript.js';
import { t } from '../../src/i18n/catalogue.js';

export type MaterialListProps = {
  materials: Material[];
  hrefOf: HrefOf;
  /** On an attendee's page, attendees-only items are marked as such. */
  markAttendeesOnly?: boolean;
  /** The captions of each recording (by material id), and where a player fetches them. */
  captions?: ReadonlyMap<number, Caption[]>;
  captionsHref?: (caption: Caption) => string;
};

const PLAYER_STYLE = 'display:block;width:100%;max-width:48rem;aspect-ratio:16/9;height:auto;border:0;background:#000';

type PlayerProps = { title: string; video: VideoEmbed; captions: readonly Caption[]; captionsHref?: (caption: Caption) => string; download?: string };

/**
 * The page's own player, with the captions as tracks (none rather than an empty track). An HLS
 * stream plays natively in Safari and on phones; elsewhere hub.js attaches hls.js to `data-hls`.
 * Without the player, the link to the file or stream stays.
 */
function Player({ title, video, captions, captionsHref, download }: PlayerProps) {
  const hls = video.contentType === HLS_TYPE;
  return (
    // biome-ignore lint/a11y/useMediaCaption: the tracks are there whenever captions are attached
    <video controls preload="metadata" title={title} style={PLAYER_STYLE} crossorigin="anonymous" playsinline data-hls={hls ? video.src : undefined}>
      <source src={video.src} type={video.contentType} />
      {captionsHref
        ? captions.map((caption, index) => (
            <track
              kind="captions"
              src={captionsHref(caption)}
              srclang={caption.language}
              label={languageLabel(caption.language, currentLanguage())}
              default={index === 0}
            />
          ))
        : null}
      <a href={video.src} download={download}>
        {hls ? t('public.materials.openStream', { title }) : t('public.materials.downloadRecording', { title })}
      </a>
    </video>
  );
}

type RecordingProps = { material: Material & { url: string }; captions: readonly Caption[]; captionsHref?: (caption: Caption) => string };

function Recording({ material, captions, captionsHref }: RecordingProps) {
  const embed = embedFor(material.url);
  if (embed.type === 'iframe') {
    return (
      <>
        <iframe
          src={embed.src}
          title={t('public.materials.embedTitle', { title: material.title, provider: embed.provider })}
          width="560"
          height="315"
          style={PLAYER_STYLE}
          loading="lazy"
          allow="encrypted-media; picture-in-picture; fullscreen"
          allowfullscreen
          referrerpolicy="strict-origin-when-cross-origin"
        ></iframe>
        <p class="small">
          <a href={material.url} rel="noopener noreferrer">
            {t('public.materials.watchOn', { title: material.title, provider: embed.provider })}
          </a>
        </p>
      </>
    );
  }
  if (embed.type === 'video') {
    return (
      <>
        <Player title={material.title} video={embed} captions={captions} captionsHref={captionsHref} />
        <p class="small">
          <a href={embed.src} rel="noopener noreferrer">
            {embed.contentType === HLS_TYPE
              ? t('public.materials.openStream', { title: material.title })
              : t('public.materials.openVideoFile', { title: material.title })}
          </a>
        </p>
      </>
    );
  }
  return (
    <a href={embed.href} rel="noopener noreferrer">
      {t('public.materials.watch', { title: material.title })}
    </a>
  );
}

type ItemProps = { material: Material; hrefOf: HrefOf; captions: readonly Caption[]; captionsHref?: (caption: Caption) => string };

function Item({ material, hrefOf, captions, captionsHref }: ItemProps) {
  if (material.file) {
    const size = (
      <span class="muted small">
        ({fileTypeLabel(material.file.contentType)}, {formatFileSize(material.file.sizeBytes)})
      </span>
    );
    if (material.kind === 'recording' && isVideoType(material.file)) {
      // An uploaded video plays here, seekable (the file answers range requests), and can be kept.
      const video: VideoEmbed = { type: 'video', src: hrefOf(material), contentType: material.file.contentType as VideoEmbed['contentType'] };
      return (
        <>
          <Player title={material.title} video={video} captions={captions} captionsHref={captionsHref} download="" />
          <p class="small">
            <a href={hrefOf(material)} download>
              {labelledTitle(t('public.materials.download'), material.title)}
            </a>{' '}
            {size}
          </p>
        </>
      );
    }
    return (
      <a href={hrefOf(material)} download>
        {labelledTitle(material.kind === 'slides' ? t('public.materials.slides') : t('public.materials.download'), material.title)} {size}
      </a>
    );
  }
  if (material.kind === 'recording' && material.url)
    return <Recording material={{ ...material, url: material.url }} captions={captions} captionsHref={captionsHref} />;
  return (
    <a href={hrefOf(material)} rel="noopener noreferrer">
      {material.kind === 'slides' ? labelledTitle(t('public.materials.slides'), material.title) : material.title}
    </a>
  );
}

export function MaterialList({ materials, hrefOf, markAttendeesOnly, captions, captionsHref }: MaterialListProps) {
  return (
    <ul class="materials stack" style="list-style:none;padding-left:0">
      {materials.map((material) => {
        const own = material.kind === 'recording' ? (captions?.get(material.id) ?? []) : [];
        return (
          <li>
            <Item material={material} hrefOf={hrefOf} captions={own} captionsHref={captionsHref} />
            {markAttendeesOnly && material.visibility === 'attendees' ? <span class="tag draft small"> {t('public.materials.forAttendees')}</span> : null}
            {own.map((caption) => (
              <Transcript materialId={material.id} recordingTitle={material.title} caption={caption} />
            ))}
          </li>
        );
      })}
    </ul>
  );
}
