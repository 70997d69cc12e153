// A webinar's materials as people use them: recordings embedded or linked, files to download.
import type { HrefOf } from '../../src/materials/material.links.js';
import { labelledTitle, type Material } from '../../src/materials/material.types.js';
import { embedFor } from '../../src/materials/material.validation.js';
import { UPLOAD_TYPES, formatFileSize } from '../../src/materials/upload-check.js';

export type MaterialListProps = {
  materials: Material[];
  hrefOf: HrefOf;
  /** On an attendee's page, attendees-only items are marked as such. */
  markAttendeesOnly?: boolean;
};

const PLAYER_STYLE = 'display:block;width:100%;max-width:48rem;aspect-ratio:16/9;height:auto;border:0;background:#000';

function typeLabel(contentType: string): string {
  return Object.values(UPLOAD_TYPES).find((type) => type.contentType === contentType)?.label ?? 'File';
}

function Recording({ material }: { material: Material & { url: string } }) {
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
    // Coordinators cannot attach captions yet (WebVTT tracks are planned, issue 14); until then
    // the player carries none rather than an empty track.
    return (
      // biome-ignore lint/a11y/useMediaCaption: no caption file exists to point a <track> at yet
      <video controls preload="metadata" src={embed.src} title={material.title} style={PLAYER_STYLE}>
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

function Item({ material, hrefOf }: { material: Material; hrefOf: HrefOf }) {
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
  if (material.kind === 'recording' && material.url) return <Recording material={{ ...material, url: material.url }} />;
  return (
    <a href={hrefOf(material)} rel="noopener noreferrer">
      {material.kind === 'slides' ? labelledTitle('Slides', material.title) : material.title}
    </a>
  );
}

export function MaterialList({ materials, hrefOf, markAttendeesOnly }: MaterialListProps) {
  return (
    <ul class="materials stack" style="list-style:none;padding-left:0">
      {materials.map((material) => (
        <li>
          <Item material={material} hrefOf={hrefOf} />
          {markAttendeesOnly && material.visibility === 'attendees' ? <span class="tag draft small"> for attendees</span> : null}
        </li>
      ))}
    </ul>
  );
}
