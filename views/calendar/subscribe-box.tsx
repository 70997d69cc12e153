// The one calendar-subscription panel: the feed as webcal:// and as an address to copy, with a few
// lines per calendar client. Public feeds (programme, area) and private ones (attendee, speaker) alike.
import { googleSubscribeUrl, outlookSubscribeUrl, webcalUrl } from '../../src/calendar/add-to-calendar.js';

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
          Subscribe in your calendar app
        </a>
      </p>
      <p class="small">
        Or subscribe on the web: <a href={googleSubscribeUrl(feedUrl)}>Google Calendar</a> ·{' '}
        <a href={outlookSubscribeUrl(feedUrl, calendarName, 'outlook.live.com')}>Outlook.com</a> ·{' '}
        <a href={outlookSubscribeUrl(feedUrl, calendarName, 'outlook.office.com')}>Microsoft 365</a>
      </p>
      <div class="field">
        <label for={`${id}-url`}>{privateAddress ? 'Calendar address (private)' : 'Calendar address to copy'}</label>
        <input id={`${id}-url`} type="text" readonly value={feedUrl} />
      </div>
      <details>
        <summary>How to subscribe</summary>
        <dl class="small">
          <dt>
            <strong>Google Calendar</strong>
          </dt>
          <dd>
            On a computer, open Google Calendar, click + next to “Other calendars”, choose “From URL” and paste the address. Google refreshes subscribed
            calendars only every several hours (up to a day), so a late change may show up late there.
          </dd>
          <dt>
            <strong>Outlook</strong>
          </dt>
          <dd>
            In Outlook on the web, choose Add calendar → Subscribe from web and paste the address; in desktop Outlook use the subscribe button above. Outlook
            checks for changes every few hours.
          </dd>
          <dt>
            <strong>Apple Calendar</strong>
          </dt>
          <dd>
            On a Mac or iPhone use the subscribe button above, or in Calendar choose File → New Calendar Subscription and paste the address. Set “Auto-refresh”
            to every hour.
          </dd>
        </dl>
      </details>
    </section>
  );
}

export type SubscribeBoxProps = { feedUrl: string; what: string; calendarName: string };

/** The panel as the public pages word it (the programme's feed, an area's feed). */
export function SubscribeBox({ feedUrl, what, calendarName }: SubscribeBoxProps) {
  return (
    <CalendarSubscription
      feedUrl={feedUrl}
      id="feed"
      heading="Subscribe"
      calendarName={calendarName}
      intro={`Get ${what} in your calendar; reschedules and recordings appear there by themselves.`}
    />
  );
}
