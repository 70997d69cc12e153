// What materials put into other features' slots: the webinar page, the attendee's page, the public feeds.
import type { Child } from 'hono/jsx';
import { MaterialAdminPanel } from '../../views/materials/material-admin-panel.js';
import { MaterialList } from '../../views/materials/material-list.js';
import { MaterialSection } from '../../views/materials/material-section.js';
import type { LinksOfWebinars } from '../calendar/calendar.service.js';
import type { EventLink } from '../calendar/webinar-events.js';
import type { Webinar } from '../programme/programme.types.js';
import type { Attendee } from '../registration/registration.types.js';
import { attendeeHref, feedLink, publicHref } from './material.links.js';
import { getProgramme } from '../programme/programme.service.js';
import { findPendingAnnouncement, listMaterials, listMaterialsOfWebinars, type MaterialDeps } from './material.service.js';
import { type Caption, captionsOfMaterials, publicCaptionsPath } from './captions.service.js';

/** For PublicPageDeps.materialsOf: the public "Recording and slides" section, or nothing. */
export function materialsOf(deps: Pick<MaterialDeps, 'db'>): (webinar: Webinar) => Promise<Child | undefined> {
  return async function materialsOfWebinar(webinar) {
    const materials = await listMaterials(deps.db, webinar.id);
    if (materials.length === 0) return undefined;
    const visible = materials.filter((m) => m.visibility === 'public');
    const captions = await captionsOfMaterials(
      deps.db,
      visible.map((m) => m.id),
    );
    return (
      <MaterialSection
        materials={visible}
        hrefOf={publicHref()}
        moreForAttendees={visible.length < materials.length}
        captions={captions}
        captionsHref={publicCaptionsPath}
      />
    );
  };
}

/** For RegistrationRoutesDeps.attendeeMaterialsOf: every material of each webinar, files through the attendee's link. */
export function attendeeMaterialsOf(deps: Pick<MaterialDeps, 'db'>): (attendee: Attendee, webinarIds: number[]) => Promise<Map<number, Child>> {
  return async function materialsForAttendee(attendee, webinarIds) {
    const byWebinar = await listMaterialsOfWebinars(deps.db, webinarIds);
    const captions = await captionsOfMaterials(
      deps.db,
      [...byWebinar.values()].flatMap((list) => list.map((m) => m.id)),
    );
    const captionsHref = (caption: Caption) => `/my/${attendee.token}${publicCaptionsPath(caption)}`;
    const shown = new Map<number, Child>();
    for (const [webinarId, materials] of byWebinar) {
      shown.set(
        webinarId,
        <MaterialList materials={materials} hrefOf={attendeeHref(attendee.token)} markAttendeesOnly captions={captions} captionsHref={captionsHref} />,
      );
    }
    return shown;
  };
}

/** For PublicCalendarDeps.linksOf: public materials as absolute links in the feeds' descriptions. */
export function publicMaterialLinks(deps: Pick<MaterialDeps, 'baseUrl'>): LinksOfWebinars {
  return async function materialLinks(db, webinars) {
    const byWebinar = await listMaterialsOfWebinars(
      db,
      webinars.map((w) => w.id),
      { publicOnly: true },
    );
    const links = new Map<number, EventLink[]>();
    for (const [webinarId, materials] of byWebinar)
      links.set(
        webinarId,
        materials.map((m) => feedLink(m, publicHref(deps.baseUrl))),
      );
    return links;
  };
}

/**
 * For RegistrationRoutesDeps.attendeeFeedLinksOf: the links in the attendee's own feed. A confirmed
 * seat gets every material, files through the attendee's link (the feed's address is as secret);
 * a place on the waiting list gets what everyone gets.
 */
export function attendeeFeedLinks(deps: Pick<MaterialDeps, 'db' | 'baseUrl'>) {
  return async function feedLinksForAttendee(
    attendee: Attendee,
    registrations: ReadonlyArray<{ webinarId: number; confirmed: boolean }>,
  ): Promise<Map<number, EventLink[]>> {
    const byWebinar = await listMaterialsOfWebinars(
      deps.db,
      registrations.map((r) => r.webinarId),
    );
    const ownHref = attendeeHref(attendee.token, deps.baseUrl);
    const everyonesHref = publicHref(deps.baseUrl);
    const links = new Map<number, EventLink[]>();
    for (const { webinarId, confirmed } of registrations) {
      const materials = (byWebinar.get(webinarId) ?? []).filter((m) => confirmed || m.visibility === 'public');
      if (materials.length > 0)
        links.set(
          webinarId,
          materials.map((m) => feedLink(m, confirmed ? ownHref : everyonesHref, attendee.language)),
        );
    }
    return links;
  };
}

/** The materials panel on the workspace's webinar page. */
export function materialAdminPanel(deps: Pick<MaterialDeps, 'db' | 'clock'>) {
  return async (webinar: Webinar, csrfToken: string, notifiedCount?: number, editedId?: number): Promise<Child> => {
    const materials = await listMaterials(deps.db, webinar.id);
    const captions = await captionsOfMaterials(
      deps.db,
      materials.map((m) => m.id),
    );
    return (
      <MaterialAdminPanel
        webinar={webinar}
        materials={materials}
        csrfToken={csrfToken}
        notifiedCount={notifiedCount}
        editedId={editedId}
        captions={captions}
        pending={await pendingFor(deps, webinar)}
      />
    );
  };
}

/** What the panel says about the announcement still to go, in the programme's zone (the workspace's). */
export async function pendingFor(deps: Pick<MaterialDeps, 'db' | 'clock'>, webinar: Pick<Webinar, 'id'>) {
  const [announcement, programme] = await Promise.all([findPendingAnnouncement(deps.db, webinar.id), getProgramme(deps.db)]);
  return { announcement, zone: programme.defaultZone, now: deps.clock.now() };
}
