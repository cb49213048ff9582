import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { seesEverything } from '@rapport/auth';
import type { EventMetadata } from '@rapport/contracts';
import { notFound, requireUuid } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { ImportJob, type IImportJob, type ImportDuplicateRow, type ImportRowError, type ImportStatus } from './import-job.entity.js';
import { BatchMatcher, FUZZY_ROW_LIMIT, type BatchPlan, type Counters } from './import.matcher.js';
import { parseImportFile, type ImportCustomersInput, type Row } from './import.parser.js';
import { BatchWriter } from './import.writer.js';

// The import as a job: parse the file, then match and write it batch by batch in transactions as
// the mode says, the job's progress saved as batches complete.

/** Rows per batch: one lookup of duplicates, one statement per table and one progress update each. */
export const BATCH_SIZE = 1000;
const MAX_STORED_ERRORS = 10000;

/** Called after each batch, with the job as it now stands (the CLI prints it). */
export type ImportProgress = (job: { processed: number; total: number; created: number; merged: number; skipped: number; failed: number }) => void;

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
  const { total, rows, errors } = await parseImportFile(input, viewer);

  const jobId = randomUUID();
  await em
    .getConnection()
    .execute(
      `insert into import_job (id, created_by, status, dry_run, mode, duplicates, total) values (?, ?, 'RUNNING', ?, ?, ?, ?)`,
      [jobId, viewer.principal.userId, input.dryRun, mode, duplicates, total],
      'run',
    );
  const counters: Counters = { processed: 0, created: 0, merged: 0, skipped: 0, failed: errors.length };
  const rolledBack = mode === 'ALL_OR_NOTHING' && errors.length > 0;
  const write = !input.dryRun && !rolledBack;
  const matcher = new BatchMatcher(viewer, duplicates, total <= FUZZY_ROW_LIMIT);
  const writer = new BatchWriter({ jobId, scope: { actorId: viewer.principal.userId, requestId: meta.requestId ?? null }, meta });
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
      onProgress?.({ ...snapshot, total: total });
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
          const plan = await matcher.classify(tem, batch);
          if (write) await writer.write(tem, plan);
          matcher.written(plan);
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
        matcher.forget(batch);
        counters.processed += batch.length;
        counters.failed += batch.length;
        const reason = `the batch could not be written: ${reasonOf(error)}`;
        pendingErrors.push(...batch.map((row) => ({ line: row.line, field: null, reason })));
      };
      let previous: Promise<void> = Promise.resolve();
      let previousTargets = new Set<string>();
      try {
        for (const batch of batches) {
          if (matcher.waitsFor(batch)) await previous;
          let plan: BatchPlan;
          try {
            plan = await matcher.classify(em, batch);
          } catch (error) {
            failed(batch, error);
            continue;
          }
          const before = previous;
          const overlaps = plan.merges.some((m) => previousTargets.has(m.target));
          previousTargets = new Set(plan.merges.map((m) => m.target));
          const current = (async () => {
            try {
              await em.fork().transactional((tem) => writer.write(tem, plan, overlaps ? () => before : undefined));
              matcher.written(plan);
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
    counters.processed = total;
    pendingErrors.push({ line: 0, field: null, reason: `the import was rolled back: ${reasonOf(error)}` });
    status = 'FAILED';
  }
  await report(status);
  return getImportJob(em, viewer, jobId);
}

/** An import job: its creator's, or any for directors and admins; NOT_FOUND otherwise. */
export async function getImportJob(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IImportJob> {
  const jobId = requireUuid(field, id);
  const job = await em.fork().findOne(ImportJob, { id: jobId });
  if (!job || (!seesEverything(viewer.principal) && job.createdBy !== viewer.principal.userId)) throw notFound('ImportJob', jobId, field);
  return job;
}
