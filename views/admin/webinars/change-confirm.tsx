// The workspace's step before moving or cancelling a published webinar: the old and new time and
// how many people will be emailed. It carries the submitted form, so nothing is typed again.
import type { ChangeAudience } from '../../../src/notifications/change-audience.js';
import type { WebinarChangePreview } from '../../../src/programme/webinar.service.js';
import { CsrfField, type FormValues } from '../../components/form-kit.js';
import { TimeRange } from '../../components/local-time.js';

export type ChangeConfirmProps = {
  preview: WebinarChangePreview;
  audience: ChangeAudience;
  programmeZone: string;
  csrfToken: string;
  /** Where the confirming form posts. */
  action: string;
  /** The submitted form, sent again as hidden fields (absent for the cancel panel's step). */
  values?: FormValues;
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 confirmed attendees, 2 people on the waiting list and 1 speaker". */
function listOf(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The sentence that says who hears about it, with the real counts. */
export function audienceSentence(kind: WebinarChangePreview['kind'], audience: ChangeAudience): string {
  if (audience.confirmed + audience.waitlisted + audience.speakers === 0) {
    return kind === 'move'
      ? 'Nobody will be emailed: no one holds a seat yet and no speaker has an email address.'
      : 'Nobody will be emailed: no one is registered and no speaker has an email address.';
  }
  const waiting = count(audience.waitlisted, 'person on the waiting list', 'people on the waiting list');
  if (kind === 'cancel') {
    const parts = [count(audience.confirmed, 'confirmed attendee', 'confirmed attendees'), waiting, count(audience.speakers, 'speaker', 'speakers')];
    return `${listOf(parts)} will be emailed a cancellation.`;
  }
  const invited = listOf([count(audience.confirmed, 'confirmed attendee', 'confirmed attendees'), count(audience.speakers, 'speaker', 'speakers')]);
  // The waiting list holds no invitation: a short note with the new time (src/notifications/webinar-changes.ts).
  return `${invited} will be emailed an updated invitation${audience.waitlisted > 0 ? `, and ${waiting} a short note with the new time` : ''}.`;
}

function HiddenValues({ values }: { values: FormValues }) {
  return (
    <>
      {Object.entries(values).flatMap(([name, value]) =>
        name === '_csrf' || name === 'intent' || name === 'confirm' || value === undefined
          ? []
          : (Array.isArray(value) ? value : [value]).map((v) => <input type="hidden" name={name} value={v} />),
      )}
    </>
  );
}

export function ChangeConfirm(props: ChangeConfirmProps) {
  const { preview, audience, programmeZone } = props;
  const webinar = preview.before;
  const total = audience.confirmed + audience.waitlisted + audience.speakers;
  const moving = preview.kind === 'move';
  return (
    <section class="confirm-step panel" data-confirm-step aria-labelledby="confirm-heading">
      <h1 id="confirm-heading" tabindex={-1}>
        {moving ? <>Move “{webinar.title}”?</> : <>Cancel “{webinar.title}”?</>}
      </h1>
      <dl class="facts confirm-times">
        <dt>{moving ? 'Now' : 'Planned for'}</dt>
        <dd>
          <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={programmeZone} />
        </dd>
        {preview.kind === 'move' ? (
          <>
            <dt>New time</dt>
            <dd>
              <strong>
                <TimeRange start={preview.startsAt} end={preview.endsAt} zone={programmeZone} />
              </strong>
            </dd>
          </>
        ) : null}
      </dl>
      <p class="lead confirm-audience">{audienceSentence(preview.kind, audience)}</p>
      <ul class="confirm-consequences small">
        {moving ? <li>Calendars that took the invitation update the event in place; the emails cannot be taken back.</li> : null}
        {!moving ? (
          <li>The webinar stays on the site, marked cancelled, and leaves attendees’ and speakers’ calendars; the emails cannot be taken back.</li>
        ) : null}
      </ul>
      <form method="post" action={props.action} class="actions confirm-actions">
        <CsrfField token={props.csrfToken} />
        {props.values ? <HiddenValues values={props.values} /> : <input type="hidden" name="confirm" value="yes" />}
        <button type="submit" class="danger" name="intent" value="confirm-save">
          {moving ? 'Move it' : 'Cancel the webinar'}
          {total > 0 ? ` and email ${count(total, 'person', 'people')}` : ''}
        </button>
        {props.values ? (
          <button type="submit" class="secondary" name="intent" value="edit" formnovalidate>
            Go back to the form
          </button>
        ) : (
          <a class="button secondary" href={`/admin/webinars/${webinar.slug}`} data-confirm-back>
            Go back
          </a>
        )}
      </form>
    </section>
  );
}
