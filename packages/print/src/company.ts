import type { PrintCompany } from './document.js';

/**
 * The fields of a company profile snapshot (`identity.company.profile-changed.v1`, as the kit's
 * `loadCompanyProfile` returns it) that printing uses; structural, so this package needs no contracts.
 */
export interface CompanyProfileLike {
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  vatId: string | null;
  taxNumber: string | null;
  iban: string | null;
  bic: string | null;
  bankName: string | null;
  headerText: string | null;
  footerText: string | null;
  defaultTerms: string | null;
  logo: { contentType: 'image/png' | 'image/jpeg'; base64: string } | null;
}

/** IBAN in groups of four, as printed: DE89 3704 0044 0532 0130 00. */
export const groupIban = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** The letterhead of a printed document from the company profile; a placeholder name when no profile was announced yet. */
export function companyFromProfile(profile: CompanyProfileLike | null): PrintCompany {
  if (!profile) return { name: 'Company profile not set', addressLines: [] };
  return {
    name: profile.name,
    addressLines: [profile.street, [profile.postalCode, profile.city].filter(Boolean).join(' '), profile.country].filter((line): line is string => !!line),
    vatId: profile.vatId,
    taxNumber: profile.taxNumber,
    iban: profile.iban ? groupIban(profile.iban) : null,
    bic: profile.bic,
    bankName: profile.bankName,
    email: profile.email,
    phone: profile.phone,
    website: profile.website,
    headerText: profile.headerText,
    footerText: profile.footerText,
    logo: profile.logo ? { contentType: profile.logo.contentType, data: Buffer.from(profile.logo.base64, 'base64') } : null,
  };
}
