// A webinar's materials as people use them: recordings embedded or linked, files to download.
import type { HrefOf } from '../../src/materials/material.links.js';
import { labelledTitle, type Material } from '../../src/materials/material.types.js';
import { embedFor } from '../../src/materials/material.validation.js';
import { UPLOAD_TYPES, formatFileSize } from '../../src/materials/upload-check.js';
import type { Caption } from '../../src/materials/captions.service.js';
import { Transcript } from './transcript.js';

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

function typeLabel(contentType: string): string {
  return Object.values(UPLOAD_TYPES).find((type) => type.contentType === contentType)?.label ?? 'File';
}

type RecordingProps = { material: Material & { url: string }; captions: readonly Caption[]; captionsHref?: (caption: Caption) => string };

function Recording({ material, captions, captionsHref }: RecordingProps) {
  const embed = embedFor(material.url);
  if (embed.type === 'iframe') {
    return (
      <>
        <iframe
          src={embed.src}
          title={`${material.title} (${embed.provider} video)`}
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
            Watch “{material.title}” on {embed.provider}
          </a>
        </p>
      </>
    );
  }
  if (embed.type === 'video') {
    // The page's own player carries the captions as tracks; without captions it has none rather
    // than an empty track.
    return (
      // biome-ignore lint/a11y/useMediaCaption: the tracks are there whenever captions are attached
      <video controls preload="metadata" src={embed.src} title={material.title} style={PLAYER_STYLE} crossorigin="anonymous">
        {captionsHref
          ? captions.map((caption, index) => (
              <track kind="captions" src={captionsHref(caption)} srclang={caption.language} label={caption.label} default={index === 0} />
            ))
          : null}
        <a href={embed.src}>Download the recording “{material.title}”</a>
      </video>
    );
  }
  return (
    <a href={embed.href} rel="noopener noreferrer">
      Watch the recording: {material.title}
    </a>
  );
}

type ItemProps = { material: Material; hrefOf: HrefOf; captions: readonly Caption[]; captionsHref?: (caption: Caption) => string };

function Item({ material, hrefOf, captions, captionsHref }: ItemProps) {
  if (material.file) {
    return (
      <a href={hrefOf(material)} download>
        {labelledTitle(material.kind === 'slides' ? 'Slides' : 'Download', material.title)}{' '}
        <span class="muted small">
          ({typeLabel(material.file.contentType)}, {formatFileSize(material.file.sizeBytes)})
        </span>
      </a>
    );
  }
  if (material.kind === 'recording' && material.url)
    return <Recording material={{ ...material, url: material.url }} captions={captions} captionsHref={captionsHref} />;
  return (
    <a href={hrefOf(material)} rel="noopener noreferrer">
      {material.kind === 'slides' ? labelledTitle('Slides', material.title) : material.title}
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
            {markAttendeesOnly && material.visibility === 'attendees' ? <span class="tag draft small"> for attendees</span> : null}
            {own.map((caption) => (
              <Transcript materialId={material.id} recordingTitle={material.title} caption={caption} />
            ))}
          </li>
        );
      })}
    </ul>
  );
}
