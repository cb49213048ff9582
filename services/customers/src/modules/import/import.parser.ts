import { seesEverything } from '@rapport/auth';
import { AppError, badInput, isAppError, optionalEmail, optionalText, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import { ANY_TEAM, headsTeam, type Viewer } from '@rapport/subgraph-kit';
import { requireCountry } from '../address/address.entity.js';
import {
  CUSTOMER_KINDS,
  CUSTOMER_SOURCES,
  CUSTOMER_TIERS,
  LIFECYCLE_STATES,
  normaliseTags,
  normaliseTaxId,
  type CustomerKind,
  type CustomerSource,
  type CustomerTier,
  type LifecycleState,
} from '../customer/customer.entity.js';
import { CsvSyntaxError, parseCsv, parseXlsxInput, type CsvRecord } from './csv.js';
import type { DuplicateHandling, ImportMode, ImportRowError } from './import-job.entity.js';

// Parsing: the file (CSV or XLSX) and its mapping into validated rows, and bad rows into errors.

/** The customer fields a CSV column can fill, as the GraphQL enum names them. */
export const IMPORT_FIELDS = [
  'NAME',
  'KIND',
  'LIFECYCLE_STATE',
  'EMAIL',
  'PHONE',
  'INDUSTRY',
  'SOURCE',
  'TIER',
  'TAGS',
  'NOTES',
  'TAX_ID',
  'STREET',
  'CITY',
  'COUNTRY',
  'CONTACT_NAME',
  'CONTACT_EMAIL',
  'CONTACT_PHONE',
  'OWNER_ID',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** `CONTACT_EMAIL` → `contactEmail`: how errors and the export header name a field. */
export const fieldLabel = (field: ImportField): string => field.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** `contactEmail` or `CONTACT_EMAIL` → `CONTACT_EMAIL`; undefined for anything else. */
export const importFieldOf = (text: string): ImportField | undefined => {
  const upper = text
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase();
  return (IMPORT_FIELDS as readonly string[]).includes(upper) ? (upper as ImportField) : undefined;
};

const NOTES_MAX = 10000;

export const IMPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportCustomersInput {
  /** CSV by default. */
  format?: ImportFormat | null;
  /** The CSV text (format CSV). */
  csv?: string | null;
  /** The XLSX workbook, base64-encoded (format XLSX). */
  file?: string | null;
  mapping: { column: string; field: string }[];
  dryRun: boolean;
  duplicates: DuplicateHandling;
  mode: ImportMode;
}

const sourceField = (input: ImportCustomersInput): string => (input.format === 'XLSX' ? 'input.file' : 'input.csv');

/** The file's records (header first): CSV text from input.csv, or the first worksheet of the XLSX workbook in input.file. */
async function readRecords(input: ImportCustomersInput): Promise<CsvRecord[]> {
  const format = input.format ?? 'CSV';
  if (format === 'CSV') {
    if (input.file) throw badInput('input.file', 'input.file is for XLSX workbooks; give CSV text in input.csv', 'INVALID_VALUE');
    if (input.csv === null || input.csv === undefined) throw badInput('input.csv', 'input.csv is required for a CSV import', 'REQUIRED');
    try {
      return parseCsv(input.csv);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw badInput('input.csv', `input.csv cannot be read: ${error.message}`, 'INVALID_CSV');
      throw error;
    }
  }
  if (input.csv) throw badInput('input.csv', 'input.csv is for CSV text; give the XLSX workbook base64-encoded in input.file', 'INVALID_VALUE');
  return parseXlsxInput('input.file', input.file);
}

/** One row's values, validated: what the import stores. */
export interface RowValues {
  name: string;
  kind: CustomerKind;
  lifecycleState: LifecycleState;
  email: string | null;
  phone: string | null;
  industry: string | null;
  source: CustomerSource | null;
  tier: CustomerTier | null;
  tags: string[];
  notes: string | null;
  taxId: string | null;
  address: { street: string; city: string; country: string } | null;
  contact: { name: string; email: string | null; phone: string | null } | null;
  ownerId: string;
  teamId: string | null;
}

/** A valid row of the file: its line and values. */
export interface Row {
  line: number;
  values: RowValues;
}

/** Who may be named in an OWNER_ID column: everyone who writes customers except a rep (who owns what they import). */
function ownerOf(viewer: Viewer, raw: string | undefined, label: string): { ownerId: string; teamId: string | null } {
  const ownTeam = viewer.principal.teamIds[0] ?? null;
  const text = raw?.trim();
  if (!text) return { ownerId: viewer.principal.userId, teamId: ownTeam };
  const ownerId = requireUuid(label, text).toLowerCase();
  if (ownerId === viewer.principal.userId) return { ownerId, teamId: ownTeam };
  if (seesEverything(viewer.principal)) return { ownerId, teamId: null };
  if (!headsTeam(viewer, ANY_TEAM)) throw new AppError('FORBIDDEN', 'OWNER_FORBIDDEN', `${label}: a sales rep imports customers for themselves only`, { field: label });
  return { ownerId, teamId: ownTeam };
}

/** Validates one record into the values to store; throws the first AppError, naming the field. */
function readRow(record: CsvRecord, columns: Map<ImportField, number>, viewer: Viewer): RowValues {
  const get = (field: ImportField): string | undefined => {
    const index = columns.get(field);
    return index === undefined ? undefined : record.fields[index];
  };
  const text = (field: ImportField, max: number): string | null => optionalText(fieldLabel(field), get(field), max);
  const choice = <T extends string>(field: ImportField, allowed: readonly T[], fallback: T | null): T | null => {
    const raw = get(field)?.trim();
    return raw ? requireOneOf(fieldLabel(field), raw.toUpperCase().replace(/[\s-]+/g, '_'), allowed) : fallback;
  };
  const name = requireText('name', get('NAME') ?? '');
  const tagsText = get('TAGS') ?? '';
  const tags = normaliseTags(
    'tags',
    tagsText
      .split(';')
      .map((t) => t.trim())
      .filter((t) => t.length > 0),
  );
  const street = text('STREET', 200);
  const city = text('CITY', 100);
  const countryText = get('COUNTRY')?.trim();
  let address: RowValues['address'] = null;
  if (street || city || countryText) {
    if (!city) throw badInput('city', 'city is required when an address (street or country) is given', 'REQUIRED');
    if (!countryText) throw badInput('country', 'country is required when an address (street or city) is given', 'REQUIRED');
    address = { street: street ?? '', city, country: requireCountry('country', countryText) };
  }
  const contactName = text('CONTACT_NAME', 200);
  const contactEmail = optionalEmail('contactEmail', get('CONTACT_EMAIL'));
  const contactPhone = text('CONTACT_PHONE', 40);
  if (!contactName && (contactEmail || contactPhone)) throw badInput('contactName', 'contactName is required when a contact email or phone is given', 'REQUIRED');
  const owner = ownerOf(viewer, get('OWNER_ID'), 'ownerId');
  return {
    name,
    kind: choice('KIND', CUSTOMER_KINDS, 'COMPANY') ?? 'COMPANY',
    lifecycleState: choice('LIFECYCLE_STATE', LIFECYCLE_STATES, 'PROSPECT') ?? 'PROSPECT',
    email: optionalEmail('email', get('EMAIL')),
    phone: text('PHONE', 40),
    industry: text('INDUSTRY', 100),
    source: choice('SOURCE', CUSTOMER_SOURCES, null),
    tier: choice('TIER', CUSTOMER_TIERS, null),
    tags,
    notes: text('NOTES', NOTES_MAX),
    taxId: normaliseTaxId('taxId', get('TAX_ID')),
    address,
    contact: contactName ? { name: contactName, email: contactEmail, phone: contactPhone } : null,
    ownerId: owner.ownerId,
    teamId: owner.teamId,
  };
}

/** The header's column for each mapped field; BAD_USER_INPUT naming the mapping entry otherwise. */
function resolveMapping(header: string[], mapping: ImportCustomersInput['mapping']): Map<ImportField, number> {
  if (mapping.length === 0) throw badInput('input.mapping', 'input.mapping must map at least the NAME field', 'REQUIRED');
  const columns = new Map<ImportField, number>();
  const names = header.map((h) => h.trim());
  mapping.forEach((entry, i) => {
    const field = importFieldOf(entry.field);
    if (!field) throw badInput(`input.mapping.${i}.field`, `input.mapping.${i}.field must be one of ${IMPORT_FIELDS.join(', ')}`, 'INVALID_VALUE');
    if (columns.has(field)) throw badInput(`input.mapping.${i}.field`, `input.mapping.${i}.field maps ${field} a second time`, 'DUPLICATE_FIELD');
    const index = names.indexOf(entry.column.trim());
    if (index < 0) throw badInput(`input.mapping.${i}.column`, `input.mapping.${i}.column "${entry.column}" is not in the header`, 'UNKNOWN_COLUMN');
    columns.set(field, index);
  });
  if (!columns.has('NAME')) throw badInput('input.mapping', 'input.mapping must map a column to the NAME field', 'REQUIRED');
  return columns;
}

const errorOf = (line: number, error: unknown): ImportRowError => {
  if (isAppError(error)) return { line, field: error.field?.split('.')[0] ?? null, reason: error.message };
  return { line, field: null, reason: error instanceof Error ? error.message : String(error) };
};

/** The file read: its data rows (header excluded), the valid ones, and a `{ line, field, reason }` for each bad one. */
export interface ParsedFile {
  /** Data rows in the file. */
  total: number;
  rows: Row[];
  errors: ImportRowError[];
}

/**
 * Reads the file, checks the mapping against its header (BAD_USER_INPUT naming the field at fault)
 * and validates every row in memory with the rules of `createCustomer`; a bad row is reported with
 * its line and the field at fault, not thrown.
 */
export async function parseImportFile(input: ImportCustomersInput, viewer: Viewer): Promise<ParsedFile> {
  const records = await readRecords(input);
  const [header, ...data] = records;
  if (!header) throw badInput(sourceField(input), `${sourceField(input)} must start with a header ${input.format === 'XLSX' ? 'row' : 'line'}`, 'REQUIRED');
  const columns = resolveMapping(header.fields, input.mapping);
  const rows: Row[] = [];
  const errors: ImportRowError[] = [];
  for (const record of data) {
    const nul = record.fields.findIndex((field) => field.includes('\u0000'));
    if (nul >= 0) {
      const field = [...columns].find(([, index]) => index === nul)?.[0];
      errors.push({ line: record.line, field: field ? fieldLabel(field) : null, reason: 'the row contains a NUL character (\\0), which cannot be stored' });
      continue;
    }
    if (record.fields.length !== header.fields.length) {
      errors.push({ line: record.line, field: null, reason: `the row has ${record.fields.length} fields, the header ${header.fields.length}` });
      continue;
    }
    try {
      rows.push({ line: record.line, values: readRow(record, columns, viewer) });
    } catch (error) {
      errors.push(errorOf(record.line, error));
    }
  }
  return { total: data.length, rows, errors };
}
