// The materials part of the admin webinar page: the list with delete buttons, the add form, the announcement button.
import { TableWrap } from '../components/table-wrap.js';
import type { Caption } from '../../src/materials/captions.service.js';
import { CaptionsAdmin } from './captions-admin.js';
import type { FieldErrors } from '../../src/errors.js';
import { publicFilePath } from '../../src/materials/material.links.js';
import { MATERIAL_KIND_LABELS, type Material } from '../../src/materials/material.types.js';
import { MAX_UPLOAD_BYTES, MAX_VIDEO_UPLOAD_BYTES, formatFileSize, isVideoType } from '../../src/materials/upload-check.js';
import { embedFor } from '../../src/materials/material.validation.js';
import type { Webinar } from '../../src/programme/programme.types.js';
import { CsrfField, ErrorSummary, type FormValues, RadioGroup, SelectField, str, TextField } from '../components/form-kit.js';
import { LocalTime } from '../components/local-time.js';
import { labelledTitle } from '../../src/materials/material.types.js';
import type { PendingAnnouncement } from '../../src/materials/material.service.js';
import type { DateTime } from 'luxon';

export type MaterialAdminPanelProps = {
  webinar: Pick<Webinar, 'slug' | 'title'>;
  materials: Material[];
  csrfToken: string;
  /** After a recording was added or "Email registered attendees": how many emails were queued. */
  notifiedCount?: number;
  /** After an edit was saved: the material's id, to say so. */
  editedId?: number;
  /** The announcement still gathering or about to go, with the programme's zone and the time now to say when. */
  pending?: { announcement: PendingAnnouncement | null; zone: string; now: DateTime };
  /** A refused add form, shown again with its messages. */
  errors?: FieldErrors;
  values?: FormValues;
  /** The captions of each recording, by material id. */
  captions?: ReadonlyMap<number, Caption[]>;
  /** A refused edit of one material, shown open with its messages. */
  editing?: { id: number; errors: FieldErrors; values: FormValues };
};

/** A YouTube recording without a second source that plays where YouTube is blocked (an uploaded video, a video file's or a stream's address). */
function reachesOnlyOutsideChina(materials: readonly Material[]): boolean {
  const recordings = materials.filter((m) => m.kind === 'recording');
  const onYouTube = recordings.some((m) => {
    const embed = m.url ? embedFor(m.url) : undefined;
    return embed?.type === 'iframe' && embed.provider === 'YouTube';
  });
  const directlyHosted = recordings.some((m) => (m.file ? isVideoType(m.file) : embedFor(m.url!).type === 'video'));
  return onYouTube && !directlyHosted;
}

