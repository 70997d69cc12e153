// The coordinators and their open invitations, with the form to invite a colleague.
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
  const flash = props.newInvite ? { kind: 'ok' as const, text: `Invitation created for ${props.newInvite.email}. Send them the link below.` } : undefined;
  return (
    <AdminLayout
      title="Coordinators"
      siteTitle={props.siteTitle}
      coordinator={props.coordinator}
      csrfToken={props.csrfToken}
      section="coordinators"
      flash={flash}
    >
      <h1>Coordinators</h1>
      {props.newInvite ? (
        <section class="panel" aria-labelledby="invite-link-heading">
          <h2 id="invite-link-heading">Invitation link for {props.newInvite.email}</h2>
          <p>
            <code class="copy" id="invite-link">
              {props.newInvite.url}
            </code>
          </p>
          <p class="small">
            The link works once, for {props.newInvite.validDays} days. It is not shown again: copy it now and send it to your colleague yourself.
          </p>
        </section>
      ) : null}
      <TableWrap label="Coordinators">
        <table>
          <caption class="visually-hidden">Coordinator accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Since</th>
              <th scope="col">Last sign-in</th>
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
      <h2>Open invitations</h2>
      {props.invites.length === 0 ? (
        <p class="muted">No open invitations.</p>
      ) : (
        <TableWrap label="Pending invitations">
          <table>
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Invited by</th>
                <th scope="col">Valid until</th>
              </tr>
            </thead>
            <tbody>
              {props.invites.map((invite) => (
                <tr>
                  <td>{invite.email ?? 'Any address (setup link)'}</td>
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
        heading="Invite a coordinator"
        action="/admin/coordinators/invite"
        csrfToken={props.csrfToken}
        errors={props.form.errors}
        submit="Create invitation link"
      >
        <TextField
          form="invite"
          name="email"
          label="Their email"
          type="email"
          autocomplete="off"
          maxlength={254}
          values={{ email: props.form.email }}
          hint="You get a one-time link to send them; with it they choose their own password."
          errors={props.form.errors}
          required
        />
      </OneFieldPanel>
    </AdminLayout>
  );
}
