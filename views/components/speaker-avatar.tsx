// A speaker's photo in a round frame (the uploaded one, else the linked one), or their initials.
import type { Speaker } from '../../src/programme/programme.types.js';

export type SpeakerAvatarProps = {
  speaker: Pick<Speaker, 'name' | 'photo' | 'photoUrl'>;
  /** The frame's side in CSS pixels; the image is given it as width and height, so nothing moves when it loads. */
  size: number;
  /** For photos below the fold or in lists. */
  lazy?: boolean;
  class?: string;
};

/** The photo's address, if the speaker has one: an uploaded photo takes the link's place. */
export function speakerPhotoSrc(speaker: Pick<Speaker, 'photo' | 'photoUrl'>): string | null {
  return speaker.photo?.path ?? speaker.photoUrl;
}

export function SpeakerAvatar({ speaker, size, lazy, class: className }: SpeakerAvatarProps) {
  const src = speakerPhotoSrc(speaker);
  const rem = `${size / 16}rem`;
  return (
    <span class={['avatar', className].filter(Boolean).join(' ')} style={`width:${rem};height:${rem};font-size:${(size / 56).toFixed(2)}rem`}>
      {src ? (
        <img src={src} alt={speaker.name} width={size} height={size} loading={lazy ? 'lazy' : undefined} decoding="async" />
      ) : (
        // The name is beside the frame: the initials are decoration.
        <span aria-hidden="true">{initials(speaker.name)}</span>
      )}
    </span>
  );
}

/** "Chen Jing" -> "CJ": the first letters of the first two words. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => /^\p{L}/u.test(part))
    .slice(0, 2)
    .map((part) => [...part][0])
    .join('');
}
