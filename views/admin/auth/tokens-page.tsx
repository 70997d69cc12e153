// API tokens for coordinators' scripts: the list, revocation, and a new token shown exactly once.
import { TableWrap } from '../../components/table-wrap.js';
import type { ApiToken } from '../../../src/auth/auth.types.js';
import type { FieldErrors } from '../../../src/errors.js';
import { CsrfField, OneFieldPanel, TextField } from '../../components/form-kit.js';
import { AdminLayout } from '../admin-layout.js';
import { When } from './when.js';

export type TokensPageProps = {
  siteTitle: string;
  coordinator: { name: string; email: string };
  csrfToken: string;
  zone: string;
  tokens: ApiToken[];
  form: { name: string; errors: FieldErrors };
  /** Right after creation: the only time the raw token is shown. */
  newToken?: { name: string; token: string };
  revoked?: boolean;
};

export function TokensPage(props: TokensPageProps) {
  const flash = props.newToken
    ? { kind: 'ok' as const, text: `API token “${props.newToken.name}” created.` }
    : props.revoked
      ? { kind: 'info' as const, text: 'The API token is revoked; requests with it are refused from now on.' }
      : undefined;
  return (
    <AdminLayout title="API tokens" siteTitle={props.siteTitle} coordinator={props.coordinator} csrfToken={props.csrfToken} section="tokens" flash={flash}>
      <h1>API tokens</h1>
      <p class="lead">
        Scripts use a token in the header <code>Authorization: Bearer hub_…</code>. A token acts for the coordinator who created it.
      </p>
      {props.newToken ? (
        <section class="panel" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading">Your new token</h2>
          <p>
            <code class="copy" id="new-token">
              {props.newToken.token}
            </code>
          </p>
          <p class="small">Copy it now: it is not shown again, and the hub keeps only a fingerprint of it.</p>
        </section>
      ) : null}
      {props.tokens.length === 0 ? (
        <p class="muted">No API tokens yet.</p>
      ) : (
        <TableWrap label="API tokens">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created by</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((token) => (
                <tr>
                  <td>{token.name}</td>
                  <td>{token.coordinatorName}</td>
                  <td>
                    <When instant={token.createdAt} zone={props.zone} />
                  </td>
                  <td>
                    <When instant={token.lastUsedAt} zone={props.zone} />
                  </td>
                  <td>
                    {token.revokedAt ? (
                      <>
                        Revoked <When instant={token.revokedAt} zone={props.zone} />
                      </>
                    ) : (
                      <form method="post" action={`/admin/tokens/${token.id}/revoke`} class="inline-form">
                        <CsrfField token={props.csrfToken} />
                        <button type="submit" class="danger small">
                          Revoke<span class="visually-hidden"> “{token.name}”</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <OneFieldPanel form="token" heading="Create a token" action="/admin/tokens" csrfToken={props.csrfToken} errors={props.form.errors} submit="Create token">
        <TextField
          form="token"
          name="name"
          label="Name"
          type="text"
          autocomplete="off"
          maxlength={80}
          values={{ name: props.form.name }}
          hint="What the token is for, e.g. “Registration export script”."
          errors={props.form.errors}
          required
        />
      </OneFieldPanel>
    </AdminLayout>
  );
}
