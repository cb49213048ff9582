import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { seesEverything } from '@rapport/auth';
import { createEvent, CustomerAddressChangedV1, CustomerContactChangedV1, CustomerCreatedV1, CustomerUpdatedV1, type CloudEvent, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, isAppError, notFound, optionalEmail, optionalText, requireIsoDate, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import { ANY_TEAM, restrictToVisibleCustomers, visibleCustomersSql, type Viewer, headsTeam, type WriteAccess, notDeletedSql } from '@rapport/subgraph-kit';
import { requireCountry } from '../address/address.entity.js';
import { CUSTOMER_KINDS, CUSTOMER_SOURCES, CUSTOMER_TIERS, LIFECYCLE_STATES, MAX_TAGS, normaliseTags, normaliseTaxId } from '../customer/customer.entity.js';
import type { CustomerFilter } from '../customer/customer.service.js';
import { findLikelyDuplicates } from '../duplicate/duplicate.service.js';
import { CsvSyntaxError, csvLine, parseCsv, type CsvRecord } from './csv.js';
import { parseXlsx, writeXlsx, XlsxError } from './xlsx.js';
import { ImportJob, type DuplicateHandling, type ImportMode, type IImportJob, type ImportDuplicateRow, type ImportRowError, type ImportStatus } from './import-job.entity.js';

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

/** Rows per batch: one INSERT per table, one duplicate query and one progress update each. */
export const BATCH_SIZE = 1000;
/** Files up to this many rows also get the fuzzy (similar name) duplicate check, row by row. */
export const FUZZY_ROW_LIMIT = 500;
/** The lowest findLikelyDuplicates score the fuzzy check treats as the same customer. */
export const FUZZY_MIN_SCORE = 0.8;
const NOTES_MAX = 10000;
const MAX_STORED_ERRORS = 10000;

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

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
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
  const base64 = input.file?.replace(/\s+/g, '') ?? '';
  if (!base64) throw badInput('input.file', 'input.file (the XLSX workbook, base64-encoded) is required for an XLSX import', 'REQUIRED');
  if (!BASE64.test(base64)) throw badInput('input.file', 'input.file must be base64-encoded', 'INVALID_BASE64');
  try {
    return await parseXlsx(Buffer.from(base64, 'base64'));
  } catch (error) {
    if (error instanceof XlsxError) throw badInput('input.file', `input.file cannot be read: ${error.message}`, 'INVALID_XLSX');
    throw error;
  }
}

/** Called after each batch, with the job as it now stands (the CLI prints it). */
export type ImportProgress = (job: { processed: number; total: number; created: number; merged: number; skipped: number; failed: number }) => void;

interface RowValues {
  name: string;
  kind: string;
  lifecycleState: string;
  email: string | null;
  phone: string | null;
  industry: string | null;
  source: string | null;
  tier: string | null;
  tags: string[];
  notes: string | null;
  taxId: string | null;
  address: { street: string; city: string; country: string } | null;
  contact: { name: string; email: string | null; phone: string | null } | null;
  ownerId: string;
  teamId: string | null;
}

interface Row {
  line: number;
  values: RowValues;
}

/** A customer this import creates, until its batch is written. */
interface Pending {
  id: string;
  line: number;
  values: RowValues;
  extraContacts: { name: string; email: string | null; phone: string | null }[];
}

/** A customer rows can be matched to: existing (in the database) or created by this import. */
interface Target {
  id: string;
  /** Set while the customer waits in the current batch; null once written. */
  pending: Pending | null;
  /** The line of the file that creates it; null for a customer already in the database. */
  line: number | null;
}

interface Counters {
  processed: number;
  created: number;
  merged: number;
  skipped: number;
  failed: number;
}

/** What an exact match on a key (`t:` tax id, `e:` email, `n:` name) is reported as. */
const KEY_REASONS: Record<string, ImportDuplicateRow['reason']> = { 't:': 'SAME_TAX_ID', 'e:': 'SAME_EMAIL', 'n:': 'SIMILAR_NAME' };

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

