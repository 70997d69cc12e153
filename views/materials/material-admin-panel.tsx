// The materials part of the admin webinar page: the list with delete buttons, the add form, the announcement button.
import { TableWrap } from '../components/table-wrap.js';
import type { Caption } from '../../src/materials/captions.service.js';
import { CaptionsAdmin } from './captions-admin.js';
import type { FieldErrors } from '../../src/errors.js';
import { publicFilePath } from '../../src/materials/material.links.js';
import { materialKindLabel, type Material } from '../../src/materials/material.types.js';
import { MAX_UPLOAD_BYTES, MAX_VIDEO_UPLOAD_BYTES, formatFileSize, isVideoType } from '../../src/materials/upload-check.js';
import { embedFor } from '../../src/materials/material.validation.js';
import type { Webinar } from '../../src/programme/programme.types.js';
import { CsrfField, ErrorSummary, type FormValues, RadioGroup, SelectField, str, TextField } from '../components/form-kit.js';
import { LocalTime } from '../components/local-time.js';
import { labelledTitle } from '../../src/materials/material.types.js';
import type { PendingAnnouncement } from '../../src/materials/material.service.js';
import type { DateTime } from 'luxon';
import type { MaterialKind } from '../../src/db/schema.js';
import { t } from '../../src/i18n/catalogue.js';
import { currentLanguage } from '../../src/i18n/current-language.js';

