// The workspace's step before moving or cancelling a published webinar: the old and new time and
// how many people will be emailed. It carries the submitted form, so nothing is typed again.
import { t } from '../../../src/i18n/catalogue.js';
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

/** "3 confirmed attendees, 2 people on the waiting list and 1 speaker". */
function listOf(parts: string[]): string {
  const and = t('workspacePages.and');
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
}

/** The sentence that says who hears about it, with the real counts. */
export function audienceSentence(kind: WebinarChangePreview['kind'], audience: ChangeAudience): string {
  if (audience.confirmed + audience.waitlisted + audience.speakers === 0) {
    return kind === 'move' ? t('workspacePages.webinars.confirm.nobodyMove') : t('workspacePages.webinars.confirm.nobodyCancel');
  }
  const confirmed = t('workspacePages.webinars.confirm.confirmed', { count: audience.confirmed });
  const waiting = t('workspacePages.webinars.confirm.waiting', { count: audience.waitlisted });
  const speakers = t('workspacePages.webinars.confirm.speakers', { count: audience.speakers });
  if (kind === 'cancel') return t('workspacePages.webinars.confirm.cancelAudience', { people: listOf([confirmed, waiting, speakers]) });
  const people = listOf([confirmed, speakers]);
  // The waiting list holds no invitation: a short note with the new time (src/notifications/webinar-changes.ts).
  return audience.waitlisted > 0
    ? t('workspacePages.webinars.confirm.moveAudienceWaiting', { people, waiting })
    : t('workspacePages.webinars.confirm.moveAudience', { people });
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
        {moving
          ? t('workspacePages.webinars.confirm.moveHeading', { title: webinar.title })
          : t('workspacePages.webinars.confirm.cancelHeading', { title: webinar.title })}
      </h1>
      <dl class="facts confirm-times">
        <dt>{moving ? t('workspacePages.webinars.confirm.now') : t('workspacePages.webinars.confirm.plannedFor')}</dt>
        <dd>
          <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={programmeZone} />
        </dd>
        {preview.kind === 'move' ? (
          <>
            <dt>{t('workspacePages.webinars.confirm.newTime')}</dt>
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
        {moving ? <li>{t('workspacePages.webinars.confirm.moveConsequence')}</li> : null}
        {!moving ? <li>{t('workspacePages.webinars.confirm.cancelConsequence')}</li> : null}
      </ul>
      <form method="post" action={props.action} class="actions confirm-actions">
        <CsrfField token={props.csrfToken} />
        {props.values ? <HiddenValues values={props.values} /> : <input type="hidden" name="confirm" value="yes" />}
        <button type="submit" class="danger" name="intent" value="confirm-save">
          {moving
            ? total > 0
              ? t('workspacePages.webinars.confirm.moveAndEmail', { count: total })
              : t('workspacePages.webinars.confirm.move')
            : total > 0
              ? t('workspacePages.webinars.confirm.cancelAndEmail', { count: total })
              : t('workspacePages.webinars.confirm.cancel')}
        </button>
        {props.values ? (
          <button type="submit" class="secondary" name="intent" value="edit" formnovalidate>
            {t('workspacePages.webinars.confirm.backToForm')}
          </button>
        ) : (
          <a class="button secondary" href={`/admin/webinars/${webinar.slug}`} data-confirm-back>
            {t('workspacePages.webinars.confirm.back')}
          </a>
        )}
      </form>
    </section>
  );
}
