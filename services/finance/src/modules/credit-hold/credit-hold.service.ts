import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { publish } from '@rapport/bus';
import { CreditHoldChangedV1, type EventMetadata } from '@rapport/contracts';
import { conflict, isUuid, requireText, requireUuid } from '@rapport/errors';
import { assertCustomerVisible, restrictToVisibleCustomers, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { inTransaction } from '../invoice/documents.js';
import { balanceUnits, type IInvoice } from '../invoice/invoice.entity.js';
import { CreditHold, type ICreditHold } from './credit-hold.entity.js';

const announce = (tx: SqlEntityManager, hold: ICreditHold, meta: EventMetadata): void =>
  publish(tx, CreditHoldChangedV1, hold.customerId, { customerId: hold.customerId, onHold: hold.onHold, reason: hold.reason ?? null, changedAt: new Date().toISOString() }, meta);

/**
 * Puts a customer on credit hold because a reminder at the last dunning level (`level`) went out
 * for one of their invoices (`reason` names it), inside the run's transaction, announced with
 * `finance.credit-hold.changed.v1`. A customer on hold already stays on it as it was (no event).
 */
export async function placeCreditHold(tx: SqlEntityManager, customerId: string, level: number, reason: string, meta: EventMetadata): Promise<void> {
  const current = await tx.findOne(CreditHold, { customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (current?.onHold) return;
  const since = new Date();
  const hold = current
    ? Object.assign(current, { onHold: true, reason, level, since, releasedAt: null, releasedBy: null, releaseComment: null })
    : tx.create(CreditHold, { customerId, onHold: true, reason, level, since });
  announce(tx, hold, meta);
}

/**
 * Takes a customer off credit hold once no invoice that reached the hold's dunning level is still
 * open (paid or credited): called in the transaction that settled one of their invoices. Flushes
 * first, so the invoices settled in this transaction count as settled.
 */
export async function reviewCreditHold(tx: SqlEntityManager, customerId: string, meta: EventMetadata): Promise<void> {
  const hold = await tx.findOne(CreditHold, { customerId, onHold: true }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!hold) return;
  await tx.flush();
  const [open] = await tx.execute<{ open: boolean }[]>(
    `select exists (select 1 from invoice i where i.customer_id = ? and i.total - i.amount_paid - i.amount_credited > 0
        and exists (select 1 from reminder r where r.invoice_id = i.id and r.level >= ?)) as open`,
    [customerId, hold.level ?? 1],
  );
  if (open?.open) return;
  Object.assign(hold, {
    onHold: false,
    reason: null,
    since: null,
    releasedAt: new Date(),
    releasedBy: null,
    releaseComment: 'every invoice that reached the last reminder level is settled',
  });
  announce(tx, hold, meta);
}

/** After payments or credit notes were applied to `invoices` (in the same transaction): reviews the hold of each customer one of them settled. */
export async function reviewCreditHoldsAfterSettling(tx: SqlEntityManager, invoices: Iterable<IInvoice>, meta: EventMetadata): Promise<void> {
  const customers = new Set<string>();
  for (const invoice of invoices) if (balanceUnits(invoice) === 0n) customers.add(invoice.customerId);
  for (const customerId of customers) await reviewCreditHold(tx, customerId, meta);
}

/**
 * An accountant releases a customer from credit hold with a comment (kept on the hold), announced
 * with `finance.credit-hold.changed.v1`; CONFLICT NOT_ON_HOLD when the customer is not on hold. The
 * hold comes back only when another reminder at the last level goes out.
 */
export async function releaseCreditHold(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { customerId: string; comment: string },
  meta: EventMetadata,
): Promise<ICreditHold> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const comment = requireText('input.comment', input.comment, 1000);
  return inTransaction(em, async (tx) => {
    await assertCustomerVisible(tx, viewer, customerId, 'input.customerId');
    const hold = await tx.findOne(CreditHold, { customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!hold?.onHold) throw conflict('NOT_ON_HOLD', 'the customer is not on credit hold', 'input.customerId');
    const releasedBy = isUuid(viewer.principal.userId) ? viewer.principal.userId : null;
    Object.assign(hold, { onHold: false, reason: null, since: null, releasedAt: new Date(), releasedBy, releaseComment: comment });
    announce(tx, hold, meta);
    await tx.flush();
    return hold;
  });
}

/**
 * When two customers are merged, a hold on the merged customer moves to the survivor (with its
 * reason, level and since: the invoices that caused it move there too) unless the survivor is on
 * hold already, and the merged customer's hold row goes. Both changes are announced, so read copies
 * of the merged customer do not keep a hold on a customer that no longer exists.
 */
export async function moveCreditHoldOnMerge(tx: SqlEntityManager, mergedId: string, survivorId: string, meta: EventMetadata): Promise<void> {
  // Both rows locked in one order, so two merges into each other's customers cannot deadlock.
  const rows = await tx.find(CreditHold, { customerId: { $in: [mergedId, survivorId] } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { customerId: 'asc' } });
  const merged = rows.find((r) => r.customerId === mergedId);
  if (!merged) return;
  const survivor = rows.find((r) => r.customerId === survivorId);
  if (merged.onHold) {
    if (!survivor?.onHold) {
      const moved = { onHold: true, reason: merged.reason, level: merged.level, since: merged.since, releasedAt: null, releasedBy: null, releaseComment: null };
      announce(tx, survivor ? Object.assign(survivor, moved) : tx.create(CreditHold, { customerId: survivorId, ...moved }), meta);
    }
    announce(tx, Object.assign(merged, { onHold: false, reason: null }), meta);
  }
  tx.remove(merged);
  await tx.flush();
}

/** The credit holds of the customers given, for those the viewer may see. */
export async function creditHoldsOf(em: SqlEntityManager, viewer: Viewer, customerIds: readonly string[]): Promise<ICreditHold[]> {
  const qb = em
    .createQueryBuilder(CreditHold, 'h')
    .select('*')
    .where({ customerId: { $in: [...customerIds] } });
  restrictToVisibleCustomers(qb, 'h', viewer);
  return qb.getResultList();
}
