// GET /speakers/:slug: a speaker, their webinars in their zone, the programme's and the viewer's.
import type { ShareMeta } from '../../src/previews/share-meta.js';
import type { SpeakerPublicPage as SpeakerPublicPageData } from '../../src/speakers/speaker-pages.service.js';
import { LocalTime } from '../components/local-time.js';
import { SpeakerAvatar } from '../components/speaker-avatar.js';
import { StatusTag } from '../components/status-tag.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { t } from '../../src/i18n/catalogue.js';

export type SpeakerPublicPageProps = SpeakerPublicPageData & { viewer: ViewerZoneProps; share?: ShareMeta };

export function SpeakerPublicPage({ programme, speaker, webinars, viewer, now, share }: SpeakerPublicPageProps) {
  const zones = [...new Set([speaker.zone, programme.defaultZone, viewer.zone])];
  const label = (zone: string) =>
    // "Speaker", not a first name: in Chen Jing the family name comes first.
    [
      zone === speaker.zone ? t('public.speaker.speaker') : null,
      zone === programme.defaultZone ? t('public.speaker.programme') : null,
      viewer.chosen && zone === viewer.zone ? t('public.speaker.you') : null,
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <Layout title={speaker.name} siteTitle={programme.title} viewer={viewer} nav="programme" description={speaker.bio} share={share}>
      <p class="small">
        <a href="/">{t('public.backToProgramme')}</a>
      </p>
      <div class="speaker" style="grid-template-columns:6rem 1fr;margin-bottom:1.5rem">
        <SpeakerAvatar speaker={speaker} size={96} />
        <div>
          <h1 style="margin-bottom:0.2rem">{speaker.name}</h1>
          <p class="lead" style="margin:0">
            {[speaker.title, speaker.organisation].filter(Boolean).join(', ')}
          </p>
          <p class="muted">
            {speaker.city}, {speaker.country} · {t('public.speaker.localZone', { zone: speaker.zone })}
          </p>
        </div>
      </div>
      {speaker.bio ? <p class="prose">{speaker.bio}</p> : null}
      <h2>{t('public.speaker.webinars')}</h2>
      {webinars.length === 0 ? <p class="muted">{t('public.speaker.none')}</p> : null}
      <ul class="cards">
        {webinars.map((webinar) => (
          <li class="card">
            <div class="actions">
              <StatusTag webinar={webinar} now={now} />
            </div>
            <h3>
              <a href={`/webinars/${webinar.slug}`}>{webinar.title}</a>
            </h3>
            <dl class="facts small">
              {zones.map((zone) => (
                <>
                  <dt>{label(zone)}</dt>
                  <dd>
                    <LocalTime instant={webinar.startsAt} zone={zone} withCity />
                  </dd>
                </>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
