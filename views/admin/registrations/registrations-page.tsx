// /admin/webinars/:slug/registrations: who is registered, the audience mix, the waiting list, and
// the coordinator's cancel and promote buttons.
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
          <button type="submit" class="small" aria-label={`Promote ${who}`}>
            Promote
          </button>
        </form>
      ) : null}
      {actions.canCancel && registration.status !== 'cancelled' ? (
        // A GET to the step that asks first (who is emailed, where the seat goes).
        <form method="get" action={`/admin/registrations/${registration.id}/cancel`} class="inline-form" data-confirm>
          <button type="submit" class="small danger" aria-label={`Cancel the registration of ${who}`}>
            Cancel
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

const STATUS_OPTIONS: SelectOption[] = [
  { value: 'all', label: 'All' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'waitlisted', label: 'Waiting list' },
  { value: 'cancelled', label: 'Cancelled' },
];

const TYPE_OPTIONS: SelectOption[] = [{ value: '', label: 'All types' }, ...ORGANISATION_TYPES.map((t) => ({ value: t.value, label: t.label }))];

/** The two downloads, each with one line on when to take it. */
function CsvDownloads({ hrefs, zone }: { hrefs: RegistrationsPageProps['csvHrefs']; zone: string }) {
  return (
    <div class="csv-downloads" style="flex-basis:100%">
      <p class="small muted" id="csv-help">
        Download the registrations listed here. Times are in {zone}, with their UTC offset and the UTC time beside them.
      </p>
      <ul class="csv-options">
        <li>
          <a class="button secondary small" href={hrefs.excel} download>
            For Excel
          </a>{' '}
          <span class="small">Swedish and other semicolon locales: opens directly with å, ä, ö and dates Excel understands.</span>
        </li>
        <li>
          <a class="button secondary small" href={hrefs.comma} download>
            CSV (comma, UTF-8)
          </a>{' '}
          <span class="small">For Google Sheets, Numbers, scripts and other tools.</span>
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
      <ErrorSummary form={FILTER_FORM} heading="The filter could not be applied" errors={errors} />
      <form method="get" class="panel" aria-label="Filter registrations" style={FILTER_ROW}>
        <SelectField form={FILTER_FORM} name="status" label="Status" values={filter} errors={errors} options={STATUS_OPTIONS} unmarked style={FILTER_FIELD} />
        <SelectField
          form={FILTER_FORM}
          name="type"
          label="Organisation type"
          values={filter}
          errors={errors}
          options={TYPE_OPTIONS}
          unmarked
          style={FILTER_FIELD}
        />
        <TextField
          form={FILTER_FORM}
          name="q"
          type="search"
          label="Name, email or organisation"
          values={filter}
          errors={errors}
          maxlength={200}
          unmarked
          style={FILTER_FIELD}
        />
        <div class="actions" style="flex-basis:100%">
          <button type="submit">Filter</button>
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
      title={`Registrations: ${webinar.title}`}
      siteTitle={props.siteTitle}
      coordinator={props.coordinator}
      csrfToken={props.csrfToken}
      section="webinars"
      flash={props.flash}
    >
      <p class="small">
        <a href="/admin/webinars">← Webinars</a>
      </p>
      <h1>Registrations: {webinar.title}</h1>
      <p class="lead">
        <LocalTime instant={webinar.startsAt} zone={zone} withCity /> ·{' '}
        {webinar.capacity === null ? `${confirmed} confirmed, no seat limit` : `${confirmed} of ${webinar.capacity} seats taken`}
        {webinar.capacity !== null && confirmed > webinar.capacity ? <strong> (over capacity)</strong> : null} · {counts.byStatus.waitlisted} waiting
        {webinar.status !== 'published' ? (
          <>
            {' '}
            <span class={`tag ${webinar.status === 'cancelled' ? 'cancelled' : 'draft'}`}>{webinar.status}</span>
          </>
        ) : null}
      </p>
      {started ? <p class="notice info">This webinar has started or taken place: registrations can no longer be cancelled or promoted.</p> : null}

      <h2>By organisation type</h2>
      <TypeCountsTable counts={counts} caption="Registrations per organisation type and status" />

      <h2>Waiting list</h2>
      {props.waiting.length === 0 ? (
        <p class="muted">Nobody is waiting.</p>
      ) : (
        <ol class="waiting-list">
          {props.waiting.map((r) => (
            <li>
              <strong>Place {r.waitlistPlace}</strong>: {r.name}, {r.organisation} ({organisationTypeLabel(r.organisationType)}), registered{' '}
              <LocalTime instant={r.createdAt} zone={zone} /> <ChangeButtons registration={r} actions={actions} />
            </li>
          ))}
        </ol>
      )}

      <h2>All registrations</h2>
      <FilterForm props={props} />
      {props.registrations === null ? null : props.registrations.length === 0 ? (
        <p class="muted">No registration matches.</p>
      ) : (
        <TableWrap label="Registrations">
          <table {...reflow.table}>
            <caption class="visually-hidden">Registrations, in the order they came in</caption>
            <thead {...reflow.rowgroup}>
              <tr {...reflow.row}>
                <th {...reflow.columnHeader}>Name</th>
                <th {...reflow.columnHeader}>Organisation</th>
                <th {...reflow.columnHeader}>Time zone</th>
                <th {...reflow.columnHeader}>Status</th>
                <th {...reflow.columnHeader}>Registered</th>
                <th {...reflow.columnHeader}>Question</th>
                <th {...reflow.columnHeader}>Change</th>
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
                  <td {...reflow.cell('Organisation')}>
                    {r.organisation}
                    <br />
                    <span class="small muted">{organisationTypeLabel(r.organisationType)}</span>
                  </td>
                  <td {...reflow.cell('Time zone', 'small')}>{r.zone}</td>
                  <td {...reflow.cell('Status')}>
                    {statusLabel(r.status)}
                    {r.waitlistPlace !== null ? `, place ${r.waitlistPlace}` : null}
                    {r.cancelledAt ? (
                      <>
                        <br />
                        <span class="small muted">
                          <LocalTime instant={r.cancelledAt} zone={zone} />
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td {...reflow.cell('Registered', 'small')}>
                    <LocalTime instant={r.createdAt} zone={zone} />
                  </td>
                  <td {...reflow.cell('Question', 'small prose')}>{r.question ?? ''}</td>
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
