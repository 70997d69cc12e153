// The workspace's knowledge-area pages: the list with the new-area form, and an area's edit page.
import { t } from '../../../src/i18n/catalogue.js';
import type { FieldErrors } from '../../../src/errors.js';
import type { Area } from '../../../src/programme/programme.types.js';
import { CsrfField, ErrorSummary, TextArea, TextField, type FormValues } from '../../components/form-kit.js';
import { TableWrap } from '../../components/table-wrap.js';

export type AreaListProps = { areas: Area[]; values: FormValues; errors: FieldErrors; csrfToken: string };

export function AreaList({ areas, values, errors, csrfToken }: AreaListProps) {
  return (
    <>
      <h1>{t('workspacePages.areas.title')}</h1>
      <div class="layout-2">
        <TableWrap label={t('workspacePages.areas.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('workspacePages.areas.column.area')}</th>
                <th scope="col">{t('workspacePages.areas.column.order')}</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr>
                  <td>
                    <a href={`/admin/areas/${a.slug}`}>{a.name}</a>
                    <span class="clock-date">{a.description}</span>
                  </td>
                  <td>{a.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <section class="panel">
          <h2 style="margin-top:0">{t('workspacePages.areas.new')}</h2>
          <form method="post" action="/admin/areas" class="stack" novalidate>
            <CsrfField token={csrfToken} />
            <ErrorSummary errors={errors} />
            <TextField name="name" label={t('workspacePages.areas.form.name')} values={values} errors={errors} required maxlength={120} />
            <TextArea name="description" label={t('workspacePages.areas.form.description')} values={values} errors={errors} rows={3} maxlength={2000} />
            <TextField name="position" type="number" label={t('workspacePages.areas.form.order')} values={values} errors={errors} />
            <button type="submit">{t('workspacePages.areas.form.add')}</button>
          </form>
        </section>
      </div>
    </>
  );
}

/** An area as the edit form shows it. */
export function areaFormValues(area: Area): FormValues {
  return { name: area.name, slug: area.slug, description: area.description, position: String(area.position) };
}

export type AreaEditProps = { slug: string; values: FormValues; errors: FieldErrors; csrfToken: string };

export function AreaEdit({ slug, values, errors, csrfToken }: AreaEditProps) {
  return (
    <>
      <p class="small">
        <a href="/admin/areas">{t('workspacePages.areas.back')}</a>
      </p>
      <h1>{t('workspacePages.areas.edit')}</h1>
      <form method="post" action={`/admin/areas/${slug}`} class="stack" style="max-width:40rem" novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={errors} />
        <TextField name="name" label={t('workspacePages.areas.form.name')} values={values} errors={errors} required maxlength={120} />
        <TextField name="slug" label={t('workspacePages.areas.form.slug')} values={values} errors={errors} required maxlength={80} />
        <TextArea name="description" label={t('workspacePages.areas.form.description')} values={values} errors={errors} rows={3} maxlength={2000} />
        <TextField name="position" type="number" label={t('workspacePages.areas.form.order')} values={values} errors={errors} />
        <button type="submit">{t('workspacePages.areas.form.save')}</button>
      </form>
    </>
  );
}
