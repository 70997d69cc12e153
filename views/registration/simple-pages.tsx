// Small registration pages: "check your email", "data deleted" and the privacy notice.
import type { Programme } from '../../src/programme/programme.types.js';
import { Layout } from '../layout.js';

export function CheckEmailPage({ programme, titles }: { programme: Programme; titles: string[] }) {
  return (
    <Layout title="Check your email" siteTitle={programme.title} nav="none">
      <h1>Check your email</h1>
      <p class="lead">
        Thank you. This email address already has a personal page with us, so we have sent the details of your registration for{' '}
        {titles.map((t, i) => (
          <>
            {i > 0 ? ', ' : ''}“{t}”
          </>
        ))}{' '}
        and the personal link to it by email.
      </p>
      <p>
        It should arrive within a few minutes. If it does not, check your spam folder, or write to {programme.organiserEmail}. Registering again
        for a webinar you already have a place in sends this email at most once a day.
      </p>
      <p>
        <a class="button secondary" href="/">
          Back to the programme
        </a>
      </p>
    </Layout>
  );
}

export function DeletedPage({ programme }: { programme: Programme }) {
  return (
    <Layout title="Your data has been deleted" siteTitle={programme.title} nav="none" privatePage>
      <h1>Your data has been deleted</h1>
      <p class="lead">Your details and registrations are gone, and your personal link no longer works.</p>
      <p>
        <a class="button secondary" href="/">
          Back to the programme
        </a>
      </p>
    </Layout>
  );
}

export function PrivacyPage({ programme }: { programme: Programme }) {
  return (
    <Layout title="Privacy" siteTitle={programme.title} nav="none">
      <h1>Privacy notice</h1>
      <div class="prose">
        <p>
          {programme.organiserName} runs this webinar programme. When you register we store your name, email address, organisation, type of
          organisation, time zone, the webinars you registered for and any question you send to the speakers.
        </p>
        <p>
          We use them to run the webinars: to confirm your place, send you calendar invitations, reminders and changes, give the speakers your
          questions, and count how many large companies and startups take part (only counts leave the programme team; speakers see counts per time
          zone and the questions, never names).
        </p>
        <p>
          Your personal page lets you cancel registrations, change your time zone and delete all your data at any time. Emails are sent through
          the programme’s mail server. For anything else, write to {programme.organiserEmail}.
        </p>
      </div>
    </Layout>
  );
}
