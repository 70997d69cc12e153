// The panel beside the speaker form in the workspace: the speaker's private link and its controls.
import type { Speaker } from '../../src/programme/programme.types.js';
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
        Private speaker page
      </h2>
      <p class="small">Their sessions in their own time, the panelists’ link, the audience’s clocks and the questions.</p>
      {linkUrl ? (
        <div class="field">
          <label for="speaker-link-url">Current link</label>
          <input id="speaker-link-url" type="text" readonly value={linkUrl} />
        </div>
      ) : (
        <p class="muted small">No link yet.</p>
      )}
      <div class="actions">
        <LinkAction
          speaker={speaker}
          action="send"
          csrfToken={csrfToken}
          label={linkUrl ? 'Email the link again' : 'Create and email the link'}
          disabled={!speaker.email}
          title={speaker.email ? undefined : 'Add an email address first'}
        />
        {linkUrl ? (
          <>
            <LinkAction speaker={speaker} action="rotate" csrfToken={csrfToken} class="secondary" label="Replace the link" />
            <LinkAction speaker={speaker} action="revoke" csrfToken={csrfToken} class="danger" label="Withdraw the link" />
          </>
        ) : null}
      </div>
      {!speaker.email ? <p class="small muted">Add the speaker’s email address to send the link.</p> : null}
    </section>
  );
}
