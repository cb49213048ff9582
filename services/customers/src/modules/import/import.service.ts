import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { createEvent, CustomerCreatedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, isAppError, notFound, optionalEmail, optionalText, requireIsoDate, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import { isScoped, readAccess, restrictToVisibleCustomers, visibleCustomersSql, writeAccess, type Access } from '@rapport/subgraph-kit';
import { Address, requireCountry } from '../address/address.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { CUSTOMER_KINDS, CUSTOMER_SOURCES, CUSTOMER_TIERS, Customer, LIFECYCLE_STATES, normaliseTags, normaliseTaxId } from '../customer/customer.entity.js';
import { customerPolicy } from '../customer/customer.policy.js';
import type { CustomerFilter } from '../customer/customer.service.js';
import { findLikelyDuplicates } from '../duplicate/duplicate.service.js';
import { CsvSyntaxError, csvLine, parseCsv, type CsvRecord } from './csv.js';
import { DUPLICATE_HANDLING, IMPORT_MODES, ImportJob, type DuplicateHandling, type IImportJob, type ImportRowError, type ImportStatus } from './import-job.entity.js';

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
  const upper = text.trim().replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
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

export interface ImportCustomersInput {
  csv: string;
  mapping: { column: string; field: string }[];
  dryRun: boolean;
  duplicates: string;
  mode: string;
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
}

interface Counters {
  processed: number;
  created: number;
  merged: number;
  skipped: number;
  failed: number;
}

/** Who may be named in an OWNER_ID column: everyone who writes customers except a rep (who owns what they import). */
function ownerOf(principal: Principal, raw: string | undefined, label: string): { ownerId: string; teamId: string | null } {
  const ownTeam = principal.teamIds[0] ?? null;
  const text = raw?.trim();
  if (!text) return { ownerId: principal.userId, teamId: ownTeam };
  const ownerId = requireUuid(label, text).toLowerCase();
  if (ownerId === principal.userId) return { ownerId, teamId: ownTeam };
  if (principal.role === 'SALES_REP') throw new AppError('FORBIDDEN', 'OWNER_FORBIDDEN', `${label}: a sales rep imports customers for themselves only`, { field: label });
  return { ownerId, teamId: principal.role === 'SALES_MANAGER' ? ownTeam : null };
}

/** Validates one record into the values to store; throws the first AppError, naming the field. */
function readRow(record: CsvRecord, columns: Map<ImportField, number>, principal: Principal): RowValues {
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
  const owner = ownerOf(principal, get('OWNER_ID'), 'ownerId');
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
    if (index < 0) throw badInput(`input.mapping.${i}.column`, `input.mapping.${i}.column "${entry.column}" is not in the CSV header`, 'UNKNOWN_COLUMN');
    columns.set(field, index);
  });
  if (!columns.has('NAME')) throw badInput('input.mapping', 'input.mapping must map a column to the NAME field', 'REQUIRED');
  return columns;
}

/** A list as one bound parameter (knex would spread an array): SQL reads it with jsonb_array_elements_text. */
const json = (values: readonly string[]): string => JSON.stringify(values);
/** A text[] literal as one bound parameter: the planner sees the values and uses the indexes (one lookup per value). */
const pgArray = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

const errorOf = (line: number, error: unknown): ImportRowError => {
  if (isAppError(error)) return { line, field: error.field?.split('.')[0] ?? null, reason: error.message };
  return { line, field: null, reason: error instanceof Error ? error.message : String(error) };
};

/** Ids among `ids` the caller may see (all of them when unscoped). */
async function visibleIds(em: SqlEntityManager, principal: Principal, access: Access, ids: string[]): Promise<Set<string>> {
  const visible = isScoped(access) ? visibleCustomersSql(principal) : null;
  if (!visible || ids.length === 0) return new Set(ids);
  const rows = await em.execute<{ customer_id: string }[]>(`select customer_id from (${visible.sql}) v where v.customer_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[])`, [...visible.params, json(ids)]);
  return new Set(rows.map((r) => r.customer_id));
}

