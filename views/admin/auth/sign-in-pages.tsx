// The pages before a session exists: sign-in, account setup from an invitation, and a refused link.
// Pages behind a secret link are private (no referrer), so their forms rely on Sec-Fetch-Site, not Origin.
import type { FieldErrors } from '../../../src/errors.js';
import { Layout } from '../../layout.js';
import { ErrorSummary, TextField } from '../../components/form-kit.js';
import { t } from '../../../src/i18n/catalogue.js';

export type LoginPageProps = {
  siteTitle: string;
  next: string;
  email: string;
  errors: FieldErrors;
  /** No account exists yet: point to the setup link printed at start-up. */
  noCoordinators: boolean;
};

export function LoginPage(props: LoginPageProps) {
  return (
    <Layout title={t('workspace.login.title')} siteTitle={props.siteTitle} nav="none">
      <h1>{t('workspace.login.heading')}</h1>
      <p class="lead">{t('workspace.login.lead')}</p>
      {props.noCoordinators ? <p class="notice info">{t('workspace.login.noAccount')}</p> : null}
      {/* Right under the heading, the summary is in view: no need to move the focus to it. */}
      <ErrorSummary form="login" errors={props.errors} focusOnLoad={false} />
      <form class="stack panel" method="post" action="/admin/login" novalidate>
        <input type="hidden" name="next" value={props.next} />
        <TextField
          form="login"
          name="email"
          label={t('workspace.login.email')}
          type="email"
          autocomplete="username"
          maxlength={254}
          values={{ email: props.email }}
          errors={props.errors}
          required
        />
        <TextField
          form="login"
          name="password"
          label={t('workspace.login.password')}
          type="password"
          autocomplete="current-password"
          values={{}}
          errors={props.errors}
          required
        />
        <div class="actions">
          <button type="submit">{t('workspace.login.submit')}</button>
        </div>
      </form>
      <p class="small muted">{t('workspace.login.newCoordinators')}</p>
    </Layout>
  );
}

export type SetupPageProps = {
  siteTitle: string;
  token: string;
  /** The first account of a new hub rather than an invitation from a colleague. */
  firstRun: boolean;
  /** The invitation's address, which the account must use; null when any address will do. */
  invitedEmail: string | null;
  values: { name: string; email: string };
  errors: FieldErrors;
};

export function SetupPage(props: SetupPageProps) {
  const title = props.firstRun ? t('workspace.setup.titleFirst') : t('workspace.setup.titleInvited');
  // An invitation for one address fixes the account's address.
  const values = { name: props.values.name, email: props.invitedEmail ?? props.values.email };
  return (
    <Layout title={title} siteTitle={props.siteTitle} nav="none" privatePage>
      <h1>{title}</h1>
      <p class="lead">{props.firstRun ? t('workspace.setup.leadFirst') : t('workspace.setup.leadInvited')}</p>
      <ErrorSummary form="setup" errors={props.errors} focusOnLoad={false} />
      <form class="stack panel" method="post" action={`/admin/setup/${props.token}`} novalidate>
        <TextField
          form="setup"
          name="name"
          label={t('workspace.setup.name')}
          type="text"
          autocomplete="name"
          maxlength={120}
          values={values}
          errors={props.errors}
          required
        />
        <TextField
          form="setup"
          name="email"
          label={t('workspace.login.email')}
          type="email"
          autocomplete="username"
          maxlength={254}
          values={values}
          readonly={props.invitedEmail !== null}
          hint={props.invitedEmail !== null ? t('workspace.setup.invitedAddress') : undefined}
          errors={props.errors}
          required
        />
        <TextField
          form="setup"
          name="password"
          label={t('workspace.login.password')}
          type="password"
          autocomplete="new-password"
          hint={t('workspace.setup.passwordHint')}
          values={values}
          errors={props.errors}
          required
        />
        <TextField
          form="setup"
          name="passwordAgain"
          label={t('workspace.setup.passwordAgain')}
          type="password"
          autocomplete="new-password"
          values={values}
          errors={props.errors}
          required
        />
        <div class="actions">
          <button type="submit">{t('workspace.setup.submit')}</button>
        </div>
      </form>
    </Layout>
  );
}

export function InviteRefusedPage({ siteTitle, message }: { siteTitle: string; message: string }) {
  return (
    <Layout title={t('workspace.refused.title')} siteTitle={siteTitle} nav="none" privatePage>
      <h1>{t('workspace.refused.title')}</h1>
      <p class="lead">{message}</p>
      <p>
        <a class="button secondary" href="/admin/login">
          {t('workspace.refused.toSignIn')}
        </a>
      </p>
    </Layout>
  );
}
