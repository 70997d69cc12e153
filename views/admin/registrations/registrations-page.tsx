// /admin/webinars/:slug/registrations: who is registered, the audience mix, the waiting list, and
// the coordinator's cancel and promote buttons.
import { t } from '../../../src/i18n/catalogue.js';
import { TableWrap } from '../../components/table-wrap.js';
import { reflow } from '../../components/reflow-table.js';
import type { DateTime } from 'luxon';
import type { AdminRegistration, RegistrationCounts } from '../../../src/admin/registrations-admin.service.js';
import { statusLabel } from '../../../src/admin/registrations-admin.service.js';
import type { FieldErrors } from '../../../src/errors.js';
import type { Webinar } from '../../../src/programme/programme.types.js';
import { ORGANISATION_TYPES, organisationTypeLabel } from '../../../src/registration/registration.validation.js';
import { ErrorSummary, SelectField, type SelectOption, TextField } from '../../components/form-kit.js';
import { LocalTime } from '../../components/local-time.js';
import { AdminLayout, CsrfField, type AdminLayoutProps } from '../admin-layout.js';
import { TypeCountsTable } from './type-counts-table.js';

export type RegistrationsPageProps = Pick<AdminLayoutProps, 'siteTitle' | 'coordinator' | 'csrfToken' | 'flash'> & {
  webinar: Webinar;
  /** The programme's zone: every time on the page is shown in it. */
  zone: string;
  now: DateTime;
  /** The filter as typed, to fill the form again. */
  filter: { status: string; type: string; q: string };
  filterErrors?: FieldErrors;
  /** Null when the filter was refused: nothing is listed then. */
  registrations: AdminRegistration[] | null;
  waiting: AdminRegistration[];
  counts: RegistrationCounts;
  /** The registrations as listed (same filter), for Excel and as comma-separated CSV. */
  csvHrefs: { excel: string; comma: string };
};

type Actions = { canCancel: boolean; canPromote: boolean; csrfToken: string };

