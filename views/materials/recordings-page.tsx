// GET /recordings: past webinars with public recordings and slides, most recent first.
import type { HrefOf } from '../../src/materials/material.links.js';
import type { Material } from '../../src/materials/material.types.js';
import type { Webinar } from '../../src/programme/programme.types.js';
import { LocalTime } from '../components/local-time.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { MaterialList } from './material-list.js';

export type RecordingsPageProps = {
  siteTitle: string;
  viewer: ViewerZoneProps;
  items: Array<{ webinar: Webinar; materials: Material[] }>;
  hrefOf: HrefOf;
};

export function RecordingsPage({ siteTitle, viewer, items, hrefOf }: RecordingsPageProps) {
  return (
    <Layout title="Recordings and slides" siteTitle={siteTitle} viewer={viewer} nav="recordings" description="Recordings and slides of past webinars.">
      <h1>Recordings and slides</h1>
      {items.length === 0 ? (
        <p class="muted">No recordings yet: they appear here after each webinar, once published.</p>
      ) : (
        <ul class="cards">
          {items.map(({ webinar, materials }) => (
            <li class="card">
              <h2 style="margin-top:0">
                <a href={`/webinars/${webinar.slug}`}>{webinar.title}</a>
              </h2>
              <p class="small">
                <LocalTime instant={webinar.startsAt} zone={viewer.zone} />
              </p>
              <MaterialList materials={materials} hrefOf={hrefOf} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