export function MaterialAdminPanel(props: MaterialAdminPanelProps) {
  const { webinar, materials, csrfToken } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const base = `/admin/webinars/${webinar.slug}/materials`;
  // Everyone, unless attendees-only was chosen (a refused unknown value is shown as the default).
  const visibility = str(values, 'visibility') === 'attendees' ? 'attendees' : 'public';
  const edited = props.editedId === undefined ? undefined : materials.find((m) => m.id === props.editedId);
  return (
    <section class="panel" aria-labelledby="materials-heading" id="materials">
      <h2 id="materials-heading" style="margin-top:0">
        Recordings, slides and links
      </h2>
      {props.notifiedCount !== undefined ? (
        <p class="notice ok" role="status">
          {props.notifiedCount === 0
            ? 'No new emails: everyone registered has already been told about these materials (or there is nothing to announce).'
            : `${props.notifiedCount} ${props.notifiedCount === 1 ? 'email' : 'emails'} queued to the registered attendees: “Now available”.`}
        </p>
      ) : null}

      {reachesOnlyOutsideChina(materials) ? (
        <p class="notice warn" id="youtube-china">
          YouTube does not reach viewers in mainland China, where part of this programme’s audience sits. Add the same recording a second time as a directly
          hosted video: upload the video file below (MP4 or WebM, up to {formatFileSize(MAX_VIDEO_UPLOAD_BYTES)}), or give the address of a video file or stream
          (https, ending in .mp4, .webm or .m3u8). The webinar page then offers both, and plays the second in its own player, with the captions.
        </p>
      ) : null}

      {edited ? (
        <p class="notice ok" role="status">
          Saved “{edited.title}”. The webinar page, the recordings page and the calendar feeds show it now; nobody was emailed.
        </p>
      ) : null}
      {props.pending?.announcement ? <PendingNotice {...props.pending} announcement={props.pending.announcement} /> : null}

      {materials.length === 0 ? (
        <p class="muted">No materials yet.</p>
      ) : (
        <TableWrap label="Materials">
          <table>
            <caption class="visually-hidden">Materials of “{webinar.title}”</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">Visible to</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {materials.map((material) => (
                <tr>
                  <td>{material.title}</td>
                  <td>{MATERIAL_KIND_LABELS[material.kind]}</td>
                  <td>{material.visibility === 'public' ? 'Everyone' : 'Registered attendees'}</td>
                  <td class="small">
                    {material.file ? (
                      <>
                        {material.visibility === 'public' ? (
                          <a href={publicFilePath(material)}>{material.file.originalName || 'file'}</a>
                        ) : (
                          material.file.originalName || 'file'
                        )}{' '}
                        ({formatFileSize(material.file.sizeBytes)})
                      </>
                    ) : (
                      <a href={material.url ?? '#'} rel="noopener noreferrer">
                        {material.url}
                      </a>
                    )}
                  </td>
                  <td>
                    <div class="actions material-actions">
                      {/* Lands on the edit form's first field, which opens its <details> (fragment navigation reveals it). */}
                      <a class="button secondary small" href={`#${editForm(material.id)}-title`} aria-label={`Edit “${material.title}”`}>
                        Edit
                      </a>
                      <form method="post" action={`${base}/${material.id}/delete`} class="inline-form">
                        <CsrfField token={csrfToken} />
                        <button type="submit" class="danger small" aria-label={`Delete “${material.title}”`}>
                          Delete
                        </button>
                      </form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {materials.length === 0 ? null : (
        <>
          <h3>Change a material</h3>
          <p class="small muted">
            Title and who can see it, and for a link its address. Public pages and calendar feeds show the change at once; nobody is emailed. To replace a file,
            delete it and add the new one.
          </p>
          <div class="material-edits">
            {materials.map((material) => (
              <MaterialEditForm
                material={material}
                action={`${base}/${material.id}/edit`}
                csrfToken={csrfToken}
                refused={props.editing?.id === material.id ? props.editing : undefined}
              />
            ))}
          </div>
        </>
      )}

      <CaptionsAdmin
        webinarSlug={webinar.slug}
        recordings={materials.filter((m) => m.kind === 'recording')}
        captions={props.captions ?? new Map()}
        csrfToken={csrfToken}
      />

      <h3>Add a material</h3>
      <ErrorSummary form="material" errors={errors} />
      <form method="post" action={base} enctype="multipart/form-data" class="stack" novalidate>
        <CsrfField token={csrfToken} />
        <SelectField
          form="material"
          name="kind"
          label="Kind"
          values={values}
          errors={errors}
          required
          options={(['recording', 'slides', 'link'] as const).map((kind) => ({ value: kind, label: MATERIAL_KIND_LABELS[kind] }))}
        />
        <TextField form="material" name="title" label="Title" values={values} errors={errors} required maxlength={200} />
        {/* An address or a file: neither is optional on its own, so neither says so. */}
        <TextField
          form="material"
          name="url"
          type="url"
          inputmode="url"
          label="Address (https)"
          hint="A YouTube or Vimeo page, a video file (.mp4, .webm), an HLS stream (.m3u8) or any other page. YouTube is blocked in mainland China: add a video file as well. Leave empty to upload a file instead."
          placeholder="https://"
          values={values}
          errors={errors}
          unmarked
        />
        <TextField
          form="material"
          name="file"
          type="file"
          label="Or a file"
          hint={`Slides and documents: PDF, PowerPoint (.pptx), OpenDocument (.odp) or Keynote (.key), at most ${formatFileSize(MAX_UPLOAD_BYTES)}. A recording: an MP4 or WebM video, at most ${formatFileSize(MAX_VIDEO_UPLOAD_BYTES)}.`}
          accept=".pdf,.pptx,.odp,.key,.mp4,.webm,video/mp4,video/webm"
          values={values}
          errors={errors}
          unmarked
        />
        <RadioGroup
          form="material"
          name="visibility"
          legend="Visible to"
          values={{ visibility }}
          errors={errors}
          options={[
            { value: 'public', label: 'Everyone (webinar page, recordings page and calendar feeds)' },
            { value: 'attendees', label: 'Registered attendees only (their personal page)' },
          ]}
        />
        <button type="submit">Add material</button>
      </form>

      <h3>Tell the attendees</h3>
      <form method="post" action={`${base}/notify`} class="stack">
        <CsrfField token={csrfToken} />
        <p class="small">
          Adding a recording once the webinar is over emails everyone registered (confirmed attendees and the waiting list) after a few minutes, so that slides
          and links you add meanwhile go in the same email. This button sends that email now, or, for materials nobody was told about yet (slides without a
          recording, a link added later), emails everyone registered who has not heard of them, with links to the webinar page and, for attendees-only
          materials, to the confirmed attendees’ personal pages. Nobody is emailed twice about the same materials.
        </p>
        <button type="submit" class="secondary" disabled={materials.length === 0}>
          {props.pending?.announcement && props.pending.announcement.dueAt > props.pending.now
            ? 'Email registered attendees now'
            : 'Email registered attendees'}
        </button>
      </form>
    </section>
  );
}

/** The id prefix of a material's edit form: its fields are `material-7-title`, its summary `material-7-errors`. */
function editForm(materialId: number): string {
  return `material-${materialId}`;
}

type MaterialEditFormProps = {
  material: Material;
  action: string;
  csrfToken: string;
  refused: { errors: FieldErrors; values: FormValues } | undefined;
};

/** One material's edit form, folded away until asked for, or open with its messages when refused. */
function MaterialEditForm({ material, action, csrfToken, refused }: MaterialEditFormProps) {
  const form = editForm(material.id);
  const errors = refused?.errors ?? {};
  const values: FormValues = refused?.values ?? { title: material.title, visibility: material.visibility, url: material.url ?? '' };
  const visibility = str(values, 'visibility') === 'attendees' ? 'attendees' : str(values, 'visibility') === 'public' ? 'public' : material.visibility;
  return (
    <details class="material-edit" id={`${form}-edit`} open={refused !== undefined}>
      <summary>
        Edit “{material.title}” <span class="muted small">({MATERIAL_KIND_LABELS[material.kind]})</span>
      </summary>
      <ErrorSummary form={form} errors={errors} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={csrfToken} />
        <TextField form={form} name="title" label="Title" values={values} errors={errors} required maxlength={200} />
        {material.file ? null : (
          <TextField form={form} name="url" type="url" inputmode="url" label="Address (https)" values={values} errors={errors} required />
        )}
        <RadioGroup
          form={form}
          name="visibility"
          legend="Visible to"
          values={{ visibility }}
          errors={errors}
          options={[
            { value: 'public', label: 'Everyone (webinar page, recordings page and calendar feeds)' },
            { value: 'attendees', label: 'Registered attendees only (their personal page)' },
          ]}
        />
        <div class="actions">
          <button type="submit">Save changes</button>
        </div>
      </form>
    </details>
  );
}

/** The panel on a page of its own, after the add form was refused: the form with its messages, and the way back. */
export function RefusedMaterialForm(props: MaterialAdminPanelProps & { backHref: string }) {
  const { backHref, ...panel } = props;
  return (
    <>
      <p class="small">
        <a href={backHref}>← {props.webinar.title}</a>
      </p>
      <MaterialAdminPanel {...panel} />
    </>
  );
}

/** "2 people registered will be emailed at 14:32 CET (Stockholm) about: …": what is gathering, and that what is added before then goes along. */
function PendingNotice({ announcement, zone, now }: { announcement: PendingAnnouncement; zone: string; now: DateTime }) {
  const about = announcement.materials.map((m) => labelledTitle(MATERIAL_KIND_LABELS[m.kind], m.title)).join(', ');
  const people = `${announcement.recipients} ${announcement.recipients === 1 ? 'person' : 'people'} registered`;
  const verb = announcement.recipients === 1 ? 'is' : 'are';
  return (
    <p class="notice info" role="status" id="materials-announcement">
      {announcement.dueAt > now ? (
        <>
          {people} will be emailed at <LocalTime instant={announcement.dueAt} zone={zone} format="time" withCity /> about: {about}. Materials added before then
          are included.
        </>
      ) : (
        <>
          {people} {verb} being emailed now about: {about}.
        </>
      )}
    </p>
  );
}
