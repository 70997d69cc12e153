// The workspace's webinar pages: the list, and a webinar's form with the scheduling assistant,
// its materials and the cancellation.
import { t } from '../../../src/i18n/catalogue.js';
import type { Child } from 'hono/jsx';
import type { SchedulingAdvice } from '../../../src/admin/scheduling.js';
import type { Webinar } from '../../../src/programme/programme.types.js';
import { NewFormSuggestTimes, SchedulingPanel, SuggestTimesPanel } from '../scheduling-panel.js';
import { WebinarForm, type WebinarFormProps } from './webinar-form.js';
import { WebinarList, type WebinarListProps } from './webinar-list.js';

export function WebinarIndex(props: WebinarListProps) {
  return (
    <>
      <div class="actions" style="justify-content:space-between">
        <h1>{t('workspacePages.webinars.title')}</h1>
        <a class="button" href="/admin/new-webinar">
          {t('workspacePages.webinars.new')}
        </a>
      </div>
      <WebinarList {...props} />
    </>
  );
}

export type WebinarPageProps = Omit<WebinarFormProps, 'assistant' | 'suggest'> & {
  /** Absent for a new webinar. */
  webinar?: Webinar;
  programmeZone: string;
  /** The scheduling assistant's view of the entered time; absent when the form came back with errors. */
  advice?: SchedulingAdvice;
  /** The materials panel (filled by the materials feature). */
  materials?: Child;
};

export function WebinarPage(props: WebinarPageProps) {
  const { webinar, advice, programmeZone, materials, ...form } = props;
  return (
    <>
      <p class="small">
        <a href="/admin/webinars">{t('workspacePages.webinars.page.back')}</a>
      </p>
      <h1>{webinar ? webinar.title : t('workspacePages.webinars.new')}</h1>
      {webinar ? (
        <p class="small muted">
          <a href={`/webinars/${webinar.slug}`}>{t('workspacePages.webinars.page.publicPage')}</a> ·{' '}
          <a href={`/admin/webinars/${webinar.slug}/registrations`}>{t('workspacePages.webinars.list.registrations')}</a>
        </p>
      ) : null}
      <div class="layout-2">
        <WebinarForm
          {...form}
          assistant={advice?.assessment ? <SchedulingPanel assessment={advice.assessment} programmeZone={programmeZone} /> : undefined}
          suggest={
            webinar ? undefined : (
              <NewFormSuggestTimes values={form.values} errors={form.errors} programmeZone={programmeZone} suggestions={advice?.suggestions} />
            )
          }
        />
        <aside>
          {webinar && advice ? (
            <SuggestTimesPanel webinarSlug={webinar.slug} programmeZone={programmeZone} csrfToken={form.csrfToken} suggestions={advice.suggestions} />
          ) : null}
        </aside>
      </div>
      {webinar && materials ? <div class="admin-section">{materials}</div> : null}
      {webinar && webinar.status !== 'cancelled' ? <CancelPanel webinar={webinar} /> : null}
    </>
  );
}

function CancelPanel({ webinar }: { webinar: Webinar }) {
  return (
    <section class="panel admin-section" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading" style="margin-top:0">
        {t('workspacePages.webinars.page.cancelHeading')}
      </h2>
      <p class="small">{t('workspacePages.webinars.page.cancelText')}</p>
      {/* A GET to the step that says who will be emailed and holds the button that cancels. */}
      <form method="get" action={`/admin/webinars/${webinar.slug}/cancel`} data-confirm>
        <button type="submit" class="danger">
          {t('workspacePages.webinars.page.cancelButton')}
        </button>
      </form>
    </section>
  );
}