/** A list as one bound parameter (knex would spread an array): SQL reads it with jsonb_array_elements_text. */
const json = (values: readonly string[]): string => JSON.stringify(values);
/** A text[] literal as one bound parameter: the planner sees the values and uses the indexes (one lookup per value). */
const pgArray = (values: readonly (string | null)[]): string => `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
const pgBooleans = (values: readonly boolean[]): string => `{${values.map((v) => (v ? 't' : 'f')).join(',')}}`;

/**
 * A failure as a reason to store and show: for a database error, PostgreSQL's own message (the
 * driver puts the whole statement, every value of the batch included, in front of it), at most
 * 300 characters.
 */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const separator = message.lastIndexOf(' - ');
  const own = error && typeof error === 'object' && 'severity' in error && separator >= 0 ? message.slice(separator + 3) : message;
  return own.length > 300 ? `${own.slice(0, 300)}…` : own;
}

const errorOf = (line: number, error: unknown): ImportRowError => {
  if (isAppError(error)) return { line, field: error.field?.split('.')[0] ?? null, reason: error.message };
  return { line, field: null, reason: error instanceof Error ? error.message : String(error) };
};

/** Ids among `ids` the caller may see (all of them when unscoped). */
async function visibleIds(em: SqlEntityManager, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  const visible = visibleCustomersSql(viewer);
  if (!visible || ids.length === 0) return new Set(ids);
  const rows = await em.execute<{ customer_id: string }[]>(
    `select customer_id from (${visible.sql}) v where v.customer_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[])`,
    [...visible.params, json(ids)],
  );
  return new Set(rows.map((r) => r.customer_id));
}

/** Writes the job's progress in its own short transaction (outside any import transaction), so others see it now. */
async function saveProgress(
  em: SqlEntityManager,
  jobId: string,
  counters: Counters,
  newErrors: ImportRowError[],
  newDuplicates: ImportDuplicateRow[],
  status: ImportStatus | null,
): Promise<void> {
  await em.getConnection().execute(
    `update import_job set processed = ?, created = ?, merged = ?, skipped = ?, failed = ?,
       errors = case when jsonb_array_length(errors) < ${MAX_STORED_ERRORS} then errors || ?::jsonb else errors end,
       duplicate_rows = case when jsonb_array_length(duplicate_rows) < ${MAX_STORED_ERRORS} then duplicate_rows || ?::jsonb else duplicate_rows end,
       status = coalesce(?, status), finished_at = case when ? is null then finished_at else now() end
     where id = ?`,
    [
      counters.processed,
      counters.created,
      counters.merged,
      counters.skipped,
      counters.failed,
      JSON.stringify(newErrors.slice(0, MAX_STORED_ERRORS)),
      JSON.stringify(newDuplicates.slice(0, MAX_STORED_ERRORS)),
      status,
      status,
      jobId,
    ],
    'run',
  );
}

/**
 * Imports customers, each with its primary contact and address, from CSV. Every row is
 * validated first; a bad row is reported with its line and the field at fault. Duplicates (same
 * tax id, email or name, ignoring case, among the customers the caller may see or earlier rows
 * of the file; and, for files up to FUZZY_ROW_LIMIT rows, a similar name) are skipped, merged
 * into the existing customer (its empty fields filled, the contact added) or created anyway.
 * Batches of BATCH_SIZE rows are written with one INSERT per table, with a
 * `customers.customer.created.v1` event per customer in the outbox. ALL_OR_NOTHING writes
 * everything in one transaction and nothing when any row fails; PER_ROW writes the good rows,
 * one transaction per batch. A dry run writes no customer. The job's progress is written as
 * batches complete, in transactions of its own.
 */
export async function importCustomers(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: ImportCustomersInput,
  meta: EventMetadata,
  onProgress?: ImportProgress,
): Promise<IImportJob> {
  const { mode, duplicates } = input;
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

  const jobId = randomUUID();
  await em
    .getConnection()
    .execute(
      `insert into import_job (id, created_by, status, dry_run, mode, duplicates, total) values (?, ?, 'RUNNING', ?, ?, ?, ?)`,
      [jobId, viewer.principal.userId, input.dryRun, mode, duplicates, data.length],
      'run',
    );
  const counters: Counters = { processed: 0, created: 0, merged: 0, skipped: 0, failed: errors.length };
  const rolledBack = mode === 'ALL_OR_NOTHING' && errors.length > 0;
  const write = !input.dryRun && !rolledBack;
  const platform = em.getPlatform();
  const importer = new BatchImporter(
    viewer,
    duplicates,
    data.length <= FUZZY_ROW_LIMIT,
    meta,
    { jobId, actorId: viewer.principal.userId, requestId: meta.requestId ?? null },
    (values) => platform.marshallArray(values),
  );
  let pendingErrors = [...errors];
  let pendingDuplicates: ImportDuplicateRow[] = [];
  // Progress is saved in order, one update after the other (two batches may finish close together).
  let reporting: Promise<void> = Promise.resolve();
  const report = (status: ImportStatus | null): Promise<void> => {
    const newErrors = pendingErrors;
    pendingErrors = [];
    const newDuplicates = pendingDuplicates;
    pendingDuplicates = [];
    const snapshot = { ...counters };
    const save = async (): Promise<void> => {
      await saveProgress(em, jobId, snapshot, newErrors, newDuplicates, status);
      onProgress?.({ ...snapshot, total: data.length });
    };
    reporting = reporting.then(save, save); // after a failed save (its caller sees it), the next still runs
    return reporting;
  };

  const batches: Row[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) batches.push(rows.slice(i, i + BATCH_SIZE));
  const add = (plan: BatchPlan, lines: number): void => {
    const { result } = plan;
    // A matched customer this import creates exists only when the import writes.
    pendingDuplicates.push(...plan.duplicateRows.map((d) => (d.matchesLine !== null && !write ? { ...d, customerId: null } : d)));
    counters.created += result.created;
    counters.merged += result.merged;
    counters.skipped += result.skipped;
    counters.processed += lines;
  };
  // Rows that failed validation count as processed up front: they are done with.
  counters.processed = errors.length;

  let status: ImportStatus;
  try {
    if (mode === 'ALL_OR_NOTHING' || !write) {
      // One transaction for the whole file (or, on a dry run, none): batch after batch.
      const each = async (tem: SqlEntityManager): Promise<void> => {
        for (const batch of batches) {
          const plan = await importer.classify(tem, batch);
          if (write) await importer.write(tem, plan);
          importer.written(plan);
          add(plan, batch.length);
          await report(null);
        }
      };
      if (write) await em.transactional(each);
      else await each(em);
    } else {
      // PER_ROW: one transaction per batch, and two batches in flight — PostgreSQL writes one while
      // the next is classified and written on a second connection (the writing is nearly all the
      // work, and this uses a second CPU core). Batches are still classified in file order; a batch
      // with rows matching a customer the batch in flight creates waits for it first, and one
      // merging into a customer the batch in flight merges into too waits for it before merging.
      const failed = (batch: Row[], error: unknown): void => {
        importer.forget(batch);
        counters.processed += batch.length;
        counters.failed += batch.length;
        const reason = `the batch could not be written: ${reasonOf(error)}`;
        pendingErrors.push(...batch.map((row) => ({ line: row.line, field: null, reason })));
      };
      let previous: Promise<void> = Promise.resolve();
      let previousTargets = new Set<string>();
      try {
        for (const batch of batches) {
          if (importer.waitsFor(batch)) await previous;
          let plan: BatchPlan;
          try {
            plan = await importer.classify(em, batch);
          } catch (error) {
            failed(batch, error);
            continue;
          }
          const before = previous;
          const overlaps = plan.merges.some((m) => previousTargets.has(m.target));
          previousTargets = new Set(plan.merges.map((m) => m.target));
          const current = (async () => {
            try {
              await em.fork().transactional((tem) => importer.write(tem, plan, overlaps ? () => before : undefined));
              importer.written(plan);
              add(plan, batch.length);
            } catch (error) {
              failed(batch, error);
            }
            await report(null);
          })();
          await previous;
          previous = current;
        }
      } finally {
        await previous;
      }
    }
    if (rolledBack) {
      counters.created = 0;
      counters.merged = 0;
      counters.skipped = 0;
      status = 'ROLLED_BACK';
    } else status = counters.failed > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED';
  } catch (error) {
    // ALL_OR_NOTHING: the transaction is rolled back; the job says why.
    counters.created = 0;
    counters.merged = 0;
    counters.skipped = 0;
    counters.processed = data.length;
    pendingErrors.push({ line: 0, field: null, reason: `the import was rolled back: ${reasonOf(error)}` });
    status = 'FAILED';
  }
  await report(status);
  return getImportJob(em, viewer, jobId);
}

/** What a batch will do: its counts, the customers it creates, the rows it merges into existing ones. */
interface BatchPlan {
  result: Counters;
  /** The rows matched to a customer (skipped or merged), with what matched. */
  duplicateRows: ImportDuplicateRow[];
  created: Pending[];
  createdTargets: Target[];
  merges: { target: string; values: RowValues }[];
}

/** What an audit entry written by an import carries besides the change itself (as the audit subscriber's rows). */
interface AuditContext {
  jobId: string;
  actorId: string;
  requestId: string | null;
}

/** A contact or address an import adds (with an audit entry each). */
interface NewContact {
  id: string;
  customerId: string;
  name: string;
  emails: string[];
  phones: string[];
  isPrimary: boolean;
}
interface NewAddress {
  id: string;
  customerId: string;
  street: string;
  city: string;
  country: string;
}

/** The customer fields a MERGE may fill, in the entity's property order (as the audit lists them). */
const MERGE_FIELDS = ['email', 'phone', 'industry', 'source', 'tier', 'tags', 'notes', 'taxId'] as const;
type MergeField = (typeof MERGE_FIELDS)[number];
type MergeValues = { [K in MergeField]: K extends 'tags' ? string[] : string | null };

interface MergeTarget {
  id: string;
  name: string;
  kind: (typeof CUSTOMER_KINDS)[number];
  lifecycle_state: string;
  email: string | null;
  phone: string | null;
  industry: string | null;
  source: string | null;
  tier: string | null;
  tags: string[];
  notes: string | null;
  tax_id: string | null;
  has_primary: boolean;
  has_address: boolean;
  contacts: { name: string; emails: string[] }[];
}

/** One field of an audit CREATE entry, `{ field, from: null, to }`, as SQL (the value an SQL expression). */
const change = (field: string, value: string): [string, string] => [field, value];
/**
 * SQL for an audit CREATE entry's changes, from null to each value: an array of the composite type
 * `import_audit_change (field, from, to)` turned into JSON — several times cheaper for PostgreSQL
 * than nested jsonb_build_object calls, which counts at three entries per imported row.
 */
const auditCreated = (fields: [string, string][]): string =>
  `to_jsonb(array[${fields.map(([field, value]) => `row('${field}', null, ${value === 'null' ? 'null' : `to_jsonb(${value})`})::import_audit_change`).join(', ')}])`;

/** The event envelope's fields that differ from event to event (built per row in SQL). */
const PER_EVENT = new Set(['id', 'time', 'subject', 'data', 'correlationid']);

const storedValues = (c: MergeTarget): MergeValues => ({
  email: c.email,
  phone: c.phone,
  industry: c.industry,
  source: c.source,
  tier: c.tier,
  tags: [...c.tags],
  notes: c.notes,
  taxId: c.tax_id,
});

/** Classifies and writes batches, remembering the customers earlier rows created (for duplicates within the file). */
class BatchImporter {
  private readonly seen = new Map<string, Target>();

  constructor(
    private readonly viewer: Viewer<WriteAccess>,
    private readonly duplicates: DuplicateHandling,
    private readonly fuzzy: boolean,
    private readonly meta: EventMetadata,
    private readonly audit: AuditContext,
    /** Arrays as the audit subscriber records them: as the database value MikroORM writes (`{a,b}`). */
    private readonly array: (values: string[]) => string,
  ) {}

  private static keys(values: RowValues): string[] {
    const keys: string[] = [];
    if (values.taxId) keys.push(`t:${values.taxId}`);
    if (values.email) keys.push(`e:${values.email.toLowerCase()}`);
    keys.push(`n:${values.name.toLowerCase()}`);
    return keys;
  }

  /** Drops what a failed batch would have created from the rows later ones are matched against. */
  forget(batch: Row[]): void {
    const lines = new Set(batch.map((row) => row.line));
    for (const [key, target] of this.seen) if (target.pending && lines.has(target.pending.line)) this.seen.delete(key);
  }

  /**
   * Exact matches among the visible, live customers, for the whole batch in one query: per value,
   * one lateral lookup with a LIMIT, so each is a parameterised scan of the btree index that
   * answers it alone (`customer_tax_id_live_idx`, `customer_search_email_idx`,
   * `customer_name_lower_idx`, all partial on live rows) — whatever the statistics of a
   * table this very import is growing say.
   */
  private async existing(em: SqlEntityManager, batch: Row[]): Promise<Map<string, Target>> {
    const found = new Map<string, Target>();
    const taxIds = [...new Set(batch.flatMap((r) => (r.values.taxId ? [r.values.taxId] : [])))];
    const emails = [...new Set(batch.flatMap((r) => (r.values.email ? [r.values.email.toLowerCase()] : [])))];
    const names = [...new Set(batch.map((r) => r.values.name.toLowerCase()))];
    const lookup = (where: string): string =>
      `select m.* from unnest(?::text[]) k(v) cross join lateral (select id, name, email, tax_id, created_at from customer
         where ${notDeletedSql('customer')} and ${where} limit 20) m`;
    const sql = [lookup('tax_id = k.v'), lookup('lower(email) = k.v'), lookup('lower(name) = k.v')].join(' union all ');
    const params: unknown[] = [pgArray(taxIds), pgArray(emails), pgArray(names)];
    const filter: string[] = [];
    restrictToVisibleCustomers({ andWhere: (where: string, more: unknown[] = []) => void (filter.push(where), params.push(...more)) }, 'd', this.viewer, 'id');
    const rows = (
      await em.execute<{ id: string; name: string; email: string | null; tax_id: string | null }[]>(
        `select d.id, d.name, d.email, d.tax_id from (${sql}) d ${filter.length ? `where ${filter.join(' and ')}` : ''} order by d.created_at, d.id`,
        params,
      )
    ).map((r) => ({ id: r.id, name: r.name, email: r.email, taxId: r.tax_id }));
    for (const row of rows) {
      const target: Target = { id: row.id, pending: null, line: null };
      const keys = [`n:${row.name.toLowerCase()}`];
      if (row.email) keys.push(`e:${row.email.toLowerCase()}`);
      if (row.taxId) keys.push(`t:${row.taxId}`);
      for (const key of keys) if (!found.has(key)) found.set(key, target);
    }
    return found;
  }

  /** A similar visible customer, for rows without an exact match (small files only), with what matched best. */
  private async similar(em: SqlEntityManager, values: RowValues): Promise<{ target: Target; reason: ImportDuplicateRow['reason'] } | null> {
    const candidates = await findLikelyDuplicates(em, { name: values.name, email: values.email, phone: values.phone, taxId: values.taxId }, { limit: 5 });
    const likely = candidates.filter((c) => c.score >= FUZZY_MIN_SCORE);
    if (likely.length === 0) return null;
    const visible = await visibleIds(
      em,
      this.viewer,
      likely.map((c) => c.customerId),
    );
    const best = likely.find((c) => visible.has(c.customerId));
    return best ? { target: { id: best.customerId, pending: null, line: null }, reason: best.reasons[0] ?? 'SIMILAR_NAME' } : null;
  }

  /** Whether a row of `batch` matches a customer an earlier batch creates that is not written yet. */
  waitsFor(batch: Row[]): boolean {
    return batch.some((row) => BatchImporter.keys(row.values).some((key) => this.seen.get(key)?.pending));
  }

  /**
   * Decides for each row of the batch: create, skip or merge (into an existing customer, or into
   * one this import creates). Rows are matched against earlier rows of the file first, then against
   * the database (one lookup for the batch).
   */
  async classify(em: SqlEntityManager, batch: Row[]): Promise<BatchPlan> {
    const result: Counters = { processed: 0, created: 0, merged: 0, skipped: 0, failed: 0 };
    const existing = this.duplicates === 'CREATE' ? new Map<string, Target>() : await this.existing(em, batch);
    const created: Pending[] = [];
    const createdTargets: Target[] = [];
    const merges: { target: string; values: RowValues }[] = [];
    const duplicateRows: ImportDuplicateRow[] = [];
    for (const row of batch) {
      const keys = BatchImporter.keys(row.values);
      let target: Target | null = null;
      let reason: ImportDuplicateRow['reason'] = 'SIMILAR_NAME';
      if (this.duplicates !== 'CREATE') {
        for (const key of keys) {
          target = this.seen.get(key) ?? existing.get(key) ?? null;
          if (target) {
            reason = KEY_REASONS[key.slice(0, 2)] ?? 'SIMILAR_NAME';
            break;
          }
        }
        if (!target && this.fuzzy) {
          const found = await this.similar(em, row.values);
          if (found) ({ target, reason } = found);
        }
      }
      if (!target) {
        const pending: Pending = { id: randomUUID(), line: row.line, values: row.values, extraContacts: [] };
        created.push(pending);
        const own: Target = { id: pending.id, pending, line: row.line };
        createdTargets.push(own);
        for (const key of keys) if (!this.seen.has(key)) this.seen.set(key, own);
        result.created++;
        continue;
      }
      const handling = this.duplicates === 'SKIP' ? 'SKIP' : 'MERGE';
      duplicateRows.push({ line: row.line, customerId: target.id, matchesLine: target.line, reason, handling });
      if (handling === 'SKIP') {
        result.skipped++;
      } else {
        result.merged++;
        if (target.pending) mergeInto(target.pending, row.values);
        else merges.push({ target: target.id, values: row.values });
        for (const key of keys) if (!this.seen.has(key)) this.seen.set(key, target);
      }
    }
    return { result, duplicateRows, created, createdTargets, merges };
  }

  /** Writes a classified batch: its new customers, then (after `beforeMerge`) its merges. */
  async write(em: SqlEntityManager, plan: BatchPlan, beforeMerge?: () => Promise<void>): Promise<void> {
    const now = new Date();
    await this.insert(em, plan.created, now);
    if (plan.merges.length === 0) return;
    await beforeMerge?.();
    await this.merge(em, plan.merges, now);
  }

  /** The batch's customers are written (or, on a dry run, counted): later rows merge into them in the database. */
  written(plan: BatchPlan): void {
    for (const target of plan.createdTargets) target.pending = null;
  }

  /**
   * Writes the batch's new customers in ONE statement: each column travels as one array-literal
   * parameter (cheap for PostgreSQL to read; a big JSON document costs far more to parse), and
   * data-modifying CTEs insert the customers, their visibility rows, primary contacts,
   * addresses, `customers.customer.created.v1` outbox rows and the audit entries — a CREATE for
   * every customer, contact and address, built in SQL in the audit subscriber's shape. Foreign
   * keys are checked at the statement's end.
   */
  private async insert(em: SqlEntityManager, created: Pending[], now: Date): Promise<void> {
    if (created.length === 0) return;
    const { id: _eventId, ...eventMeta } = this.meta;
    void _eventId;
    const contacts: NewContact[] = [];
    const addresses: NewAddress[] = [];
    const rows = created.map(({ id, values, extraContacts }) => {
      const event = createEvent(
        CustomerCreatedV1,
        id,
        { customerId: id, name: values.name, kind: values.kind as (typeof CUSTOMER_KINDS)[number], ownerId: values.ownerId, teamId: values.teamId },
        eventMeta,
      );
      [...(values.contact ? [values.contact] : []), ...extraContacts].forEach((k, i) =>
        contacts.push({ id: randomUUID(), customerId: id, name: k.name, emails: k.email ? [k.email] : [], phones: k.phone ? [k.phone] : [], isPrimary: i === 0 }),
      );
      if (values.address) addresses.push({ id: randomUUID(), customerId: id, ...values.address });
      return { id, v: values, event };
    });
    // The envelope's fields all events of the batch share; the rest is built per row in SQL (cheaper than parsing a JSON event per row).
    const envelope = Object.fromEntries(Object.entries(rows[0]!.event).filter(([key]) => !PER_EVENT.has(key)));
    const column = (pick: (row: (typeof rows)[number]) => string | null): string => pgArray(rows.map(pick));
    const t = this.now(now);
    const children = this.childInserts(contacts, addresses);
    const customerChanges = [
      change('id', 'r.id'),
      change('name', 'r.name'),
      change('kind', 'r.kind'),
      change('lifecycleState', 'r.lifecycle_state'),
      change('email', 'r.email'),
      change('phone', 'r.phone'),
      change('ownerId', 'r.owner_id'),
      change('teamId', 'r.team_id'),
      change('industry', 'r.industry'),
      change('source', 'r.source'),
      change('tier', 'r.tier'),
      change('tags', 'r.tags_audit'),
      change('notes', 'r.notes'),
      change('lastContactedAt', 'null'),
      change('createdAt', 't.at'),
      change('taxId', 'r.tax_id'),
      change('importJobId', 't.job'),
    ];
    const sql = `with ${t.sql}, r as (
         select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[])
           as x(id, name, kind, lifecycle_state, email, phone, owner_id, team_id, industry, source, tier, tags, tags_audit, notes, tax_id, event_id, event_time, correlation)
       ), c as (
         insert into customer (id, name, kind, lifecycle_state, email, phone, owner_id, team_id, industry, source, tier, tags, notes, tax_id, created_at, updated_at)
         select r.id, r.name, r.kind, r.lifecycle_state, r.email, r.phone, r.owner_id, r.team_id, r.industry, r.source, r.tier, r.tags::text[], r.notes, r.tax_id, t.now, t.now
           from r, t
       ), a as (
         insert into customer_access (customer_id, owner_id, team_id, updated_at) select r.id, r.owner_id, r.team_id, t.now from r, t
       ), ca as (
         insert into audit_entry (id, entity, entity_id, action, changes, actor_id, request_id, at)
         select gen_random_uuid(), 'Customer', r.id::text, 'CREATE', ${auditCreated(customerChanges)}, t.actor, t.request, t.now from r, t
       ), ${children.sql}
       insert into outbox_message (id, topic, message_key, type, payload, headers, created_at)
       select r.event_id, t.topic, r.id::text, ev.e->>'type', ev.e,
              jsonb_build_object('ce_type', ev.e->>'type', 'ce_id', ev.e->>'id', 'correlation_id', ev.e->>'correlationid')
                || case when ev.e->>'requestid' is null then '{}'::jsonb else jsonb_build_object('x-request-id', ev.e->>'requestid') end,
              (ev.e->>'time')::timestamptz
         from r cross join lateral (
                select ?::jsonb || jsonb_build_object('id', r.event_id, 'time', r.event_time, 'subject', r.id, 'correlationid', r.correlation,
                         'data', jsonb_build_object('customerId', r.id, 'name', r.name, 'kind', r.kind, 'ownerId', r.owner_id, 'teamId', r.team_id)) as e
              ) ev, t`;
    const params = [
      ...t.params,
      column((r) => r.id),
      column((r) => r.v.name),
      column((r) => r.v.kind),
      column((r) => r.v.lifecycleState),
      column((r) => r.v.email),
      column((r) => r.v.phone),
      column((r) => r.v.ownerId),
      column((r) => r.v.teamId),
      column((r) => r.v.industry),
      column((r) => r.v.source),
      column((r) => r.v.tier),
      column((r) => pgArray(r.v.tags)),
      column((r) => this.array(r.v.tags)),
      column((r) => r.v.notes),
      column((r) => r.v.taxId),
      column((r) => r.event.id),
      column((r) => r.event.time),
      column((r) => r.event.correlationid),
      ...children.params,
      JSON.stringify(envelope),
    ];
    await em.execute(sql, params);
  }

  /** The CTE `t` every write statement starts with: the time, the job and who acts (for the audit entries). */
  private now(now: Date): { sql: string; params: unknown[] } {
    return {
      sql: 't as (select ?::timestamptz as now, ?::text as at, ?::text as job, ?::uuid as actor, ?::text as request, ?::text as topic)',
      params: [now.toISOString(), now.toISOString(), this.audit.jobId, this.audit.actorId, this.audit.requestId, CustomerCreatedV1.topic],
    };
  }

  /**
   * Data-modifying CTEs (after `t`) inserting contacts and addresses, each with an audit CREATE
   * entry listing every field from null, in property order, as the audit subscriber records a new
   * Contact or Address (arrays as MikroORM writes them, `{a,b}`), plus the import job.
   */
  private childInserts(contacts: NewContact[], addresses: NewAddress[]): { sql: string; params: unknown[] } {
    const contactChanges = [
      change('id', 'x.id'),
      change('customerId', 'x.customer_id'),
      change('name', 'x.name'),
      change('title', 'null'),
      change('emails', 'x.emails_audit'),
      change('phones', 'x.phones_audit'),
      change('preferredChannel', 'null'),
      change('isPrimary', 'x.is_primary'),
      change('createdAt', 't.at'),
      change('deletedAt', 'null'),
      change('importJobId', 't.job'),
    ];
    const addressChanges = [
      change('id', 'x.id'),
      change('customerId', 'x.customer_id'),
      change('kind', "'BILLING'::text"),
      change('street', 'x.street'),
      change('postalCode', 'null'),
      change('city', 'x.city'),
      change('region', 'null'),
      change('country', 'x.country'),
      change('createdAt', 't.at'),
      change('deletedAt', 'null'),
      change('importJobId', 't.job'),
    ];
    return {
      sql: `kx as (
         select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
           as x(id, customer_id, name, emails, phones, emails_audit, phones_audit, is_primary)
       ), k as (
         insert into contact (id, customer_id, name, emails, phones, is_primary, created_at, updated_at)
         select x.id, x.customer_id, x.name, x.emails::text[], x.phones::text[], x.is_primary, t.now, t.now from kx x, t
       ), ka as (
         insert into audit_entry (id, entity, entity_id, action, changes, actor_id, request_id, at)
         select gen_random_uuid(), 'Contact', x.id::text, 'CREATE', ${auditCreated(contactChanges)}, t.actor, t.request, t.now from kx x, t
       ), adx as (
         select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[]) as x(id, customer_id, street, city, country)
       ), ad as (
         insert into customer_address (id, customer_id, kind, street, city, country, created_at, updated_at)
         select x.id, x.customer_id, 'BILLING', x.street, x.city, x.country, t.now, t.now from adx x, t
       ), ada as (
         insert into audit_entry (id, entity, entity_id, action, changes, actor_id, request_id, at)
         select gen_random_uuid(), 'Address', x.id::text, 'CREATE', ${auditCreated(addressChanges)}, t.actor, t.request, t.now from adx x, t
       )`,
      params: [
        pgArray(contacts.map((k) => k.id)),
        pgArray(contacts.map((k) => k.customerId)),
        pgArray(contacts.map((k) => k.name)),
        pgArray(contacts.map((k) => pgArray(k.emails))),
        pgArray(contacts.map((k) => pgArray(k.phones))),
        pgArray(contacts.map((k) => this.array(k.emails))),
        pgArray(contacts.map((k) => this.array(k.phones))),
        pgBooleans(contacts.map((k) => k.isPrimary)),
        pgArray(addresses.map((a) => a.id)),
        pgArray(addresses.map((a) => a.customerId)),
        pgArray(addresses.map((a) => a.street)),
        pgArray(addresses.map((a) => a.city)),
        pgArray(addresses.map((a) => a.country)),
      ],
    };
  }

  /**
   * MERGE into existing customers, in two statements per batch: the targets are read (and locked)
   * once; their empty fields are filled from the rows (first non-empty value in file order), the
   * rows' tags added (up to MAX_TAGS), each row's contact added unless the customer already has a
   * live contact of that name (ignoring case) with that email — so merging the same file twice adds
   * nothing twice — primary when the customer has none, and the first row's address when the
   * customer has none. Then ONE statement writes the updates, contacts, addresses and audit entries
   * (an UPDATE with the changed fields, from and to, as the audit subscriber records one; a CREATE
   * per contact and address).
   */
  private async merge(em: SqlEntityManager, merges: { target: string; values: RowValues }[], now: Date): Promise<void> {
    if (merges.length === 0) return;
    const ids = [...new Set(merges.map((m) => m.target))];
    const targets = await em.execute<MergeTarget[]>(
      `select c.id, c.name, c.kind, c.lifecycle_state, c.email, c.phone, c.industry, c.source, c.tier, c.tags, c.notes, c.tax_id,
              exists (select 1 from contact k where k.customer_id = c.id and ${notDeletedSql('k')} and k.is_primary) as has_primary,
              exists (select 1 from customer_address a where a.customer_id = c.id and ${notDeletedSql('a')}) as has_address,
              coalesce((select jsonb_agg(jsonb_build_object('name', lower(k.name), 'emails', k.emails)) from contact k
                         where k.customer_id = c.id and ${notDeletedSql('k')}), '[]'::jsonb) as contacts
         from customer c where c.id = any(?::uuid[]) and ${notDeletedSql('c')}
        for update of c`,
      [pgArray(ids)],
    );
    const byId = new Map(targets.map((t) => [t.id, t]));
    const next = new Map<string, MergeValues>();
    const contacts: NewContact[] = [];
    const addresses: NewAddress[] = [];
    for (const { target, values: v } of merges) {
      const current = byId.get(target);
      if (!current) continue; // deleted since it was matched: nothing to merge into
      const values = next.get(target) ?? storedValues(current);
      next.set(target, {
        email: values.email ?? v.email,
        phone: values.phone ?? v.phone,
        industry: values.industry ?? v.industry,
        source: values.source ?? v.source,
        tier: values.tier ?? v.tier,
        tags: [...new Set([...values.tags, ...v.tags])].slice(0, Math.max(MAX_TAGS, values.tags.length)),
        notes: values.notes ?? v.notes,
        taxId: values.taxId ?? v.taxId,
      });
      if (v.contact) {
        const email = v.contact.email;
        const name = v.contact.name.toLowerCase();
        if (!current.contacts.some((k) => k.name === name && (!email || k.emails.includes(email)))) {
          const contact = {
            id: randomUUID(),
            customerId: target,
            name: v.contact.name,
            emails: email ? [email] : [],
            phones: v.contact.phone ? [v.contact.phone] : [],
            isPrimary: !current.has_primary,
          };
          contacts.push(contact);
          current.has_primary = true;
          current.contacts.push({ name, emails: contact.emails });
        }
      }
      if (v.address && !current.has_address) {
        addresses.push({ id: randomUUID(), customerId: target, ...v.address });
        current.has_address = true;
      }
    }
    const updates: { id: string; values: MergeValues; changes: string; fields: string[] }[] = [];
    for (const [id, values] of next) {
      const before = storedValues(byId.get(id)!);
      const changes: { field: string; from: unknown; to: unknown }[] = MERGE_FIELDS.flatMap((field) => {
        const from = before[field];
        const to = values[field];
        if (Array.isArray(from) && Array.isArray(to))
          return from.length === to.length && from.every((tag, i) => tag === to[i]) ? [] : [{ field, from: this.array(from), to: this.array(to) }];
        return from === to ? [] : [{ field, from, to }];
      });
      if (changes.length === 0) continue;
      const fields = changes.map((c) => c.field);
      changes.push({ field: 'importJobId', from: null, to: this.audit.jobId });
      updates.push({ id, values, changes: JSON.stringify(changes), fields });
    }
    if (updates.length + contacts.length + addresses.length === 0) return;
    const t = this.now(now);
    const children = this.childInserts(contacts, addresses);
    const column = (pick: (v: MergeValues) => string | null): string => pgArray(updates.map((u) => pick(u.values)));
    await em.execute(
      `with ${t.sql}, ux as (
         select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
           as x(id, email, phone, industry, source, tier, tags, notes, tax_id, changes)
       ), u as (
         update customer c set email = x.email, phone = x.phone, industry = x.industry, source = x.source, tier = x.tier,
                tags = x.tags::text[], notes = x.notes, tax_id = x.tax_id, updated_at = t.now
           from ux x, t where c.id = x.id
       ), ua as (
         insert into audit_entry (id, entity, entity_id, action, changes, actor_id, request_id, at)
         select gen_random_uuid(), 'Customer', x.id::text, 'UPDATE', x.changes::jsonb, t.actor, t.request, t.now from ux x, t
       ), ${children.sql}, ev as (
         insert into outbox_message (id, topic, message_key, type, payload, headers, created_at)
         select (e->>'id')::uuid, t.topic, e->>'subject', e->>'type', e,
                jsonb_build_object('ce_type', e->>'type', 'ce_id', e->>'id', 'correlation_id', e->>'correlationid')
                  || case when e->>'requestid' is null then '{}'::jsonb else jsonb_build_object('x-request-id', e->>'requestid') end,
                (e->>'time')::timestamptz
           from jsonb_array_elements(?::jsonb) e, t
       )
       select count(*) from ux`,
      [
        ...t.params,
        pgArray(updates.map((u) => u.id)),
        column((v) => v.email),
        column((v) => v.phone),
        column((v) => v.industry),
        column((v) => v.source),
        column((v) => v.tier),
        column((v) => pgArray(v.tags)),
        column((v) => v.notes),
        column((v) => v.taxId),
        pgArray(updates.map((u) => u.changes)),
        ...children.params,
        JSON.stringify(this.mergeEvents(byId, updates, contacts, addresses, now)),
      ],
    );
  }

  /**
   * The events a MERGE batch writes with its changes, on the customers' topic: the fields it filled
   * (`customers.customer.updated.v1`) and the contacts and addresses it added.
   */
  private mergeEvents(
    targets: Map<string, MergeTarget>,
    updates: { id: string; values: MergeValues; fields: string[] }[],
    contacts: NewContact[],
    addresses: NewAddress[],
    now: Date,
  ): CloudEvent[] {
    const { id: _eventId, ...eventMeta } = this.meta;
    void _eventId;
    const meta = { ...eventMeta, time: now };
    const at = now.toISOString();
    return [
      ...updates.map(({ id, values: v, fields }) => {
        const target = targets.get(id)!;
        const customer = {
          name: target.name,
          kind: target.kind,
          lifecycleState: target.lifecycle_state,
          email: v.email,
          phone: v.phone,
          industry: v.industry,
          source: v.source,
          tier: v.tier,
          tags: v.tags,
          taxId: v.taxId,
        };
        return createEvent(CustomerUpdatedV1, id, { customerId: id, changedFields: fields, customer, updatedAt: at }, meta);
      }),
      ...contacts.map((k) =>
        createEvent(
          CustomerContactChangedV1,
          k.customerId,
          {
            customerId: k.customerId,
            contactId: k.id,
            change: 'ADDED',
            contact: { name: k.name, title: null, emails: k.emails, phones: k.phones, preferredChannel: null, primary: k.isPrimary, deletedAt: null },
            changedAt: at,
          },
          meta,
        ),
      ),
      ...addresses.map((a) =>
        createEvent(
          CustomerAddressChangedV1,
          a.customerId,
          {
            customerId: a.customerId,
            addressId: a.id,
            change: 'ADDED',
            address: { kind: 'BILLING', street: a.street, postalCode: null, city: a.city, region: null, country: a.country, deletedAt: null },
            changedAt: at,
          },
          meta,
        ),
      ),
    ];
  }
}

function mergeInto(pending: Pending, v: RowValues): void {
  const p = pending.values;
  pending.values = {
    ...p,
    email: p.email ?? v.email,
    phone: p.phone ?? v.phone,
    industry: p.industry ?? v.industry,
    source: p.source ?? v.source,
    tier: p.tier ?? v.tier,
    notes: p.notes ?? v.notes,
    taxId: p.taxId ?? v.taxId,
    tags: [...new Set([...p.tags, ...v.tags])].slice(0, MAX_TAGS),
    address: p.address ?? v.address,
  };
  if (v.contact) pending.extraContacts.push(v.contact);
}

/** An import job: its creator's, or any for directors and admins; NOT_FOUND otherwise. */
export async function getImportJob(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IImportJob> {
  const jobId = requireUuid(field, id);
  const job = await em.fork().findOne(ImportJob, { id: jobId });
  if (!job || (!seesEverything(viewer.principal) && job.createdBy !== viewer.principal.userId)) throw notFound('ImportJob', jobId, field);
  return job;
}

/** The export's columns, in order; the header names them as the import's fields (camelCase), so an export imports back as is. */
export const EXPORT_FIELDS: readonly ImportField[] = IMPORT_FIELDS;

interface ExportRow {
  name: string;
  kind: string;
  lifecycle_state: string;
  email: string | null;
  phone: string | null;
  industry: string | null;
  source: string | null;
  tier: string | null;
  tags: string[];
  notes: string | null;
  tax_id: string | null;
  street: string | null;
  city: string | null;
  country: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  owner_id: string | null;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The customers the caller may see (live ones), by name then id, each with its primary contact
 * and first billing (or other) address, as CSV with a header of import field names. The filter
 * works as for `customers`.
 */
export async function exportCustomers(em: SqlEntityManager, viewer: Viewer, filter: CustomerFilter | null | undefined, format?: ImportFormat | null): Promise<string> {
  const exportFormat = format ?? 'CSV';
  const where: string[] = [notDeletedSql('c')];
  const params: unknown[] = [];
  const visible = visibleCustomersSql(viewer);
  if (visible) {
    where.push(`c.id in (${visible.sql})`);
    params.push(...visible.params);
  }
  if (filter?.ownerId) {
    where.push('c.owner_id = ?');
    params.push(requireUuid('filter.ownerId', filter.ownerId));
  }
  if (filter?.lifecycleState) {
    where.push('c.lifecycle_state = ?');
    params.push(filter.lifecycleState);
  }
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) {
    where.push('c.name ilike ?');
    params.push(`%${escapeLike(search)}%`);
  }
  if (filter?.tier) {
    where.push('c.tier = ?');
    params.push(filter.tier);
  }
  const industry = optionalText('filter.industry', filter?.industry, 100);
  if (industry) {
    where.push('lower(c.industry) = lower(?)');
    params.push(industry);
  }
  const tags = normaliseTags('filter.tags', filter?.tags ?? []);
  if (tags.length) {
    where.push('c.tags @> array(select jsonb_array_elements_text(?::jsonb))');
    params.push(json(tags));
  }
  const day = (column: string, fromField: string, from: string | null | undefined, toField: string, to: string | null | undefined): void => {
    const start = from ? requireIsoDate(fromField, from) : null;
    const end = to ? requireIsoDate(toField, to) : null;
    if (start && end && end < start) throw badInput(toField, `${toField} must not be before ${fromField}`, 'INVALID_RANGE');
    if (start) {
      where.push(`${column} >= ?::date`);
      params.push(start);
    }
    if (end) {
      where.push(`${column} < ?::date + 1`);
      params.push(end);
    }
  };
  day('c.created_at', 'filter.createdFrom', filter?.createdFrom, 'filter.createdTo', filter?.createdTo);
  day('c.last_contacted_at', 'filter.lastContactedFrom', filter?.lastContactedFrom, 'filter.lastContactedTo', filter?.lastContactedTo);
  const city = optionalText('filter.city', filter?.city, 100);
  if (city) {
    where.push(`exists (select 1 from customer_address ad where ad.customer_id = c.id and ${notDeletedSql('ad')} and lower(ad.city) = lower(?))`);
    params.push(city);
  }
  const rows = await em.execute<ExportRow[]>(
    `select c.name, c.kind, c.lifecycle_state, c.email, c.phone, c.industry, c.source, c.tier, c.tags, c.notes, c.tax_id, c.owner_id,
            a.street, a.city, a.country, k.name as contact_name, k.emails[1] as contact_email, k.phones[1] as contact_phone
       from customer c
       left join lateral (select street, city, country from customer_address ad where ad.customer_id = c.id and ${notDeletedSql('ad')}
                          order by (ad.kind = 'BILLING') desc, ad.created_at, ad.id limit 1) a on true
       left join lateral (select name, emails, phones from contact ct where ct.customer_id = c.id and ${notDeletedSql('ct')} and ct.is_primary limit 1) k on true
      where ${where.join(' and ')}
      order by c.name, c.id`,
    params,
  );
  const table = rows.map((r) => [
    r.name,
    r.kind,
    r.lifecycle_state,
    r.email,
    r.phone,
    r.industry,
    r.source,
    r.tier,
    r.tags.join(';'),
    r.notes,
    r.tax_id,
    r.street,
    r.city,
    r.country,
    r.contact_name,
    r.contact_email,
    r.contact_phone,
    r.owner_id,
  ]);
  const header = EXPORT_FIELDS.map(fieldLabel);
  if (exportFormat === 'XLSX') return (await writeXlsx('Customers', header, table)).toString('base64');
  return `${[header, ...table].map(csvLine).join('\n')}\n`;
}
