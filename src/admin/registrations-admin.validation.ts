// Checks the filters of the coordinators' registration list (page, CSV and JSON alike).
import { t } from '../i18n/catalogue.js';
import type { OrganisationType, RegistrationStatus } from '../db/schema.js';
import type { Validated } from '../errors.js';
import { ORGANISATION_TYPES } from '../registration/registration.validation.js';
import { FieldReader } from '../validation.js';
import type { RegistrationListFilter } from './registrations-admin.repository.js';

export const STATUS_FILTERS: ReadonlyArray<RegistrationStatus | 'all'> = ['all', 'confirmed', 'waitlisted', 'cancelled'];

/** Query parameters `status`, `type` and `q`; absent or empty ones mean "any". */
export function validateRegistrationFilter(query: Record<string, string | undefined>): Validated<RegistrationListFilter> {
  const fields = new FieldReader(query);
  const status = fields.choice('status', t('workspacePages.registrations.filter.status'), STATUS_FILTERS, { required: false }) ?? 'all';
  // 'all' is accepted for the type as well, so that scripts can spell out "no filter".
  const types = [...ORGANISATION_TYPES.map((t) => t.value), 'all'] as Array<OrganisationType | 'all'>;
  const type = fields.choice('type', t('workspacePages.registrations.filter.type'), types, { required: false });
  const q = fields.optionalText('q', t('workspacePages.registrations.filter.search'), { max: 200 });
  if (!fields.ok) return { ok: false, errors: fields.errors };
  return { ok: true, value: { status, organisationType: type === 'all' ? null : type, q } };
}

/** The filter as query parameters, without the defaults, for links (CSV, JSON) that keep it. */
export function filterQuery(filter: RegistrationListFilter): string {
  const params = new URLSearchParams();
  if (filter.status !== 'all') params.set('status', filter.status);
  if (filter.organisationType) params.set('type', filter.organisationType);
  if (filter.q) params.set('q', filter.q);
  const text = params.toString();
  return text ? `?${text}` : '';
}
