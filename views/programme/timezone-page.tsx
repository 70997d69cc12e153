// GET /timezone: the zone picker; also the answer to an unknown ?tz= (with status 400).
import type { ShareMeta } from '../../src/previews/share-meta.js';
import { zonesByRegion } from '../../src/time/index.js';
import { SelectField } from '../components/form-kit.js';
import { Layout, type ViewerZoneProps } from '../layout.js';

export type TimezonePageProps = {
  siteTitle: string;
  viewer: ViewerZoneProps;
  returnTo: string;
  /** The rejected input when the page answers an unknown zone. */
  unknownZone?: string;
  share?: ShareMeta;
};

export function TimezonePage(props: TimezonePageProps) {
  const { viewer } = props;
  return (
    <Layout
      title={props.unknownZone !== undefined ? 'Unknown time zone' : 'Your time zone'}
      siteTitle={props.siteTitle}
      viewer={viewer}
      nav="zone"
      share={props.share}
    >
      <h1>{props.unknownZone !== undefined ? 'Unknown time zone' : 'Show times in your time zone'}</h1>
      {props.unknownZone !== undefined ? (
        <p class="notice error" role="alert">
          “{props.unknownZone}” is not a time zone we know. Time zones have IANA names such as Europe/Stockholm, Asia/Shanghai or America/New_York. Pick yours
          below.
        </p>
      ) : null}
      <p>
        Times are now shown for <strong>{viewer.zone}</strong>. Your choice is remembered on this device.
      </p>
      <form class="stack panel" method="get" action="/timezone">
        <input type="hidden" name="return" value={props.returnTo} />
        <SelectField
          form="zone"
          name="tz"
          label="Time zone"
          hint="Choose the city nearest to you that shares your clock. Summer time is taken care of."
          values={{ tz: viewer.zone }}
          errors={{}}
          options={zonesByRegion().flatMap((group) => group.zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' '), group: group.region })))}
          unmarked
        />
        <div class="actions">
          <button type="submit">Show times in this zone</button>
          <a class="button secondary" href={props.returnTo}>
            Back
          </a>
        </div>
      </form>
    </Layout>
  );
}
