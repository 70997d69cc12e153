// "Subscribe": the feed as webcal:// and as a plain address, with a few lines per calendar client.
import { webcalUrl } from '../../src/calendar/add-to-calendar.js';

export type SubscribeBoxProps = { feedUrl: string; what: string };

export function SubscribeBox({ feedUrl, what }: SubscribeBoxProps) {
  return (
    <section class="panel" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading" style="margin-top:0">
        Subscribe
      </h2>
      <p class="small">Get {what} in your calendar; reschedules and recordings appear there by themselves.</p>
      <p>
        <a class="button" href={webcalUrl(feedUrl)}>
          Subscribe in your calendar app
        </a>
      </p>
      <div class="field">
        <label for="feed-url">Calendar address to copy</label>
        <input id="feed-url" type="text" readonly value={feedUrl} />
      </div>
      <details>
        <summary>How to subscribe</summary>
        <dl class="small">
          <dt>
            <strong>Google Calendar</strong>
          </dt>
          <dd>
            On a computer, open Google Calendar, click + next to “Other calendars”, choose “From URL” and paste the address. Google
            refreshes subscribed calendars only every several hours (up to a day), so a late change may show up late there.
          </dd>
          <dt>
            <strong>Outlook</strong>
          </dt>
          <dd>
            In Outlook on the web, choose Add calendar → Subscribe from web and paste the address; in desktop Outlook use the
            subscribe button above. Outlook checks for changes every few hours.
          </dd>
          <dt>
            <strong>Apple Calendar</strong>
          </dt>
          <dd>
            On a Mac or iPhone use the subscribe button above, or in Calendar choose File → New Calendar Subscription and paste the
            address. Set “Auto-refresh” to every hour.
          </dd>
        </dl>
      </details>
    </section>
  );
}
