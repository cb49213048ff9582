import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { AppError } from '@rapport/errors';
import { transition } from './transition.js';

/**
 * Soft deletion, the one way: a record is deleted by setting `deletedAt` (column `deleted_at`),
 * restored by clearing it, each as a `transition` (row lock, then the state check), and refused
 * with one vocabulary: CONFLICT `<ENTITY>_ALREADY_DELETED` when deleting a deleted record,
 * CONFLICT `<ENTITY>_NOT_DELETED` when restoring a live one, both naming the id argument.
 */

/**
 * Which records a query keeps by their deletion, the one meaning of every "deleted" flag:
 * `exclude` the live ones only (every list, lookup and reference), `only` the deleted ones,
 * `include` both (deleting and restoring, which must tell CONFLICT from NOT_FOUND).
 */
export type Deleted = 'exclude' | 'only' | 'include';

/**
 * The predicate keeping `alias`'s live rows, for hand-written SQL (`from customer c where
 * ${notDeletedSql('c')}`; an unaliased table is its own alias): the one place the SQL is spelt, so
 * services never write `deleted_at is null` themselves.
 */
export const notDeletedSql = (alias: string): string => `${alias}.deleted_at is null`;

/** The predicate `deleted` puts on `alias`'s `deleted_at`, as SQL; null for `include`. */
export function deletedPredicate(alias: string, deleted: Deleted): string | null {
  if (deleted === 'include') return null;
  return deleted === 'only' ? `${alias}.deleted_at is not null` : notDeletedSql(alias);
}

/** Narrows a query builder to the records `deleted` keeps (see `Deleted`); returns it. */
export function whereDeleted<QB extends { andWhere(cond: string): unknown }>(qb: QB, alias: string, deleted: Deleted): QB {
  const predicate = deletedPredicate(alias, deleted);
  if (predicate) qb.andWhere(predicate);
  return qb;
}

/** A record deleted softly. */
export interface SoftDeletable {
  id: string;
  deletedAt?: Date | null;
}

const codeOf = (entity: string): string => entity.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** CONFLICT `<ENTITY>_ALREADY_DELETED`: `entity` (`Ticket`, `SalesOrder`) is deleted already. */
export const alreadyDeleted = (entity: string, id: string, field = 'id', word = 'deleted'): AppError =>
  new AppError('CONFLICT', `${codeOf(entity)}_ALREADY_DELETED`, `${entity} ${id} is already ${word}`, { field });

/** CONFLICT `<ENTITY>_NOT_DELETED`: `entity` is live, there is nothing to restore. */
export const notDeleted = (entity: string, id: string, field = 'id', word = 'deleted'): AppError =>
  new AppError('CONFLICT', `${codeOf(entity)}_NOT_DELETED`, `${entity} ${id} is not ${word}`, { field });

export interface SoftDeletion<T extends SoftDeletable> {
  /** The record's type as errors name it: `Ticket` → `TICKET_ALREADY_DELETED`. */
  entity: string;
  /** The argument naming the record (default `id`). */
  field?: string;
  /** The module's word in messages, where it has one (`removed` for contacts, `archived` for articles); default `deleted`. */
  word?: string;
  /** Finds the record deleted or not (`Deleted` `include`), as the caller may see it; NOT_FOUND otherwise. */
  load: (em: SqlEntityManager) => Promise<T>;
  /** What else must hold, checked on the locked record after its state (FORBIDDEN, the customer still writable). */
  check?: (record: T, em: SqlEntityManager) => void | Promise<void>;
  /** Changes that go with it and the event announcing it, enqueued in the same flush; `at` is the deletion's or restoration's time. */
  announce: (record: T, em: SqlEntityManager, at: Date) => void;
}

/** Deletes a record softly: CONFLICT `<ENTITY>_ALREADY_DELETED` when it is deleted already; else `check`, `deletedAt` set, `announce`, one flush. */
export function softDelete<T extends SoftDeletable>(em: SqlEntityManager, spec: SoftDeletion<T>): Promise<T> {
  return transition(em, spec.load, async (record, tx) => {
    if (record.deletedAt) throw alreadyDeleted(spec.entity, record.id, spec.field, spec.word);
    await spec.check?.(record, tx);
    const at = new Date();
    record.deletedAt = at;
    spec.announce(record, tx, at);
    return record;
  });
}

/** Restores a softly deleted record: CONFLICT `<ENTITY>_NOT_DELETED` when it is live; else `check`, `deletedAt` cleared, `announce`, one flush. */
export function restoreDeleted<T extends SoftDeletable>(em: SqlEntityManager, spec: SoftDeletion<T>): Promise<T> {
  return transition(em, spec.load, async (record, tx) => {
    if (!record.deletedAt) throw notDeleted(spec.entity, record.id, spec.field, spec.word);
    await spec.check?.(record, tx);
    record.deletedAt = null;
    spec.announce(record, tx, new Date());
    return record;
  });
}
