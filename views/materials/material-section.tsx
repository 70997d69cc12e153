// The "Recording and slides" section of a public webinar page.
import type { HrefOf } from '../../src/materials/material.links.js';
import type { Material } from '../../src/materials/material.types.js';
import type { Caption } from '../../src/materials/captions.service.js';
import { MaterialList } from './material-list.js';
import { t } from '../../src/i18n/catalogue.js';

export type MaterialSectionProps = {
  /** Public materials only. */
  materials: Material[];
  hrefOf: HrefOf;
  /** Some materials are for registered attendees: say where they are without listing them. */
  moreForAttendees: boolean;
  captions?: ReadonlyMap<number, Caption[]>;
  captionsHref?: (caption: Caption) => string;
};

export function MaterialSection({ materials, hrefOf, moreForAttendees, captions, captionsHref }: MaterialSectionProps) {
  return (
    <section aria-labelledby="materials-heading" id="materials">
      <h2 id="materials-heading">{t('public.materials.heading')}</h2>
      {materials.length > 0 ? <MaterialList materials={materials} hrefOf={hrefOf} captions={captions} captionsHref={captionsHref} /> : null}
      {moreForAttendees ? <p class="small muted">{t('public.materials.moreForAttendees')}</p> : null}
    </section>
  );
}
