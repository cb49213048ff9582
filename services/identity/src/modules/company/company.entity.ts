import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * The company that issues every printed document: its letterhead, ids, bank details and default
 * terms. There is one row (made by the migration); `version` counts its changes. The logo's bytes
 * live in the unmapped column `logo_data` (raw SQL only: audit entries never carry them); the
 * entity keeps their type, size and SHA-256.
 */
export const CompanyProfile = defineEntity({
  name: 'CompanyProfile',
  tableName: 'company_profile',
  properties: {
    id: p.uuid().primary(),
    version: p.integer().default(0),
    name: p.text(),
    street: p.text().nullable(),
    postalCode: p.text().nullable(),
    city: p.text().nullable(),
    /** ISO 3166-1 alpha-2. */
    country: p.text().nullable(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    website: p.text().nullable(),
    vatId: p.text().nullable(),
    taxNumber: p.text().nullable(),
    /** Without spaces, upper case, its check digits verified. */
    iban: p.text().nullable(),
    bic: p.text().nullable(),
    bankName: p.text().nullable(),
    headerText: p.text().nullable(),
    footerText: p.text().nullable(),
    defaultTerms: p.text().nullable(),
    logoContentType: p.text().nullable(),
    logoSizeBytes: p.integer().nullable(),
    logoSha256: p.text().nullable(),
    updatedBy: p.uuid().nullable(),
    updatedAt: updatedAt(),
  },
});
export type ICompanyProfile = InferEntity<typeof CompanyProfile>;

/** The largest logo accepted: it travels inside `identity.company.profile-changed.v1` as base64. */
export const MAX_LOGO_BYTES = 262_144;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
