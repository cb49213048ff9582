import { DeadlockException, helper, LockMode, LockWaitTimeoutException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { AppError } from '@rapport/errors';

export interface TransitionOptions {
  /**
   * How long a transition waits for another one holding the aggregate's row before giving up
   * with CONFLICT. Null waits as long as it takes (event handlers: a consumer must not refuse an
   * event because a request held the row). Default 5000 ms.
   */
  lockTimeoutMs?: number | null;
}

const DEFAULT_LOCK_TIMEOUT_MS = 5000;

/** The CONFLICT a transition answers when it could not get the aggregate's row in time. */
export const concurrentTransition = (cause: unknown): AppError => {
  const error = new AppError('CONFLICT', 'CONCURRENT_TRANSITION', 'the record is being changed by another request; reload it and try again');
  (error as { cause?: unknown }).cause = cause;
  return error;
};

/**
 * Locks the row of an entity already loaded in `em` (`SELECT … FOR UPDATE`) and refreshes the
 * entity from it, so what follows decides on the committed state, not on what was read before
 * the lock. Must run inside a transaction; `transition` is the way to call it.
 */
export async function lockRow<T extends object>(em: SqlEntityManager, entity: T): Promise<T> {
  if (!em.isInTransaction()) throw new Error('lockRow must run inside a transaction: use transition()');
  const wrapped = helper(entity);
  const locked = await em.findOne(wrapped.__meta.class, wrapped.getPrimaryKey() as never, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    refresh: true,
    filters: false,
  });
  // Hard deletion is not a thing here (soft deletes only), but say so rather than act on nothing.
  if (!locked) throw new AppError('CONFLICT', 'CONCURRENT_TRANSITION', 'the record was removed by another request');
  return locked;
}

/**
 * The one way a state transition of an aggregate runs: in a transaction (the caller's, when `em`
 * is already in one — an event handler's inbox transaction, an idempotent request's — else a new
 * one), `load` finds the aggregate (with the caller's visibility rules), its row is locked
 * `FOR UPDATE` and re-read, `change` applies the state machine's rule to the fresh state (and
 * enqueues its event), and the flush writes the change, its audit entry and its event before the
 * lock is released.
 *
 * So N concurrent transitions of one aggregate run one after another: the first wins, the others
 * see the state it left and the state machine refuses them with its own CONFLICT (an order
 * cancelled twice: ORDER_NOT_CANCELLABLE); nothing is decided on a stale read, and only the winner
 * writes an audit entry and an event. A transition that waits longer than `lockTimeoutMs` for the
 * row, or loses a deadlock, is answered CONFLICT `CONCURRENT_TRANSITION`.
 *
 * A row lock rather than a version column: no schema change on every aggregate, the loser learns
 * why from the state machine itself, and event handlers wait instead of failing.
 */
export async function transition<T extends object, R>(
  em: SqlEntityManager,
  load: (em: SqlEntityManager) => Promise<T>,
  change: (aggregate: T, em: SqlEntityManager) => R | Promise<R>,
  options: TransitionOptions = {},
): Promise<R> {
  const timeout = options.lockTimeoutMs === undefined ? DEFAULT_LOCK_TIMEOUT_MS : options.lockTimeoutMs;
  const run = async (tx: SqlEntityManager): Promise<R> => {
    if (timeout !== null) await tx.execute(`set local lock_timeout = ${Math.max(1, Math.floor(timeout))}`);
    const aggregate = await lockRow(tx, await load(tx));
    const result = await change(aggregate, tx);
    await tx.flush();
    return result;
  };
  try {
    return em.isInTransaction() ? await run(em) : await em.transactional((tx) => run(tx));
  } catch (error) {
    if (error instanceof LockWaitTimeoutException || error instanceof DeadlockException) throw concurrentTransition(error);
    throw error;
  }
}

/**
 * Runs `work` in a transaction that waits at most 5 s for row locks (for work that locks rows by
 * SQL rather than through `transition`), answering CONFLICT `CONCURRENT_TRANSITION` after that or
 * on a deadlock, as `transition` does.
 */
export async function underRowLocks<R>(em: SqlEntityManager, work: (tx: SqlEntityManager) => Promise<R>): Promise<R> {
  try {
    return await em.transactional(async (tx) => {
      await tx.execute(`set local lock_timeout = ${DEFAULT_LOCK_TIMEOUT_MS}`);
      return work(tx);
    });
  } catch (error) {
    if (error instanceof LockWaitTimeoutException || error instanceof DeadlockException) throw concurrentTransition(error);
    throw error;
  }
}
