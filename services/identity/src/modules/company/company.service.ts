import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { CompanyProfileChangedV1, type EventData, type EventMetadata } from '@rapport/contracts';
import { optionalEmail, optionalText, requireText } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { createHash } from 'node:crypto';
import { CompanyProfile, type ICompanyProfile, type LogoType } from './company.entity.js';
import { checkLogo, requireBic, requireCountry, requireIban } from './company.validation.js';

export interface UpdateCompanyProfileInput {
  name?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  vatId?: string | null;
  taxNumber?: string | null;
  iban?: string | null;
  bic?: string | null;
  bankName?: string | null;
  headerText?: string | null;
  footerText?: string | null;
  defaultTerms?: string | null;
  removeLogo?: boolean | null;
}

/** The one company profile (the migration made it). */
export async function getCompanyProfile(em: SqlEntityManager, _viewer?: Viewer, lock = false): Promise<ICompanyProfile> {
  const [profile] = await em.find(CompanyProfile, {}, { orderBy: { id: 'asc' }, limit: 1, ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) });
  if (!profile) throw new Error('company_profile has no row: the identity migrations did not run');
  return profile;
}

type TextField = Exclude<keyof UpdateCompanyProfileInput, 'name' | 'removeLogo'>;

/** How each optional field is checked and normalised (a value given as null or blank clears it). */
const FIELDS: Record<TextField, (field: string, value: string) => string | null> = {
  street: (f, v) => optionalText(f, v, 200),
  postalCode: (f, v) => optionalText(f, v, 20),
  city: (f, v) => optionalText(f, v, 100),
  country: (f, v) => requireCountry(f, v),
  email: (f, v) => optionalEmail(f, v),
  phone: (f, v) => optionalText(f, v, 50),
  website: (f, v) => optionalText(f, v, 200),
  vatId: (f, v) => optionalText(f, v?.replace(/\s+/g, '').toUpperCase(), 20),
  taxNumber: (f, v) => optionalText(f, v, 30),
  iban: (f, v) => requireIban(f, v),
  bic: (f, v) => requireBic(f, v),
  bankName: (f, v) => optionalText(f, v, 100),
  headerText: (f, v) => optionalText(f, v, 500),
  footerText: (f, v) => optionalText(f, v, 500),
  defaultTerms: (f, v) => optionalText(f, v, 5000),
};

/** The profile as `identity.company.profile-changed.v1` carries it: every field, the logo's bytes as base64. */
async function snapshot(em: SqlEntityManager, profile: ICompanyProfile, changedFields: string[]): Promise<EventData<typeof CompanyProfileChangedV1>> {
  let logo: EventData<typeof CompanyProfileChangedV1>['logo'] = null;
  if (profile.logoContentType && profile.logoSha256 && profile.logoSizeBytes) {
    const [row] = await em.execute<{ logo_data: Buffer | null }[]>('select logo_data from company_profile where id = ?', [profile.id]);
    if (row?.logo_data)
      logo = { contentType: profile.logoContentType as LogoType, sizeBytes: profile.logoSizeBytes, sha256: profile.logoSha256, base64: row.logo_data.toString('base64') };
  }
  return {
    profileId: profile.id,
    version: profile.version,
    name: profile.name,
    street: profile.street ?? null,
    postalCode: profile.postalCode ?? null,
    city: profile.city ?? null,
    country: profile.country ?? null,
    email: profile.email ?? null,
    phone: profile.phone ?? null,
    website: profile.website ?? null,
    vatId: profile.vatId ?? null,
    taxNumber: profile.taxNumber ?? null,
    iban: profile.iban ?? null,
    bic: profile.bic ?? null,
    bankName: profile.bankName ?? null,
    headerText: profile.headerText ?? null,
    footerText: profile.footerText ?? null,
    defaultTerms: profile.defaultTerms ?? null,
    logo,
    changedFields,
    changedAt: profile.updatedAt.toISOString(),
  };
}

/** Bumps the version and announces the whole profile, in the transaction `tx` of the change. */
async function announce(tx: SqlEntityManager, viewer: Viewer<WriteAccess>, profile: ICompanyProfile, changedFields: string[], meta: EventMetadata): Promise<void> {
  profile.version += 1;
  profile.updatedBy = viewer.principal.userId;
  profile.updatedAt = new Date();
  await tx.flush();
  publish(tx, CompanyProfileChangedV1, profile.id, await snapshot(tx, profile, changedFields), meta);
}

/**
 * Changes the given fields of the profile (administrators only), checked and normalised; null or
 * blank clears an optional field, the name cannot be cleared. Nothing changed: no new version. Runs
 * under the profile's row lock; announces the whole profile (`identity.company.profile-changed.v1`).
 */
export async function updateCompanyProfile(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: UpdateCompanyProfileInput, meta: EventMetadata): Promise<ICompanyProfile> {
  const changes: Partial<Record<TextField | 'name', string | null>> = {};
  if (input.name !== undefined) changes.name = requireText('input.name', input.name ?? '', 200);
  for (const [key, check] of Object.entries(FIELDS) as [TextField, (f: string, v: string) => string | null][]) {
    const value = input[key];
    if (value === undefined) continue;
    changes[key] = value === null || value.trim() === '' ? null : check(`input.${key}`, value);
  }
  return em.transactional(async (tx) => {
    const profile = await getCompanyProfile(tx, viewer, true);
    const changedFields = Object.keys(changes).filter((key) => (profile as Record<string, unknown>)[key] !== changes[key as TextField]);
    tx.assign(profile, changes as Partial<ICompanyProfile>);
    if (input.removeLogo && profile.logoSha256) {
      await tx.execute('update company_profile set logo_data = null where id = ?', [profile.id]);
      tx.assign(profile, { logoContentType: null, logoSizeBytes: null, logoSha256: null });
      changedFields.push('logo');
    }
    if (changedFields.length > 0) await announce(tx, viewer, profile, changedFields, meta);
    return profile;
  });
}

/** Replaces the logo (administrators only; PNG or JPEG, sniffed, ≤ 256 KB), announcing the profile with it. */
export async function setCompanyLogo(em: SqlEntityManager, viewer: Viewer<WriteAccess>, type: LogoType, bytes: Buffer, meta: EventMetadata): Promise<ICompanyProfile> {
  checkLogo(type, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return em.transactional(async (tx) => {
    const profile = await getCompanyProfile(tx, viewer, true);
    if (profile.logoSha256 === sha256 && profile.logoContentType === type) return profile;
    await tx.execute('update company_profile set logo_data = ? where id = ?', [bytes, profile.id]);
    tx.assign(profile, { logoContentType: type, logoSizeBytes: bytes.length, logoSha256: sha256 });
    await announce(tx, viewer, profile, ['logo'], meta);
    return profile;
  });
}

/** The logo's bytes and type, or null when there is none. */
export async function companyLogo(em: SqlEntityManager): Promise<{ contentType: string; sha256: string; data: Buffer } | null> {
  const [row] = await em.execute<{ logo_content_type: string | null; logo_sha256: string | null; logo_data: Buffer | null }[]>(
    'select logo_content_type, logo_sha256, logo_data from company_profile order by id limit 1',
  );
  if (!row?.logo_data || !row.logo_content_type || !row.logo_sha256) return null;
  return { contentType: row.logo_content_type, sha256: row.logo_sha256, data: row.logo_data };
}
