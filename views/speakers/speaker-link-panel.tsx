// The panel beside the speaker form in the workspace: the speaker's private link and its controls.
import type { Speaker } from '../../src/programme/programme.types.js';
import { t } from '../../src/i18n/catalogue.js';
import { CsrfField } from '../admin/admin-layout.js';

export type SpeakerLinkPanelProps = { speaker: Speaker; linkUrl: string | null; csrfToken: string };

/** One button in its own form: each control posts to `/admin/speakers/:slug/link/<action>`. */
function LinkAction(props: {
  speaker: Speaker;
  action: 'send' | 'rotate' | 'revoke';
  csrfToken: string;
  class?: string;
  label: string;
  disabled?: boolean;
  title?: string;
}) {
  return (
    <form method="post" action={`/admin/speakers/${props.speaker.slug}/link/${props.action}`} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <button type="submit" class={props.class} disabled={props.disabled} title={props.title}>
        {props.label}
      </button>
    </form>
  );
}

export function SpeakerLinkPanel({ speaker, linkUrl, csrfToken }: SpeakerLinkPanelProps) {
  return (
    <section class="panel" aria-labelledby="speaker-link">
      <h2 id="speaker-link" style="margin-top:0">
        {t('speakerAdmin.link.heading')}
      </h2>
      <p class="small">{t('speakerAdmin.link.intro')}</p>
      {linkUrl ? (
        <div class="field">
          <label for="speaker-link-url">{t('speakerAdmin.link.current')}</label>
          <input id="speaker-link-url" type="text" readonly value={linkUrl} />
        </div>
      ) : (
        <p class="muted small">{t('speakerAdmin.link.none')}</p>
      )}
      <div class="actions">
        <LinkAction
          speaker={speaker}
          action="send"
          csrfToken={csrfToken}
          label={linkUrl ? t('speakerAdmin.link.sendAgain') : t('speakerAdmin.link.create')}
          disabled={!speaker.email}
          title={speaker.email ? undefined : t('speakerAdmin.link.emailFirst')}
        />
        {linkUrl ? (
          <>
            <LinkAction speaker={speaker} action="rotate" csrfToken={csrfToken} class="secondary" label={t('speakerAdmin.link.rotate')} />
            <LinkAction speaker={speaker} action="revoke" csrfToken={csrfToken} class="danger" label={t('speakerAdmin.link.revoke')} />
          </>
        ) : null}
      </div>
      {!speaker.email ? <p class="small muted">{t('speakerAdmin.link.needsEmail')}</p> : null}
    </section>
  );
}
