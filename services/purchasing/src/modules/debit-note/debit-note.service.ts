import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { SupplierDebitNoteCreatedV1, SupplierDebitNoteSettledV1, type EventMetadata } from '@rapport/contracts';
import { badInput, formatAmount, formatQuantity, notFound, parseMoneyInput, quantityUnits, requireIsoDate, requireUuid, type Money } from '@rapport/errors';
import { transition, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { allocateToBills, type AllocationInput } from '../bill/payment.service.js';
import type { IPurchaseOrder } from '../order/order.entity.js';
import { amountUnits, documentTotals, lineNet } from '../order/order-totals.js';
import { nextNumber } from '../order/order.service.js';
import { today } from '../price/price.service.js';
import { debitNoteNumber, SupplierDebitNote, SupplierDebitNoteLine, SupplierDebitNoteSettlement, type ISupplierDebitNote } from './debit-note.entity.js';

/** What is left to credit of one billed line: its quantity less what debit notes credited of it, in thousandths. */
export interface BilledPortion {
  billLineId: string;
  billId: string;
  units: bigint;
}

/**
 * Takes `units` off `portions` (newest bill first: the goods returned are taken to be the last
 * billed), each at most what is left of it; the units no portion holds stay uncredited.
 */
export function creditNewestFirst<P extends BilledPortion>(portions: readonly P[], units: bigint): { portion: P; units: bigint }[] {
  const taken: { portion: P; units: bigint }[] = [];
  let left = units;
  for (const portion of portions) {
    if (left <= 0n) break;
    const take = portion.units < left ? portion.units : left;
    if (take > 0n) taken.push({ portion, units: take });
    left -= take;
  }
  return taken;
}

interface BilledLine extends BilledPortion {
  purchaseOrderLineId: string;
  productId: string;
  description: string;
  unitPrice: string;
  taxRate: string;
}

/**
 * Makes the debit note of a supplier return for the quantities of it that had already been billed
 * (`billedBack`, per order line, in thousandths): each at the price and tax rate of the bill lines it
 * credits, newest bill first; announced as `purchasing.debit-note.created.v1`. Runs in the return's
 * inbox transaction under the order's row lock. Nothing when no billed quantity is left to credit.
 */
export async function debitReturnedAfterBilling(
  tx: SqlEntityManager,
  po: IPurchaseOrder,
  supplierReturn: { id: string; number: string },
  billedBack: ReadonlyMap<string, bigint>,
  meta: EventMetadata,
): Promise<ISupplierDebitNote | null> {
  if (!billedBack.size) return null;
  const rows = await tx.execute<
    { id: string; bill_id: string; purchase_order_line_id: string; product_id: string; description: string; open: string; unit_price: string; tax_rate: string }[]
  >(
    `select l.id, l.bill_id, l.purchase_order_line_id, l.product_id, l.description, l.unit_price, l.tax_rate,
            l.quantity - coalesce((select sum(d.quantity) from supplier_debit_note_line d where d.bill_line_id = l.id), 0) as open
       from supplier_bill_line l join supplier_bill b on b.id = l.bill_id
      where l.purchase_order_line_id in (?)
      order by b.created_at desc, b.number desc, l.position desc`,
    [[...billedBack.keys()]],
  );
  const billed: BilledLine[] = rows.map((r) => ({
    billLineId: r.id,
    billId: r.bill_id,
    purchaseOrderLineId: r.purchase_order_line_id,
    productId: r.product_id,
    description: r.description,
    units: quantityUnits(r.open),
    unitPrice: r.unit_price,
    taxRate: r.tax_rate,
  }));
  const taken = [...billedBack].flatMap(([lineId, units]) =>
    creditNewestFirst(
      billed.filter((b) => b.purchaseOrderLineId === lineId),
      units,
    ),
  );
  if (!taken.length) return null;
  const note = tx.create(SupplierDebitNote, {
    id: randomUUID(),
    number: debitNoteNumber(await nextNumber(tx, 'supplier_debit_note')),
    supplierId: po.supplierId,
    purchaseOrderId: po.id,
    supplierReturnId: supplierReturn.id,
    supplierReturnNumber: supplierReturn.number,
    currency: po.currency,
    netTotal: '0',
    taxTotal: '0',
    grossTotal: '0',
    settledTotal: '0',
    createdAt: new Date(),
  });
  const lines = taken.map(({ portion, units }, i) =>
    tx.create(SupplierDebitNoteLine, {
      id: randomUUID(),
      debitNoteId: note.id,
      position: i,
      purchaseOrderLineId: portion.purchaseOrderLineId,
      billLineId: portion.billLineId,
      productId: portion.productId,
      description: portion.description,
      quantity: formatQuantity(units),
      unitPrice: portion.unitPrice,
      taxRate: portion.taxRate,
      netAmount: lineNet('quantity', formatQuantity(units), portion.unitPrice),
    }),
  );
  const totals = documentTotals(lines, note.currency);
  Object.assign(note, { netTotal: totals.net, taxTotal: totals.tax, grossTotal: totals.gross });
  const money = (amount: string) => ({ amount: formatAmount(amountUnits(amount)), currency: note.currency });
  publish(
    tx,
    SupplierDebitNoteCreatedV1,
    note.id,
    {
      debitNoteId: note.id,
      number: note.number,
      supplierId: note.supplierId,
      purchaseOrderId: po.id,
      supplierReturnId: supplierReturn.id,
      lines: taken.map(({ portion, units }) => ({
        purchaseOrderLineId: portion.purchaseOrderLineId,
        billId: portion.billId,
        productId: portion.productId,
        quantity: formatQuantity(units),
        unitPrice: money(portion.unitPrice),
        taxRate: portion.taxRate,
      })),
      netTotal: money(totals.net),
      taxTotal: money(totals.tax),
      grossTotal: money(totals.gross),
      createdAt: note.createdAt.toISOString(),
    },
    meta,
  );
  return note;
}

/** What is still open of a debit note (gross less settled), in four-place units. */
export const debitNoteOpen = (note: Pick<ISupplierDebitNote, 'grossTotal' | 'settledTotal'>): bigint => amountUnits(note.grossTotal) - amountUnits(note.settledTotal);

export async function getDebitNote(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ISupplierDebitNote> {
  const note = await em.findOne(SupplierDebitNote, { id: requireUuid(field, id) });
  if (!note) throw notFound('SupplierDebitNote', id, field);
  return note;
}

/** A supplier's debit notes (or all), newest first (at most 500). */
export async function listDebitNotes(em: SqlEntityManager, viewer: Viewer, supplierId: string | null | undefined): Promise<ISupplierDebitNote[]> {
  const where = supplierId ? { supplierId: requireUuid('supplierId', supplierId) } : {};
  return em.find(SupplierDebitNote, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
}

export interface SettleDebitNoteInput {
  /** Amounts applied to the supplier's open bills. */
  allocations?: readonly AllocationInput[] | null;
  /** An amount the supplier paid back. */
  refund?: Money | null;
  /** The day (today when omitted). */
  settledOn?: string | null;
}

/**
 * Settles (part of) a debit note under its row lock: applied to the supplier's registered bills in
 * its currency (as a payment's advance is: each at most what is owed on the bill, PAYING_MORE_THAN_OWED)
 * and/or refunded by the supplier; all together at most what is open of the note
 * (ALLOCATED_MORE_THAN_PAID naming `input`). Announces `purchasing.debit-note.settled.v1`.
 */
export async function settleDebitNote(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  input: SettleDebitNoteInput,
  meta: EventMetadata,
): Promise<ISupplierDebitNote> {
  const settledOn = input.settledOn ? requireIsoDate('input.settledOn', input.settledOn) : today();
  return transition(
    em,
    (tx) => getDebitNote(tx, viewer, id),
    async (note, tx) => {
      let refund = 0n;
      if (input.refund) {
        const money = parseMoneyInput('input.refund', input.refund);
        if (money.currency !== note.currency) throw badInput('input.refund.currency', `input.refund.currency must be the note's currency ${note.currency}`, 'CURRENCY_MISMATCH');
        refund = amountUnits(money.amount);
        if (refund <= 0n) throw badInput('input.refund.amount', 'input.refund.amount must be positive', 'INVALID_AMOUNT');
      }
      const open = debitNoteOpen(note);
      if (refund > open) throw badInput('input.refund.amount', `input.refund.amount is more than the ${formatAmount(open)} open on ${note.number}`, 'ALLOCATED_MORE_THAN_PAID');
      const settlement = (billId: string | null, units: bigint) =>
        tx.create(SupplierDebitNoteSettlement, {
          id: randomUUID(),
          debitNoteId: note.id,
          billId,
          amount: formatAmount(units),
          settledOn,
          createdBy: viewer.principal.userId,
          createdAt: new Date(),
        });
      const allocations = await allocateToBills(tx, note.supplierId, note.currency, input.allocations ?? [], open - refund, 'input.allocations', (billId, units) =>
        settlement(billId, units),
      );
      const settled: { billId: string | null; units: bigint }[] = allocations.map((a) => ({ billId: a.billId, units: a.units }));
      if (refund > 0n) {
        settlement(null, refund);
        settled.push({ billId: null, units: refund });
      }
      if (!settled.length) throw badInput('input', 'input must apply an amount to a bill or record a refund', 'NOTHING_TO_SETTLE');
      note.settledTotal = formatAmount(amountUnits(note.settledTotal) + settled.reduce((sum, s) => sum + s.units, 0n));
      publish(
        tx,
        SupplierDebitNoteSettledV1,
        note.id,
        {
          debitNoteId: note.id,
          supplierId: note.supplierId,
          settlements: settled.map((s) => ({ billId: s.billId, amount: { amount: formatAmount(s.units), currency: note.currency } })),
          settledOn,
          settledAt: new Date().toISOString(),
        },
        meta,
      );
      return note;
    },
  );
}
