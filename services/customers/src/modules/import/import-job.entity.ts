import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { timestamp } from '@rapport/subgraph-kit/properties';

export const IMPORT_STATUSES = ['RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'ROLLED_BACK', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_MODES = ['ALL_OR_NOTHING', 'PER_ROW'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const DUPLICATE_HANDLING = ['SKIP', 'MERGE', 'CREATE'] as const;
export type DuplicateHandling = (typeof DUPLICATE_HANDLING)[number];

/** A rejected CSV row: its line in the file, the import field at fault (when one is), and why. */
export interface ImportRowError {
  line: number;
  field: string | null;
  reason: string;
}

/** A row the import matched to a customer (existing, or created by an earlier row of the file), and what it did. */
export interface ImportDuplicateRow {
  line: number;
  /** The matched customer; null when it was never written (dry run, rolled back). */
  customerId: string | null;
  /** The earlier line of the file that created the matched customer; null for a customer already there. */
  matchesLine: number | null;
  reason: 'SIMILAR_NAME' | 'SAME_EMAIL' | 'SAME_PHONE' | 'SAME_TAX_ID';
  handling: 'SKIP' | 'MERGE';
}

/**
 * One CSV import of customers: its options and its progress, written in short transactions of its
 * own as batches complete, so it can be read while the import runs.
 */
export const ImportJob = defineEntity({
  name: 'ImportJob',
  tableName: 'import_job',
  properties: {
    id: p.uuid().primary(),
    createdBy: p.uuid(),
    status: p.enum([...IMPORT_STATUSES]),
    dryRun: p.boolean(),
    mode: p.enum([...IMPORT_MODES]),
    duplicates: p.enum([...DUPLICATE_HANDLING]),
    total: p.integer().default(0),
    processed: p.integer().default(0),
    created: p.integer().default(0),
    merged: p.integer().default(0),
    skipped: p.integer().default(0),
    failed: p.integer().default(0),
    errors: p.json<ImportRowError[]>().defaultRaw(`'[]'::jsonb`),
    duplicateRows: p.json<ImportDuplicateRow[]>().defaultRaw(`'[]'::jsonb`),
    startedAt: timestamp().defaultRaw('now()'),
    finishedAt: timestamp().nullable(),
  },
});
export type IImportJob = InferEntity<typeof ImportJob>;