function ChangeButtons({ registration, actions }: { registration: AdminRegistration; actions: Actions }) {
  const who = `${registration.name} (${registration.email})`;
  return (
    <div class="actions">
      {actions.canPromote && registration.status === 'waitlisted' ? (
        <form method="post" action={`/admin/registrations/${registration.id}/promote`} class="inline-form">
          <CsrfField token={actions.csrfToken} />
          <button type="submit" class="small" aria-label={t('workspacePages.registrations.promoteLabel', { who })}>
            {t('workspacePages.registrations.promote')}
          </button>
        </form>
      ) : null}
      {actions.canCancel && registration.status !== 'cancelled' ? (
        // A GET to the step that asks first (who is emailed, where the seat goes).
        <form method="get" action={`/admin/registrations/${registration.id}/cancel`} class="inline-form" data-confirm>
          <button type="submit" class="small danger" aria-label={t('workspacePages.registrations.cancelLabel', { who })}>
            {t('workspacePages.registrations.cancel')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

/** The filter form's id prefix: its fields are #filter-status, #filter-type and #filter-q. */
const FILTER_FORM = 'filter';
/** The three fields side by side where there is room, their labels on one line; the buttons below. */
const FILTER_ROW = 'display:flex;flex-wrap:wrap;gap:0.75rem 1rem;align-items:flex-start';
const FILTER_FIELD = 'flex:1 1 12rem;min-width:0';

/** The filter's choices, labelled in the language being rendered. */
function statusOptions(): SelectOption[] {
  return [
    { value: 'all', label: t('workspacePages.registrations.filter.all') },
    { value: 'confirmed', label: statusLabel('confirmed') },
    { value: 'waitlisted', label: statusLabel('waitlisted') },
    { value: 'cancelled', label: statusLabel('cancelled') },
  ];
}

function typeOptions(): SelectOption[] {
  return [
    { value: '', label: t('workspacePages.registrations.filter.allTypes') },
    ...ORGANISATION_TYPES.map((type) => ({ value: type.value, label: organisationTypeLabel(type.value) })),
  ];
}

/** The two downloads, each with one line on when to take it. */
function CsvDownloads({ hrefs, zone }: { hrefs: RegistrationsPageProps['csvHrefs']; zone: string }) {
  return (
    <div class="csv-downloads" style="flex-basis:100%">
      <p class="small muted" id="csv-help">
        {t('workspacePages.registrations.csv.help', { zone })}
      </p>
      <ul class="csv-options">
        <li>
          <a class="button secondary small" href={hrefs.excel} download>
            {t('workspacePages.registrations.csv.excel')}
          </a>{' '}
          <span class="small">{t('workspacePages.registrations.csv.excelHelp')}</span>
        </li>
        <li>
          <a class="button secondary small" href={hrefs.comma} download>
            {t('workspacePages.registrations.csv.comma')}
          </a>{' '}
          <span class="small">{t('workspacePages.registrations.csv.commaHelp')}</span>
        </li>
      </ul>
    </div>
  );
}

function FilterForm({ props }: { props: RegistrationsPageProps }) {
  const errors = props.filterErrors ?? {};
  const { filter } = props;
  return (
    <>
      <ErrorSummary form={FILTER_FORM} heading={t('workspacePages.registrations.filter.refused')} errors={errors} />
      <form method="get" class="panel" aria-label={t('workspacePages.registrations.filter.label')} style={FILTER_ROW}>
        <SelectField
          form={FILTER_FORM}
          name="status"
          label={t('workspacePages.registrations.filter.status')}
          values={filter}
          errors={errors}
          options={statusOptions()}
          unmarked
          style={FILTER_FIELD}
        />
        <SelectField
          form={FILTER_FORM}
          name="type"
          label={t('workspacePages.registrations.filter.type')}
          values={filter}
          errors={errors}
          options={typeOptions()}
          unmarked
          style={FILTER_FIELD}
        />
        <TextField
          form={FILTER_FORM}
          name="q"
          type="search"
          label={t('workspacePages.registrations.filter.q')}
          values={filter}
          errors={errors}
          maxlength={200}
          unmarked
          style={FILTER_FIELD}
        />
        <div class="actions" style="flex-basis:100%">
          <button type="submit">{t('workspacePages.registrations.filter.submit')}</button>
        </div>
        <CsvDownloads hrefs={props.csvHrefs} zone={props.zone} />
      </form>
    </>
  );
}

export function RegistrationsPage(props: RegistrationsPageProps) {
  const { webinar, zone, counts } = props;
  const started = props.now >= webinar.startsAt;
  const actions: Actions = { canCancel: !started, canPromote: !started && webinar.status === 'published', csrfToken: props.csrfToken };
  const confirmed = counts.byStatus.confirmed;
  return (
    <AdminLayout
      title={t('workspacePages.registrations.title', { title: webinar.title })}
      siteTitle={props.siteTitle}
      coordinator={props.coordinator}
      csrfToken={props.csrfToken}
      section="webinars"
      flash={props.flash}
    >
      <p class="small">
        <a href="/admin/webinars">{t('workspacePages.registrations.back')}</a>
      </p>
      <h1>{t('workspacePages.registrations.title', { title: webinar.title })}</h1>
      <p class="lead">
        <LocalTime instant={webinar.startsAt} zone={zone} withCity /> ·{' '}
        {webinar.capacity === null
          ? t('workspacePages.registrations.confirmedNoLimit', { confirmed })
          : t('workspacePages.registrations.seatsTaken', { confirmed, capacity: webinar.capacity })}
        {webinar.capacity !== null && confirmed > webinar.capacity ? <strong>{t('workspacePages.registrations.overCapacity')}</strong> : null} ·{' '}
        {t('workspacePages.registrations.waiting', { count: counts.byStatus.waitlisted })}
        {webinar.status !== 'published' ? (
          <>
            {' '}
            <span class={`tag ${webinar.status === 'cancelled' ? 'cancelled' : 'draft'}`}>{t(`workspacePages.webinarStatus.${webinar.status}`)}</span>
          </>
        ) : null}
      </p>
      {started ? <p class="notice info">{t('workspacePages.registrations.started')}</p> : null}

      <h2>{t('workspacePages.registrations.byType')}</h2>
      <TypeCountsTable counts={counts} caption={t('workspacePages.registrations.byTypeCaption')} />

      <h2>{t('workspacePages.registrations.waitingList')}</h2>
      {props.waiting.length === 0 ? (
        <p class="muted">{t('workspacePages.registrations.nobodyWaiting')}</p>
      ) : (
        <ol class="waiting-list">
          {props.waiting.map((r) => (
            <li>
              <strong>{t('workspacePages.registrations.place', { place: r.waitlistPlace ?? 0 })}</strong>: {r.name}, {r.organisation} (
              {organisationTypeLabel(r.organisationType)}), {t('workspacePages.registrations.registered')} <LocalTime instant={r.createdAt} zone={zone} />{' '}
              <ChangeButtons registration={r} actions={actions} />
            </li>
          ))}
        </ol>
      )}

      <h2>{t('workspacePages.registrations.all')}</h2>
      <FilterForm props={props} />
      {props.registrations === null ? null : props.registrations.length === 0 ? (
        <p class="muted">{t('workspacePages.registrations.noMatch')}</p>
      ) : (
        <TableWrap label={t('workspacePages.registrations.tableLabel')}>
          <table {...reflow.table}>
            <caption class="visually-hidden">{t('workspacePages.registrations.tableCaption')}</caption>
            <thead {...reflow.rowgroup}>
              <tr {...reflow.row}>
                <th {...reflow.columnHeader}>{t('workspacePages.registrations.column.name')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.registrations.column.organisation')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.registrations.column.zone')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.registrations.column.status')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.registrations.column.registered')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.registrations.column.question')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.registrations.column.change')}</th>
              </tr>
            </thead>
            <tbody {...reflow.rowgroup}>
              {props.registrations.map((r) => (
                <tr id={`registration-${r.id}`} {...reflow.row}>
                  <td {...reflow.cell(undefined, 'row-head')}>
                    {r.name}
                    <br />
                    <a href={`mailto:${r.email}`} class="small">
                      {r.email}
                    </a>
                  </td>
                  <td {...reflow.cell(t('workspacePages.registrations.column.organisation'))}>
                    {r.organisation}
                    <br />
                    <span class="small muted">{organisationTypeLabel(r.organisationType)}</span>
                  </td>
                  <td {...reflow.cell(t('workspacePages.registrations.column.zone'), 'small')}>{r.zone}</td>
                  <td {...reflow.cell(t('workspacePages.registrations.column.status'))}>
                    {statusLabel(r.status)}
                    {r.waitlistPlace !== null ? t('workspacePages.registrations.placeSuffix', { place: r.waitlistPlace }) : null}
                    {r.cancelledAt ? (
                      <>
                        <br />
                        <span class="small muted">
                          <LocalTime instant={r.cancelledAt} zone={zone} />
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td {...reflow.cell(t('workspacePages.registrations.column.registered'), 'small')}>
                    <LocalTime instant={r.createdAt} zone={zone} />
                  </td>
                  <td {...reflow.cell(t('workspacePages.registrations.column.question'), 'small prose')}>{r.question ?? ''}</td>
                  <td {...reflow.cell()}>
                    <ChangeButtons registration={r} actions={actions} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </AdminLayout>
  );
}