/** The kind's name in the language being rendered. */
const kindLabel = (kind: MaterialKind) => materialKindLabel(kind, currentLanguage());

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
        {t('materials.panel.heading')}
      </h2>
      {props.notifiedCount !== undefined ? (
        <p class="notice ok" role="status">
          {props.notifiedCount === 0
            ? t('materials.panel.notifiedNone')
            : t('materials.panel.notified', { count: props.notifiedCount, n: String(props.notifiedCount) })}
        </p>
      ) : null}

      {reachesOnlyOutsideChina(materials) ? (
        <p class="notice warn" id="youtube-china">
          {t('materials.panel.youtubeChina', { size: formatFileSize(MAX_VIDEO_UPLOAD_BYTES) })}
        </p>
      ) : null}

      {edited ? (
        <p class="notice ok" role="status">
          {t('materials.panel.saved', { title: edited.title })}
        </p>
      ) : null}
      {props.pending?.announcement ? <PendingNotice {...props.pending} announcement={props.pending.announcement} /> : null}

      {materials.length === 0 ? (
        <p class="muted">{t('materials.panel.none')}</p>
      ) : (
        <TableWrap label={t('materials.panel.tableLabel')}>
          <table>
            <caption class="visually-hidden">{t('materials.panel.caption', { title: webinar.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('materials.panel.title')}</th>
                <th scope="col">{t('materials.panel.kind')}</th>
                <th scope="col">{t('materials.panel.visibleTo')}</th>
                <th scope="col">{t('materials.panel.source')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('materials.panel.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {materials.map((material) => (
                <tr>
                  <td>{material.title}</td>
                  <td>{kindLabel(material.kind)}</td>
                  <td>{material.visibility === 'public' ? t('materials.panel.everyone') : t('materials.panel.attendees')}</td>
                  <td class="small">
                    {material.file ? (
                      <>
                        {material.visibility === 'public' ? (
                          <a href={publicFilePath(material)}>{material.file.originalName || t('materials.panel.file')}</a>
                        ) : (
                          material.file.originalName || t('materials.panel.file')
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
                      <a
                        class="button secondary small"
                        href={`#${editForm(material.id)}-title`}
                        aria-label={t('materials.panel.editLabel', { title: material.title })}
                      >
                        {t('materials.panel.edit')}
                      </a>
                      <form method="post" action={`${base}/${material.id}/delete`} class="inline-form">
                        <CsrfField token={csrfToken} />
                        <button type="submit" class="danger small" aria-label={t('materials.panel.deleteLabel', { title: material.title })}>
                          {t('materials.panel.delete')}
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
          <h3>{t('materials.panel.changeHeading')}</h3>
          <p class="small muted">{t('materials.panel.changeIntro')}</p>
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

      <h3>{t('materials.panel.addHeading')}</h3>
      <ErrorSummary form="material" errors={errors} />
      <form method="post" action={base} enctype="multipart/form-data" class="stack" novalidate>
        <CsrfField token={csrfToken} />
        <SelectField
          form="material"
          name="kind"
          label={t('materials.field.kind')}
          values={values}
          errors={errors}
          required
          options={(['recording', 'slides', 'link'] as const).map((kind) => ({ value: kind, label: kindLabel(kind) }))}
        />
        <TextField form="material" name="title" label={t('materials.field.title')} values={values} errors={errors} required maxlength={200} />
        {/* An address or a file: neither is optional on its own, so neither says so. */}
        <TextField
          form="material"
          name="url"
          type="url"
          inputmode="url"
          label={t('materials.field.url')}
          hint={t('materials.field.urlHint')}
          placeholder="https://"
          values={values}
          errors={errors}
          unmarked
        />
        <TextField
          form="material"
          name="file"
          type="file"
          label={t('materials.field.file')}
          hint={t('materials.field.fileHint', { slides: formatFileSize(MAX_UPLOAD_BYTES), video: formatFileSize(MAX_VIDEO_UPLOAD_BYTES) })}
          accept=".pdf,.pptx,.odp,.key,.mp4,.webm,video/mp4,video/webm"
          values={values}
          errors={errors}
          unmarked
        />
        <VisibilityChoice form="material" visibility={visibility} errors={errors} />
        <button type="submit">{t('materials.panel.add')}</button>
      </form>

      <h3>{t('materials.panel.tellHeading')}</h3>
      <form method="post" action={`/admin/webinars/${webinar.slug}/notify-materials`} class="stack">
        <CsrfField token={csrfToken} />
        <p class="small">{t('materials.panel.tellIntro')}</p>
        <button type="submit" class="secondary" disabled={materials.length === 0}>
          {props.pending?.announcement && props.pending.announcement.dueAt > props.pending.now ? t('materials.panel.emailNow') : t('materials.panel.email')}
        </button>
      </form>
    </section>
  );
}

/** Who may see a material: everyone, or the registered attendees on their personal page. */
function VisibilityChoice(props: { form: string; visibility: string; errors: FieldErrors }) {
  return (
    <RadioGroup
      form={props.form}
      name="visibility"
      legend={t('materials.field.visibleTo')}
      values={{ visibility: props.visibility }}
      errors={props.errors}
      options={[
        { value: 'public', label: t('materials.field.everyone') },
        { value: 'attendees', label: t('materials.field.attendees') },
      ]}
    />
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
        {t('materials.panel.editLabel', { title: material.title })} <span class="muted small">({kindLabel(material.kind)})</span>
      </summary>
      <ErrorSummary form={form} errors={errors} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={csrfToken} />
        <TextField form={form} name="title" label={t('materials.field.title')} values={values} errors={errors} required maxlength={200} />
        {material.file ? null : (
          <TextField form={form} name="url" type="url" inputmode="url" label={t('materials.field.url')} values={values} errors={errors} required />
        )}
        <VisibilityChoice form={form} visibility={visibility} errors={errors} />
        <div class="actions">
          <button type="submit">{t('materials.panel.save')}</button>
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

/** Where an element goes in a sentence said with it as a value: the sentence is cut there. */
const SLOT = '\u{E000}';

/** "2 people registered will be emailed at 14:32 CET (Stockholm) about: …": what is gathering, and that what is added before then goes along. */
function PendingNotice({ announcement, zone, now }: { announcement: PendingAnnouncement; zone: string; now: DateTime }) {
  const about = announcement.materials.map((m) => labelledTitle(kindLabel(m.kind), m.title)).join(', ');
  const people = { count: announcement.recipients, n: String(announcement.recipients), about };
  const [before, after] = t('materials.pending.later', { ...people, time: SLOT }).split(SLOT);
  return (
    <p class="notice info" role="status" id="materials-announcement">
      {announcement.dueAt > now ? (
        <>
          {before}
          <LocalTime instant={announcement.dueAt} zone={zone} format="time" withCity />
          {after}
        </>
      ) : (
        t('materials.pending.now', people)
      )}
    </p>
  );
}
