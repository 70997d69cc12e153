// The coordinators and their open invitations, with the form to invite a colleague.
import { t } from '../../../src/i18n/catalogue.js';
import { TableWrap } from '../../components/table-wrap.js';
import type { Coordinator, PendingInvite } from '../../../src/auth/auth.types.js';
import type { FieldErrors } from '../../../src/errors.js';
import { OneFieldPanel, TextField } from '../../components/form-kit.js';
import { AdminLayout } from '../admin-layout.js';
import { When } from './when.js';

export type CoordinatorsPageProps = {
  siteTitle: string;
  coordinator: { name: string; email: string };
  csrfToken: string;
  /** Times are shown in the programme's zone. */
  zone: string;
  coordinators: Coordinator[];
  invites: PendingInvite[];
  form: { email: string; errors: FieldErrors };
  /** Right after an invitation was created: the only time its link is shown. */
  newInvite?: { email: string; url: string; validDays: number };
};

export function CoordinatorsPage(props: CoordinatorsPageProps) {
  const flash = props.newInvite ? { kind: 'ok' as const, text: t('workspacePages.coordinators.inviteCreated', { email: props.newInvite.email }) } : undefined;
  return (
    <AdminLayout
      title={t('workspacePages.coordinators.title')}
      siteTitle={props.siteTitle}
      coordinator={props.coordinator}
      csrfToken={props.csrfToken}
      section="coordinators"
      flash={flash}
    >
      <h1>{t('workspacePages.coordinators.title')}</h1>
      {props.newInvite ? (
        <section class="panel" aria-labelledby="invite-link-heading">
          <h2 id="invite-link-heading">{t('workspacePages.coordinators.linkHeading', { email: props.newInvite.email })}</h2>
          <p>
            <code class="copy" id="invite-link">
              {props.newInvite.url}
            </code>
          </p>
          <p class="small">{t('workspacePages.coordinators.linkHelp', { days: props.newInvite.validDays })}</p>
        </section>
      ) : null}
      <TableWrap label={t('workspacePages.coordinators.title')}>
        <table>
          <caption class="visually-hidden">{t('workspacePages.coordinators.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspacePages.coordinators.column.name')}</th>
              <th scope="col">{t('workspacePages.coordinators.column.email')}</th>
              <th scope="col">{t('workspacePages.coordinators.column.since')}</th>
              <th scope="col">{t('workspacePages.coordinators.column.lastSignIn')}</th>
            </tr>
          </thead>
          <tbody>
            {props.coordinators.map((c) => (
              <tr>
                <td>{c.name}</td>
                <td>{c.email}</td>
                <td>
                  <When instant={c.createdAt} zone={props.zone} />
                </td>
                <td>
                  <When instant={c.lastLoginAt} zone={props.zone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t('workspacePages.coordinators.openInvitations')}</h2>
      {props.invites.length === 0 ? (
        <p class="muted">{t('workspacePages.coordinators.noInvitations')}</p>
      ) : (
        <TableWrap label={t('workspacePages.coordinators.pendingLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('workspacePages.coordinators.column.for')}</th>
                <th scope="col">{t('workspacePages.coordinators.column.invitedBy')}</th>
                <th scope="col">{t('workspacePages.coordinators.column.validUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {props.invites.map((invite) => (
                <tr>
                  <td>{invite.email ?? t('workspacePages.coordinators.anyAddress')}</td>
                  <td>{invite.invitedByName ?? '—'}</td>
                  <td>
                    <When instant={invite.expiresAt} zone={props.zone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <OneFieldPanel
        form="invite"
        heading={t('workspacePages.coordinators.invite.heading')}
        action="/admin/coordinators/invite"
        csrfToken={props.csrfToken}
        errors={props.form.errors}
        submit={t('workspacePages.coordinators.invite.submit')}
      >
        <TextField
          form="invite"
          name="email"
          label={t('workspacePages.coordinators.invite.email')}
          type="email"
          autocomplete="off"
          maxlength={254}
          values={{ email: props.form.email }}
          hint={t('workspacePages.coordinators.invite.hint')}
          errors={props.form.errors}
          required
        />
      </OneFieldPanel>
    </AdminLayout>
  );
}
