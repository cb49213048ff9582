import { AppError, badInput } from '@rapport/errors';
import { isPrintableImage } from '@rapport/print';
import { LOGO_TYPES, MAX_LOGO_BYTES, type LogoType } from './company.entity.js';

/** An IBAN without spaces, upper case, when its ISO 13616 check digits hold (mod 97 = 1). */
export function requireIban(field: string, value: string): string {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) throw badInput(field, `${field} must be an IBAN, e.g. DE89 3704 0044 0532 0130 00`, 'INVALID_IBAN');
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  if (rest !== 1) throw badInput(field, `${field} has wrong check digits: ${iban}`, 'INVALID_IBAN');
  return iban;
}

/** A BIC (ISO 9362): 8 or 11 characters, upper case. */
export function requireBic(field: string, value: string): string {
  const bic = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) throw badInput(field, `${field} must be a BIC of 8 or 11 characters, e.g. COBADEFFXXX`, 'INVALID_BIC');
  return bic;
}

/** An ISO 3166-1 alpha-2 country code, upper case. */
export function requireCountry(field: string, value: string): string {
  const country = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badInput(field, `${field} must be a two-letter country code, e.g. DE`, 'INVALID_COUNTRY');
  return country;
}

const LOGO_STATUS: Record<string, number> = { LOGO_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, CONTENT_MISMATCH: 415 };
/** The HTTP status of a refused logo upload (the rest follow the error's category). */
export const logoErrorStatus = (code: string): number | undefined => LOGO_STATUS[code];

export const logoTooLarge = (): AppError =>
  new AppError('BAD_USER_INPUT', 'LOGO_TOO_LARGE', `the logo is larger than the ${MAX_LOGO_BYTES} bytes (256 KB) a logo may have`, {
    field: 'logo',
    details: { maxBytes: MAX_LOGO_BYTES },
  });

/** The declared type of a logo upload, if PNG or JPEG; 415 naming `logo` otherwise. */
export function requireLogoType(header: string | undefined): LogoType {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(LOGO_TYPES as readonly string[]).includes(type)) {
    throw new AppError('BAD_USER_INPUT', 'UNSUPPORTED_MEDIA_TYPE', `a logo must be image/png or image/jpeg${type ? `, not ${type}` : ''}`, { field: 'logo' });
  }
  return type as LogoType;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** Refuses a logo whose bytes are empty, too large, or not what its declared type says (sniffed from the leading bytes). */
export function checkLogo(type: LogoType, bytes: Buffer): void {
  if (bytes.length === 0) throw badInput('logo', 'the logo is empty', 'EMPTY_FILE');
  if (bytes.length > MAX_LOGO_BYTES) throw logoTooLarge();
  const magic = type === 'image/png' ? PNG : JPEG;
  if (!magic.every((b, i) => bytes[i] === b)) throw new AppError('BAD_USER_INPUT', 'CONTENT_MISMATCH', `the logo's content is not ${type}`, { field: 'logo' });
  if (!isPrintableImage(bytes)) throw badInput('logo', `the logo cannot be read as ${type}: it is damaged or uses a variant the PDF library does not print`, 'UNREADABLE_IMAGE');
}
