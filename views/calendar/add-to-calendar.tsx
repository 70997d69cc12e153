// "Add to calendar" for one webinar: the .ics download and web calendar deep links.
import { t } from '../../src/i18n/catalogue.js';
export type AddToCalendarProps = { icsUrl: string; googleUrl: string; outlookUrl: string; office365Url: string };

export function AddToCalendar(props: AddToCalendarProps) {
  return (
    <section class="panel" aria-labelledby="add-to-calendar">
      <h2 id="add-to-calendar" style="margin-top:0">
        {t('public.addToCalendar.heading')}
      </h2>
      <ul class="actions" style="list-style:none;padding:0;margin:0">
        <li>
          <a class="button secondary small" href={props.icsUrl} download>
            {t('public.addToCalendar.download')}
          </a>
        </li>
        <li>
          <a class="button secondary small" href={props.googleUrl} rel="noopener" target="_blank">
            Google Calendar
          </a>
        </li>
        <li>
          <a class="button secondary small" href={props.outlookUrl} rel="noopener" target="_blank">
            Outlook.com
          </a>
        </li>
        <li>
          <a class="button secondary small" href={props.office365Url} rel="noopener" target="_blank">
            Office 365
          </a>
        </li>
      </ul>
      <p class="small muted" style="margin:0.6rem 0 0">
        {t('public.addToCalendar.works')}
      </p>
    </section>
  );
}
