// The workspace's answer to a captions file it could not take: what to fix, and the way back.
import type { FieldErrors } from '../../src/errors.js';
import { t } from '../../src/i18n/catalogue.js';

export type CaptionsRefusedProps = { webinarTitle: string; backHref: string; errors: FieldErrors };

export function CaptionsRefused(props: CaptionsRefusedProps) {
  return (
    <>
      <h1>{t('materials.captions.refusedHeading')}</h1>
      <div class="notice error" role="alert">
        <p>{t('materials.captions.nothingChanged', { title: props.webinarTitle })}</p>
        <ul>
          {Object.values(props.errors).map((message) => (
            <li>{message}</li>
          ))}
        </ul>
      </div>
      <p>
        <a href={props.backHref}>{t('materials.captions.back')}</a> {t('materials.captions.backAfter')}
      </p>
    </>
  );
}
