// Small registration pages: "check your email", "data deleted", the privacy notice, and the pages
// behind an emailed link (confirm a request, remove the address).
import { t } from '../../src/i18n/catalogue.js';
import type { ShareMeta } from '../../src/previews/share-meta.js';
import type { Programme, Webinar } from '../../src/programme/programme.types.js';
import type { Attendee, RegistrationWithWebinar } from '../../src/registration/registration.types.js';
import { LocalTime } from '../components/local-time.js';
import { Layout } from '../layout.js';
import { ConfirmStep } from './confirm-pages.js';

function BackToProgramme() {
  return (
    <p>
      <a class="button secondary" href="/">
        {t('registration.back')}
      </a>
    </p>
  );
}

export function CheckEmailPage({ programme, titles }: { programme: Programme; titles: string[] }) {
  return (
    <Layout title={t('registration.checkEmail.title')} siteTitle={programme.title} nav="none">
      <h1>{t('registration.checkEmail.title')}</h1>
      <p class="lead">{t('registration.checkEmail.lead', { titles: titles.map((title) => t('registration.quoted', { title })).join(', ') })}</p>
      <p>{t('registration.checkEmail.arrival', { email: programme.organiserEmail })}</p>
      <BackToProgramme />
    </Layout>
  );
}

export function DeletedPage({ programme }: { programme: Programme }) {
  return (
    <Layout title={t('registration.deleted.title')} siteTitle={programme.title} nav="none" privatePage>
      <h1>{t('registration.deleted.title')}</h1>
      <p class="lead">{t('registration.deleted.lead')}</p>
      <BackToProgramme />
    </Layout>
  );
}

export function PrivacyPage({ programme, share }: { programme: Programme; share?: ShareMeta }) {
  return (
    <Layout title={t('registration.privacy.title')} siteTitle={programme.title} nav="none" share={share}>
      <h1>{t('registration.privacy.heading')}</h1>
      <div class="prose">
        <p>{t('registration.privacy.what', { organiser: programme.organiserName })}</p>
        <p>{t('registration.privacy.use')}</p>
        <p>{t('registration.privacy.rights', { email: programme.organiserEmail })}</p>
      </div>
    </Layout>
  );
}

/** Confirm or discard a registration someone asked for the address: on its page and on the personal page. */
export function RequestButtons(props: { token: string; requestId: number; autofocus?: boolean }) {
  const confirmAction = `/my/${props.token}/confirm/${props.requestId}`;
  return (
    <div class="actions">
      <form method="post" action={confirmAction}>
        <button type="submit" autofocus={props.autofocus}>
          {t('registration.request.confirm')}
        </button>
      </form>
      <form method="post" action={`${confirmAction}/discard`}>
        <button type="submit" class="secondary">
          {t('registration.request.discard')}
        </button>
      </form>
    </div>
  );
}

export type ConfirmRequestPageProps = { programme: Programme; attendee: Attendee; request: { id: number; webinar: Webinar } };

/**
 * Where the email's "please confirm" link leads: a registration someone asked for this address takes
 * effect only with this button (a link alone changes nothing, so a mail scanner that opens every
 * link cannot confirm it).
 */
export function ConfirmRequestPage({ programme, attendee, request }: ConfirmRequestPageProps) {
  return (
    <Layout title={t('registration.request.title')} siteTitle={programme.title} nav="none" privatePage>
      <h1>{t('registration.request.title')}</h1>
      <p class="lead">
        {t('registration.request.asked', { title: request.webinar.title })} <LocalTime instant={request.webinar.startsAt} zone={attendee.zone} plainZone />.{' '}
        {t('registration.request.takesEffect')}
      </p>
      <RequestButtons token={attendee.token} requestId={request.id} autofocus />
    </Layout>
  );
}

/**
 * Where "this wasn't me" in every email and "Delete my data" on the personal page lead: the step
 * that says what goes, with the one button that removes the address and everything about it.
 */
export function RemoveDataPage({
  programme,
  attendee,
  upcoming = [],
  waitedFor = new Set(),
}: {
  programme: Programme;
  attendee: Attendee;
  /** Upcoming registrations that would go. */
  upcoming?: RegistrationWithWebinar[];
  /** Webinars whose waiting list would get the seat. */
  waitedFor?: ReadonlySet<number>;
}) {
  const pageUrl = `/my/${attendee.token}`;
  return (
    <Layout title={t('registration.remove.title')} siteTitle={programme.title} nav="none" privatePage>
      <ConfirmStep
        heading={t('registration.remove.heading', { email: attendee.email })}
        action={`${pageUrl}/delete`}
        button={t('registration.remove.button')}
        back={pageUrl}
        backLabel={t('registration.remove.back')}
      >
        <p class="lead">{t('registration.remove.lead')}</p>
        {upcoming.length > 0 ? (
          <>
            <p>{t('registration.remove.youLose')}</p>
            <ul class="confirm-consequences">
              {upcoming.map((r) => (
                <li>
                  {t('registration.quoted', { title: r.webinar.title })}, <LocalTime instant={r.webinar.startsAt} zone={attendee.zone} plainZone /> (
                  {t(
                    r.status !== 'confirmed'
                      ? 'registration.remove.waitingPlace'
                      : waitedFor.has(r.webinarId)
                        ? 'registration.remove.seatToNext'
                        : 'registration.remove.seatFree',
                  )}
                  )
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p class="small">{t('registration.remove.after')}</p>
      </ConfirmStep>
    </Layout>
  );
}
