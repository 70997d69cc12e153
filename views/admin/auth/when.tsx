// An instant on the coordinators' and tokens' pages, in the programme's zone, or "never".
import { t } from '../../../src/i18n/catalogue.js';
import type { DateTime } from 'luxon';
import { showIn } from '../../../src/time/index.js';

export function When({ instant, zone }: { instant: DateTime | null; zone: string }) {
  if (!instant) return <span class="muted">{t('workspacePages.never')}</span>;
  const shown = showIn(instant, zone);
  return (
    <time datetime={shown.datetime} title={zone}>
      {shown.date}, {shown.time} {shown.abbreviation}
    </time>
  );
}
