// The pages before a session exists: sign-in, account setup from an invitation, and a refused link.
// Pages behind a secret link are private (no referrer), so their forms rely on Sec-Fetch-Site, not Origin.
import type { FieldErrors } from '../../../src/errors.js';
import { Layout } from '../../layout.js';
import { ErrorSummary, TextField } from '../../components/form-kit.js';

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
    <Layout title="Sign in" siteTitle={props.siteTitle} nav="none">
      <h1>Sign in to the workspace</h1>
      <p class="lead">The workspace is for the programme’s coordinators.</p>
      {props.noCoordinators ? (
        <p class="notice info">
          There is no coordinator account yet. When the hub starts it prints a one-time setup link in its console (or creates the account given in ADMIN_EMAIL
          and ADMIN_PASSWORD).
        </p>
      ) : null}
      {/* Right under the heading, the summary is in view: no need to move the focus to it. */}
      <ErrorSummary form="login" errors={props.errors} focusOnLoad={false} />
      <form class="stack panel" method="post" action="/admin/login" novalidate>
        <input type="hidden" name="next" value={props.next} />
        <TextField
          form="login"
          name="email"
          label="Email"
          type="email"
          autocomplete="username"
          maxlength={254}
          values={{ email: props.email }}
          errors={props.errors}
          required
        />
        <TextField form="login" name="password" label="Password" type="password" autocomplete="current-password" values={{}} errors={props.errors} required />
        <div class="actions">
          <button type="submit">Sign in</button>
        </div>
      </form>
      <p class="small muted">New coordinators join through an invitation link from a colleague.</p>
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
  const title = props.firstRun ? 'Create the first coordinator account' : 'Create your coordinator account';
  // An invitation for one address fixes the account's address.
  const values = { name: props.values.name, email: props.invitedEmail ?? props.values.email };
  return (
    <Layout title={title} siteTitle={props.siteTitle} nav="none" privatePage>
      <h1>{title}</h1>
      <p class="lead">
        {props.firstRun
          ? 'This hub has no coordinator yet. The account you create here can schedule webinars and invite colleagues.'
          : 'You have been invited to coordinate the programme. Choose your password; this link works only once.'}
      </p>
      <ErrorSummary form="setup" errors={props.errors} focusOnLoad={false} />
      <form class="stack panel" method="post" action={`/admin/setup/${props.token}`} novalidate>
        <TextField form="setup" name="name" label="Your name" type="text" autocomplete="name" maxlength={120} values={values} errors={props.errors} required />
        <TextField
          form="setup"
          name="email"
          label="Email"
          type="email"
          autocomplete="username"
          maxlength={254}
          values={values}
          readonly={props.invitedEmail !== null}
          hint={props.invitedEmail !== null ? 'The invitation is for this address.' : undefined}
          errors={props.errors}
          required
        />
        <TextField
          form="setup"
          name="password"
          label="Password"
          type="password"
          autocomplete="new-password"
          hint="At least 12 characters. A few unrelated words are easy to type and hard to guess."
          values={values}
          errors={props.errors}
          required
        />
        <TextField
          form="setup"
          name="passwordAgain"
          label="Password again"
          type="password"
          autocomplete="new-password"
          values={values}
          errors={props.errors}
          required
        />
        <div class="actions">
          <button type="submit">Create account and sign in</button>
        </div>
      </form>
    </Layout>
  );
}

export function InviteRefusedPage({ siteTitle, message }: { siteTitle: string; message: string }) {
  return (
    <Layout title="This link cannot be used" siteTitle={siteTitle} nav="none" privatePage>
      <h1>This link cannot be used</h1>
      <p class="lead">{message}</p>
      <p>
        <a class="button secondary" href="/admin/login">
          Go to sign-in
        </a>
      </p>
    </Layout>
  );
}
