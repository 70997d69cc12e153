// API tokens for coordinators' scripts: the list, revocation, and a new token shown exactly once.
import { t } from '../../../src/i18n/catalogue.js';
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
    ? { kind: 'ok' as const, text: t('workspacePages.tokens.created', { name: props.newToken.name }) }
    : props.revoked
      ? { kind: 'info' as const, text: t('workspacePages.tokens.revoked') }
      : undefined;
  return (
    <AdminLayout
      title={t('workspacePages.tokens.title')}
      siteTitle={props.siteTitle}
      coordinator={props.coordinator}
      csrfToken={props.csrfToken}
      section="tokens"
      flash={flash}
    >
      <h1>{t('workspacePages.tokens.title')}</h1>
      <p class="lead">
        {t('workspacePages.tokens.leadBefore')} <code>Authorization: Bearer hub_…</code>
        {t('workspacePages.tokens.leadAfter')}
      </p>
      {props.newToken ? (
        <section class="panel" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading">{t('workspacePages.tokens.newHeading')}</h2>
          <p>
            <code class="copy" id="new-token">
              {props.newToken.token}
            </code>
          </p>
          <p class="small">{t('workspacePages.tokens.copyNow')}</p>
        </section>
      ) : null}
      {props.tokens.length === 0 ? (
        <p class="muted">{t('workspacePages.tokens.none')}</p>
      ) : (
        <TableWrap label={t('workspacePages.tokens.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('workspacePages.tokens.column.name')}</th>
                <th scope="col">{t('workspacePages.tokens.column.createdBy')}</th>
                <th scope="col">{t('workspacePages.tokens.column.created')}</th>
                <th scope="col">{t('workspacePages.tokens.column.lastUsed')}</th>
                <th scope="col">{t('workspacePages.tokens.column.status')}</th>
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
                        {t('workspacePages.tokens.revokedAt')} <When instant={token.revokedAt} zone={props.zone} />
                      </>
                    ) : (
                      <form method="post" action={`/admin/tokens/${token.id}/revoke`} class="inline-form">
                        <CsrfField token={props.csrfToken} />
                        <button type="submit" class="danger small">
                          {t('workspacePages.tokens.revoke')}
                          <span class="visually-hidden"> “{token.name}”</span>
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
      <OneFieldPanel
        form="token"
        heading={t('workspacePages.tokens.create.heading')}
        action="/admin/tokens"
        csrfToken={props.csrfToken}
        errors={props.form.errors}
        submit={t('workspacePages.tokens.create.submit')}
      >
        <TextField
          form="token"
          name="name"
          label={t('workspacePages.tokens.create.name')}
          type="text"
          autocomplete="off"
          maxlength={80}
          values={{ name: props.form.name }}
          hint={t('workspacePages.tokens.create.hint')}
          errors={props.form.errors}
          required
        />
      </OneFieldPanel>
    </AdminLayout>
  );
}
