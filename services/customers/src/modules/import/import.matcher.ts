import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '@rapport/bus';
import { notDeletedSql, restrictToVisibleCustomers, visibleCustomersSql, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { MAX_TAGS } from '../customer/customer.entity.js';
import { findLikelyDuplicates } from '../duplicate/duplicate.service.js';
import type { DuplicateHandling, ImportDuplicateRow } from './import-job.entity.js';
import type { Row, RowValues } from './import.parser.js';

// Matching: which rows create a customer, and which are duplicates (skipped or merged) of an
// existing customer or of an earlier row of the file.

/** Files up to this many rows also get the fuzzy (similar name) duplicate check, row by row. */
export const FUZZY_ROW_LIMIT = 500;
/** The lowest findLikelyDuplicates score the fuzzy check treats as the same customer. */
export const FUZZY_MIN_SCORE = 0.8;
/** A customer this import creates, until its batch is written. */
export interface Pending {
  id: string;
  line: number;
  values: RowValues;
  extraContacts: { name: string; email: string | null; phone: string | null }[];
}

/** A customer rows can be matched to: existing (in the database) or created by this import. */
export interface Target {
  id: string;
  /** Set while the customer waits in the current batch; null once written. */
  pending: Pending | null;
  /** The line of the file that creates it; null for a customer already in the database. */
  line: number | null;
}

/** What rows came to. */
export interface Counters {
  processed: number;
  created: number;
  merged: number;
  skipped: number;
  failed: number;
}

/** What an exact match on a key (`t:` tax id, `e:` email, `n:` name) is reported as. */
const KEY_REASONS: Record<string, ImportDuplicateRow['reason']> = { 't:': 'SAME_TAX_ID', 'e:': 'SAME_EMAIL', 'n:': 'SIMILAR_NAME' };

/** What a batch will do: its counts, the customers it creates, the rows it merges into existing ones. */
export interface BatchPlan {
  result: Counters;
  /** The rows matched to a customer (skipped or merged), with what matched. */
  duplicateRows: ImportDuplicateRow[];
  created: Pending[];
  createdTargets: Target[];
  merges: { target: string; values: RowValues }[];
}

/** Ids among `ids` the caller may see (all of them when unscoped). */
async function visibleIds(em: SqlEntityManager, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  const visible = visibleCustomersSql(viewer);
  if (!visible || ids.length === 0) return new Set(ids);
  const rows = await em.execute<{ customer_id: string }[]>(`select customer_id from (${visible.sql}) v where v.customer_id = any(?::uuid[])`, [...visible.params, pgArray(ids)]);
  return new Set(rows.map((r) => r.customer_id));
}

/**
 * Matches rows to customers, batch by batch, remembering the customers earlier rows of the file
 * create (for duplicates within the file) until their batch is written.
 */
export class BatchMatcher {
  private readonly seen = new Map<string, Target>();

  constructor(
    private readonly viewer: Viewer<WriteAccess>,
    private readonly duplicates: DuplicateHandling,
    /** Whether rows without an exact match get the fuzzy check too (small files only). */
    private readonly fuzzy: boolean,
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
    return batch.some((row) => BatchMatcher.keys(row.values).some((key) => this.seen.get(key)?.pending));
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
      const keys = BatchMatcher.keys(row.values);
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

  /** The batch's customers are written (or, on a dry run, counted): later rows merge into them in the database. */
  written(plan: BatchPlan): void {
    for (const target of plan.createdTargets) target.pending = null;
  }
}

/** Folds a row matched to a customer this import creates (not written yet) into it: empty fields filled, tags and contact added. */
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
