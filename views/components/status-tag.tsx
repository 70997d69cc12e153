// A webinar's state where it matters to a visitor: cancelled, live now or a draft preview.
import type { DateTime } from 'luxon';
import { isLive } from '../../src/programme/programme.service.js';
import type { Webinar } from '../../src/programme/programme.types.js';
import { t } from '../../src/i18n/catalogue.js';

export function StatusTag({ webinar, now }: { webinar: Webinar; now: DateTime }) {
  if (webinar.status === 'cancelled') return <span class="tag cancelled">{t('public.status.cancelled')}</span>;
  if (webinar.status === 'draft') return <span class="tag draft">{t('public.status.draft')}</span>;
  if (isLive(webinar, now)) return <span class="tag live">{t('public.status.live')}</span>;
  return null;
}
