// The one calendar-subscription panel: the feed as webcal:// and as an address to copy, with a few
// lines per calendar client. Public feeds (programme, area) and private ones (attendee, speaker) alike.
import { googleSubscribeUrl, outlookSubscribeUrl, webcalUrl } from '../../src/calendar/add-to-calendar.js';
import { t } from '../../src/i18n/catalogue.js';

export type CalendarSubscriptionProps = {
  feedUrl: string;
  /** Makes the panel's ids unique on the page: `${id}-heading` and `${id}-url`. */
  id: string;
  heading: string;
  /** What the calendar is called once subscribed (Outlook asks for a name). */
  calendarName: string;
  /** One sentence: what the feed holds. */
  intro: string;
  /** A secret address (a personal or speaker feed): the label says so. */
  privateAddress?: boolean;
};

export function CalendarSubscription({ feedUrl, id, heading, calendarName, intro, privateAddress = false }: CalendarSubscriptionProps) {
  return (
    <section class="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} style="margin-top:0">
        {heading}
      </h2>
      <p class="small">{intro}</p>
      <p>
        <a class="button" href={webcalUrl(feedUrl)}>
          {t('public.subscribe.button')}
        </a>
      </p>
      <p class="small">
        {t('public.subscribe.onTheWeb')} <a href={googleSubscribeUrl(feedUrl)}>Google Calendar</a> ·{' '}
        <a href={outlookSubscribeUrl(feedUrl, calendarName, 'outlook.live.com')}>Outlook.com</a> ·{' '}
        <a href={outlookSubscribeUrl(feedUrl, calendarName, 'outlook.office.com')}>Microsoft 365</a>
      </p>
      <div class="field">
        <label for={`${id}-url`}>{privateAddress ? t('public.subscribe.privateAddress') : t('public.subscribe.address')}</label>
        <input id={`${id}-url`} type="text" readonly value={feedUrl} />
      </div>
      <details>
        <summary>{t('public.subscribe.how')}</summary>
        <dl class="small">
          <dt>
            <strong>Google Calendar</strong>
          </dt>
          <dd>{t('public.subscribe.google')}</dd>
          <dt>
            <strong>Outlook</strong>
          </dt>
          <dd>{t('public.subscribe.outlook')}</dd>
          <dt>
            <strong>{t('public.subscribe.apple.name')}</strong>
          </dt>
          <dd>{t('public.subscribe.apple')}</dd>
        </dl>
      </details>
    </section>
  );
}

export type SubscribeBoxProps = { feedUrl: string /** One sentence: what the feed holds. */; intro: string; calendarName: string };

/** The panel as the public pages word it (the programme's feed, an area's feed). */
export function SubscribeBox({ feedUrl, intro, calendarName }: SubscribeBoxProps) {
  return <CalendarSubscription feedUrl={feedUrl} id="feed" heading={t('public.subscribe.heading')} calendarName={calendarName} intro={intro} />;
}