/** Writes the job's progress in its own short transaction (outside any import transaction), so others see it now. */
async function saveProgress(em: SqlEntityManager, jobId: string, counters: Counters, newErrors: ImportRowError[], status: ImportStatus | null): Promise<void> {
  await em.getConnection().execute(
    `update import_job set processed = ?, created = ?, merged = ?, skipped = ?, failed = ?,
       errors = case when jsonb_array_length(errors) < ${MAX_STORED_ERRORS} then errors || ?::jsonb else errors end,
       status = coalesce(?, status), finished_at = case when ? is null then finished_at else now() end
     where id = ?`,
    [counters.processed, counters.created, counters.merged, counters.skipped, counters.failed, JSON.stringify(newErrors.slice(0, MAX_STORED_ERRORS)), status, status, jobId],
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
  principal: Principal | null,
  input: ImportCustomersInput,
  meta: EventMetadata,
  onProgress?: ImportProgress,
): Promise<IImportJob> {
  const access = writeAccess(customerPolicy, principal, 'customers');
  if (!principal) throw new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first');
  const mode = requireOneOf('input.mode', input.mode, IMPORT_MODES);
  const duplicates = requireOneOf('input.duplicates', input.duplicates, DUPLICATE_HANDLING);
  let records: CsvRecord[];
  try {
    records = parseCsv(input.csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw badInput('input.csv', `input.csv cannot be read: ${error.message}`, 'INVALID_CSV');
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw badInput('input.csv', 'input.csv must start with a header line', 'REQUIRED');
  const columns = resolveMapping(header.fields, input.mapping);

  const rows: Row[] = [];
  const errors: ImportRowError[] = [];
  for (const record of data) {
    if (record.fields.length !== header.fields.length) {
      errors.push({ line: record.line, field: null, reason: `the row has ${record.fields.length} fields, the header ${header.fields.length}` });
      continue;
    }
    try {
      rows.push({ line: record.line, values: readRow(record, columns, principal) });
    } catch (error) {
      errors.push(errorOf(record.line, error));
    }
  }

  const jobId = randomUUID();
  await em.getConnection().execute(
    `insert into import_job (id, created_by, status, dry_run, mode, duplicates, total) values (?, ?, 'RUNNING', ?, ?, ?, ?)`,
    [jobId, principal.userId, input.dryRun, mode, duplicates, data.length],
    'run',
  );
  const counters: Counters = { processed: 0, created: 0, merged: 0, skipped: 0, failed: errors.length };
  const rolledBack = mode === 'ALL_OR_NOTHING' && errors.length > 0;
  const write = !input.dryRun && !rolledBack;
  const importer = new BatchImporter(principal, access, duplicates, data.length <= FUZZY_ROW_LIMIT, meta);
  let pendingErrors = [...errors];
  const report = async (status: ImportStatus | null): Promise<void> => {
    await saveProgress(em, jobId, counters, pendingErrors, status);
    pendingErrors = [];
    onProgress?.({ ...counters, total: data.length });
  };

  const batches: Row[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) batches.push(rows.slice(i, i + BATCH_SIZE));
  const runBatch = async (tem: SqlEntityManager, batch: Row[]): Promise<Counters> => {
    const result = await importer.run(tem, batch, write);
    return result;
  };
  const add = (result: Counters, lines: number): void => {
    counters.created += result.created;
    counters.merged += result.merged;
    counters.skipped += result.skipped;
    counters.processed += lines;
  };
  // Rows that failed validation count as processed up front: they are done with.
  counters.processed = errors.length;

  let status: ImportStatus;
  try {
    if (mode === 'ALL_OR_NOTHING' && write) {
      await em.transactional(async (tem) => {
        for (const batch of batches) {
          add(await runBatch(tem, batch), batch.length);
          await report(null);
        }
      });
    } else {
      for (const batch of batches) {
        if (write) {
          try {
            const result = await em.transactional((tem) => runBatch(tem, batch));
            add(result, batch.length);
          } catch (error) {
            importer.forget(batch);
            counters.processed += batch.length;
            counters.failed += batch.length;
            const reason = `the batch could not be written: ${error instanceof Error ? error.message : String(error)}`;
            pendingErrors.push(...batch.map((row) => ({ line: row.line, field: null, reason })));
          }
        } else add(await runBatch(em, batch), batch.length);
        await report(null);
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
    pendingErrors.push({ line: 0, field: null, reason: `the import was rolled back: ${error instanceof Error ? error.message : String(error)}` });
    status = 'FAILED';
  }
  await report(status);
  return getImportJob(em, principal, jobId);
}

/** Classifies and writes batches, remembering the customers earlier rows created (for duplicates within the file). */
class BatchImporter {
  private readonly seen = new Map<string, Target>();

  constructor(
    private readonly principal: Principal,
    private readonly access: 'all' | 'scoped',
    private readonly duplicates: DuplicateHandling,
    private readonly fuzzy: boolean,
    private readonly meta: EventMetadata,
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

  /** Exact matches among the visible, live customers, for the whole batch in one query. */
  private async existing(em: SqlEntityManager, batch: Row[]): Promise<Map<string, Target>> {
    const found = new Map<string, Target>();
    const taxIds = [...new Set(batch.flatMap((r) => (r.values.taxId ? [r.values.taxId] : [])))];
    const emails = [...new Set(batch.flatMap((r) => (r.values.email ? [r.values.email.toLowerCase()] : [])))];
    const names = [...new Set(batch.map((r) => r.values.name.toLowerCase()))];
    // One lateral index lookup per value (the LIMIT keeps each one a parameterised index scan),
    // whatever the planner's statistics say about a table this very import is growing.
    const lookup = (values: string[], where: string): string =>
      `select m.* from unnest(?::text[]) k(v) cross join lateral (select id, name, email, tax_id, created_at from customer
         where deleted_at is null and ${where} limit 20) m`;
    const sql = [lookup(taxIds, 'tax_id = k.v'), lookup(emails, 'email is not null and lower(email) = k.v'), lookup(names, 'lower(name) = k.v')].join(' union all ');
    const params: unknown[] = [pgArray(taxIds), pgArray(emails), pgArray(names)];
    const filter: string[] = [];
    restrictToVisibleCustomers({ andWhere: (where: string, more: unknown[] = []) => void (filter.push(where), params.push(...more)) }, 'd', this.principal, this.access, 'id');
    const rows = (
      await em.execute<{ id: string; name: string; email: string | null; tax_id: string | null }[]>(
        `select d.id, d.name, d.email, d.tax_id from (${sql}) d ${filter.length ? `where ${filter.join(' and ')}` : ''} order by d.created_at, d.id`,
        params,
      )
    ).map((r) => ({ id: r.id, name: r.name, email: r.email, taxId: r.tax_id }));
    for (const row of rows) {
      const target = { id: row.id, pending: null };
      const keys = [`n:${row.name.toLowerCase()}`];
      if (row.email) keys.push(`e:${row.email.toLowerCase()}`);
      if (row.taxId) keys.push(`t:${row.taxId}`);
      for (const key of keys) if (!found.has(key)) found.set(key, target);
    }
    return found;
  }

  /** A similar-named visible customer, for rows without an exact match (small files only). */
  private async similar(em: SqlEntityManager, values: RowValues): Promise<Target | null> {
    const candidates = await findLikelyDuplicates(em, { name: values.name, email: values.email, phone: values.phone, taxId: values.taxId }, { limit: 5 });
    const likely = candidates.filter((c) => c.score >= FUZZY_MIN_SCORE);
    if (likely.length === 0) return null;
    const visible = await visibleIds(em, this.principal, this.access, likely.map((c) => c.customerId));
    const best = likely.find((c) => visible.has(c.customerId));
    return best ? { id: best.customerId, pending: null } : null;
  }

  async run(em: SqlEntityManager, batch: Row[], write: boolean): Promise<Counters> {
    const result: Counters = { processed: 0, created: 0, merged: 0, skipped: 0, failed: 0 };
    const existing = this.duplicates === 'CREATE' ? new Map<string, Target>() : await this.existing(em, batch);
    const created: Pending[] = [];
    const createdTargets: Target[] = [];
    const merges: { target: string; values: RowValues }[] = [];
    for (const row of batch) {
      const keys = BatchImporter.keys(row.values);
      let target: Target | null = null;
      if (this.duplicates !== 'CREATE') {
        for (const key of keys) {
          target = this.seen.get(key) ?? existing.get(key) ?? null;
          if (target) break;
        }
        if (!target && this.fuzzy) target = await this.similar(em, row.values);
      }
      if (!target) {
        const pending: Pending = { id: randomUUID(), line: row.line, values: row.values, extraContacts: [] };
        created.push(pending);
        const own: Target = { id: pending.id, pending };
        createdTargets.push(own);
        for (const key of keys) if (!this.seen.has(key)) this.seen.set(key, own);
        result.created++;
      } else if (this.duplicates === 'SKIP') {
        result.skipped++;
      } else {
        result.merged++;
        if (target.pending) mergeInto(target.pending, row.values);
        else merges.push({ target: target.id, values: row.values });
        for (const key of keys) if (!this.seen.has(key)) this.seen.set(key, target);
      }
    }
    if (write) {
      await this.insert(em, created);
      await this.merge(em, merges);
    }
    for (const target of createdTargets) target.pending = null;
    return result;
  }

  /**
   * Writes the batch's new customers in ONE statement: the rows travel as one JSON parameter and
   * data-modifying CTEs insert the customers, their visibility rows, primary contacts, addresses
   * and `customers.customer.created.v1` outbox rows (foreign keys are checked at the statement's end).
   */
  private async insert(em: SqlEntityManager, created: Pending[]): Promise<void> {
    if (created.length === 0) return;
    const { id: _eventId, ...eventMeta } = this.meta;
    void _eventId;
    const rows = created.map(({ id, values: v, extraContacts }) => {
      const event = createEvent(CustomerCreatedV1, id, { customerId: id, name: v.name, kind: v.kind as (typeof CUSTOMER_KINDS)[number], ownerId: v.ownerId, teamId: v.teamId }, eventMeta);
      const headers: Record<string, string> = { ce_type: event.type, ce_id: event.id, correlation_id: event.correlationid };
      if (event.requestid) headers['x-request-id'] = event.requestid;
      const contacts = [...(v.contact ? [v.contact] : []), ...extraContacts].map((c, i) => ({
        id: randomUUID(),
        name: c.name,
        emails: c.email ? [c.email] : [],
        phones: c.phone ? [c.phone] : [],
        primary: i === 0,
      }));
      return {
        id,
        name: v.name,
        kind: v.kind,
        lifecycle_state: v.lifecycleState,
        email: v.email,
        phone: v.phone,
        owner_id: v.ownerId,
        team_id: v.teamId,
        industry: v.industry,
        source: v.source,
        tier: v.tier,
        tags: v.tags,
        notes: v.notes,
        tax_id: v.taxId,
        contacts,
        address: v.address ? { id: randomUUID(), ...v.address } : null,
        event_id: event.id,
        event,
        headers,
      };
    });
    await em.execute(
      `with r as (
         select * from jsonb_to_recordset(?::jsonb) as x(id uuid, name text, kind text, lifecycle_state text, email text, phone text, owner_id uuid,
           team_id uuid, industry text, source text, tier text, tags jsonb, notes text, tax_id text, contacts jsonb, address jsonb, event_id uuid,
           event jsonb, headers jsonb)
       ), c as (
         insert into customer (id, name, kind, lifecycle_state, email, phone, owner_id, team_id, industry, source, tier, tags, notes, tax_id, created_at, updated_at)
         select id, name, kind, lifecycle_state, email, phone, owner_id, team_id, industry, source, tier,
                array(select jsonb_array_elements_text(r.tags)), notes, tax_id, now(), now() from r
       ), a as (
         insert into customer_access (customer_id, owner_id, team_id, updated_at) select id, owner_id, team_id, now() from r
       ), k as (
         insert into contact (id, customer_id, name, emails, phones, is_primary, created_at, updated_at)
         select (k->>'id')::uuid, r.id, k->>'name', array(select jsonb_array_elements_text(k->'emails')), array(select jsonb_array_elements_text(k->'phones')),
                (k->>'primary')::boolean, now(), now()
           from r cross join lateral jsonb_array_elements(r.contacts) k
       ), ad as (
         insert into customer_address (id, customer_id, kind, street, city, country, created_at, updated_at)
         select (address->>'id')::uuid, id, 'BILLING', address->>'street', address->>'city', address->>'country', now(), now() from r where address is not null
       )
       insert into outbox_message (id, topic, message_key, type, payload, headers, created_at)
       select event_id, ?, id::text, event->>'type', event, headers, (event->>'time')::timestamptz from r`,
      [JSON.stringify(rows), CustomerCreatedV1.topic],
    );
  }

  /** MERGE into existing customers: their empty fields filled, tags added, the contact (and, without one, the address) added. */
  private async merge(em: SqlEntityManager, merges: { target: string; values: RowValues }[]): Promise<void> {
    if (merges.length === 0) return;
    const ids = [...new Set(merges.map((m) => m.target))];
    const withPrimary = new Set(
      (await em.execute<{ customer_id: string }[]>('select customer_id from contact where customer_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[]) and is_primary and deleted_at is null', [json(ids)])).map((r) => r.customer_id),
    );
    const withAddress = new Set(
      (await em.execute<{ customer_id: string }[]>('select distinct customer_id from customer_address where customer_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[]) and deleted_at is null', [json(ids)])).map((r) => r.customer_id),
    );
    const now = new Date();
    const contacts: ReturnType<typeof contactRow>[] = [];
    const addresses: ReturnType<typeof addressRow>[] = [];
    for (const { target, values: v } of merges) {
      await em.execute(
        `update customer set email = coalesce(email, ?), phone = coalesce(phone, ?), industry = coalesce(industry, ?), source = coalesce(source, ?),
           tier = coalesce(tier, ?), notes = coalesce(notes, ?), tax_id = coalesce(tax_id, ?),
           tags = array(select t from unnest(tags || array(select jsonb_array_elements_text(?::jsonb))) with ordinality as u(t, n) group by t order by min(n)), updated_at = now()
         where id = ?`,
        [v.email, v.phone, v.industry, v.source, v.tier, v.notes, v.taxId, json(v.tags), target],
      );
      if (v.contact) {
        contacts.push(contactRow(target, v.contact, !withPrimary.has(target), now));
        withPrimary.add(target);
      }
      if (v.address && !withAddress.has(target)) {
        addresses.push(addressRow(target, v.address, now));
        withAddress.add(target);
      }
    }
    if (contacts.length) await em.insertMany(Contact, contacts);
    if (addresses.length) await em.insertMany(Address, addresses);
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
    tags: [...new Set([...p.tags, ...v.tags])],
    address: p.address ?? v.address,
  };
  if (v.contact) pending.extraContacts.push(v.contact);
}

const contactRow = (customerId: string, c: { name: string; email: string | null; phone: string | null }, isPrimary: boolean, now: Date) => ({
  id: randomUUID(),
  customerId,
  name: c.name,
  title: null,
  emails: c.email ? [c.email] : [],
  phones: c.phone ? [c.phone] : [],
  preferredChannel: null,
  isPrimary,
  createdAt: now,
  updatedAt: now,
  deletedAt: null,
});

const addressRow = (customerId: string, a: { street: string; city: string; country: string }, now: Date) => ({
  id: randomUUID(),
  customerId,
  kind: 'BILLING' as const,
  street: a.street,
  postalCode: null,
  city: a.city,
  region: null,
  country: a.country,
  createdAt: now,
  updatedAt: now,
  deletedAt: null,
});

/** An import job: its creator's, or any for directors and admins; NOT_FOUND otherwise. */
export async function getImportJob(em: SqlEntityManager, principal: Principal | null, id: string, field = 'id'): Promise<IImportJob> {
  readAccess(customerPolicy, principal, 'customers');
  const jobId = requireUuid(field, id);
  const job = await em.fork().findOne(ImportJob, { id: jobId });
  if (!job || (principal && principal.role !== 'ADMIN' && principal.role !== 'DIRECTOR' && job.createdBy !== principal.userId)) throw notFound('ImportJob', jobId, field);
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
export async function exportCustomers(em: SqlEntityManager, principal: Principal | null, filter: CustomerFilter | null | undefined): Promise<string> {
  const access = readAccess(customerPolicy, principal, 'customers');
  const where: string[] = ['c.deleted_at is null'];
  const params: unknown[] = [];
  const visible = principal && isScoped(access) ? visibleCustomersSql(principal) : null;
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
    params.push(requireOneOf('filter.lifecycleState', filter.lifecycleState, LIFECYCLE_STATES));
  }
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) {
    where.push('c.name ilike ?');
    params.push(`%${escapeLike(search)}%`);
  }
  if (filter?.tier) {
    where.push('c.tier = ?');
    params.push(requireOneOf('filter.tier', filter.tier, CUSTOMER_TIERS));
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
    where.push('exists (select 1 from customer_address ad where ad.customer_id = c.id and ad.deleted_at is null and lower(ad.city) = lower(?))');
    params.push(city);
  }
  const rows = await em.execute<ExportRow[]>(
    `select c.name, c.kind, c.lifecycle_state, c.email, c.phone, c.industry, c.source, c.tier, c.tags, c.notes, c.tax_id, c.owner_id,
            a.street, a.city, a.country, k.name as contact_name, k.emails[1] as contact_email, k.phones[1] as contact_phone
       from customer c
       left join lateral (select street, city, country from customer_address ad where ad.customer_id = c.id and ad.deleted_at is null
                          order by (ad.kind = 'BILLING') desc, ad.created_at, ad.id limit 1) a on true
       left join lateral (select name, emails, phones from contact ct where ct.customer_id = c.id and ct.deleted_at is null and ct.is_primary limit 1) k on true
      where ${where.join(' and ')}
      order by c.name, c.id`,
    params,
  );
  const lines = [csvLine(EXPORT_FIELDS.map(fieldLabel))];
  for (const r of rows) {
    lines.push(
      csvLine([
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
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

