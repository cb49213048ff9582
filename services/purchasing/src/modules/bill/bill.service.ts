import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { SupplierBillRegisteredV1, type EventMetadata } from '@rapport/contracts';
import {
  addDays,
  AppError,
  badInput,
  conflict,
  formatAmount,
  formatQuantity,
  type Money,
  notFound,
  parseMoneyInput,
  parseQuantity,
  quantityUnits,
  requireIsoDate,
  requireText,
  requireUuid,
} from '@rapport/errors';
import { transition, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { approverLevel } from '../approval/approval.js';
import { PurchaseOrder, PurchaseOrderLine } from '../order/order.entity.js';
import { nextNumber } from '../order/order.service.js';
import { amountUnits, documentTotals, lineNet, parseTaxRate } from '../order/order-totals.js';
import { getSupplier } from '../supplier/supplier.service.js';
import { billNumber, SupplierBill, SupplierBillLine, type ISupplierBill, type ISupplierBillLine, type ShownBillStatus } from './bill.entity.js';

/**
 * How far a billed unit price may differ from the ordered one before the bill is held: 2 % (Odoo's
 * and ERPNext's default over-billing allowance is a percentage of the ordered amount).
 */
export const PRICE_TOLERANCE_PERCENT = 2n;

export interface SupplierBillLineInput {
  purchaseOrderLineId: string;
  quantity: string;
  unitPrice: Money;
  taxRate?: string | null;
}

export interface RegisterSupplierBillInput {
  purchaseOrderId: string;
  supplierReference: string;
  billDate: string;
  lines: SupplierBillLineInput[];
}

const money = (amount: string, currency: string) => ({ amount: formatAmount(amountUnits(amount)), currency });

export async function getSupplierBill(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ISupplierBill> {
  const bill = await em.findOne(SupplierBill, { id: requireUuid(field, id) });
  if (!bill) throw notFound('SupplierBill', id, field);
  return bill;
}

/** What the bill shows: HELD, else OPEN, PARTLY_PAID or PAID by what was allocated to it. */
export function shownBillStatus(bill: ISupplierBill): ShownBillStatus {
  if (bill.status === 'HELD') return 'HELD';
  const paid = amountUnits(bill.paidTotal);
  if (paid === 0n) return amountUnits(bill.grossTotal) === 0n ? 'PAID' : 'OPEN';
  return paid >= amountUnits(bill.grossTotal) ? 'PAID' : 'PARTLY_PAID';
}

/** The issues the match found on a bill line (PRICE_DIFFERENCE, QUANTITY_ABOVE_ORDERED); empty when it matched. */
export const lineIssues = (line: Pick<ISupplierBillLine, 'issues'>): string[] => (line.issues ? line.issues.split(',') : []);

/** What is still owed on a bill, in four-place units. */
export const openAmount = (bill: Pick<ISupplierBill, 'grossTotal' | 'paidTotal'>): bigint => amountUnits(bill.grossTotal) - amountUnits(bill.paidTotal);

export function announceRegistration(em: SqlEntityManager, bill: ISupplierBill, meta: EventMetadata): void {
  publish(
    em,
    SupplierBillRegisteredV1,
    bill.id,
    {
      billId: bill.id,
      number: bill.number,
      supplierId: bill.supplierId,
      purchaseOrderId: bill.purchaseOrderId ?? null,
      currency: bill.currency,
      netTotal: money(bill.netTotal, bill.currency),
      taxTotal: money(bill.taxTotal, bill.currency),
      grossTotal: money(bill.grossTotal, bill.currency),
      billDate: bill.billDate,
      dueDate: bill.dueDate,
      registeredAt: bill.registeredAt!.toISOString(),
    },
    meta,
  );
}

/**
 * Registers a supplier's bill against an approved purchase order, matching each line three ways
 * under the order's row lock: billing more than was received (with what earlier bills billed) is
 * refused naming `input.lines.<i>.quantity` (BILLED_MORE_THAN_RECEIVED); billing more than was
 * ordered (received within inventory's tolerance) or at a unit price beyond the tolerance of the
 * ordered one flags the line (both when both), and the bill is HELD for approval. A matching bill is REGISTERED and
 * announced (`purchasing.bill.registered.v1`). Due date: bill date + the supplier's payment terms.
 * Billed quantities count on the order lines from registration, held or not (so nothing is billed twice).
 */
export async function registerSupplierBill(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: RegisterSupplierBillInput, meta: EventMetadata): Promise<ISupplierBill> {
  const reference = requireText('input.supplierReference', input.supplierReference, 100);
  const billDate = requireIsoDate('input.billDate', input.billDate);
  if (!input.lines.length || input.lines.length > 200) throw badInput('input.lines', 'input.lines must hold 1 to 200 lines', 'INVALID_LINE_COUNT');
  return transition(
    em,
    async (tx) => {
      const po = await tx.findOne(PurchaseOrder, { id: requireUuid('input.purchaseOrderId', input.purchaseOrderId) });
      if (!po) throw notFound('PurchaseOrder', input.purchaseOrderId, 'input.purchaseOrderId');
      return po;
    },
    async (po, tx) => {
      if (po.status === 'DRAFT' || po.status === 'AWAITING_APPROVAL') {
        throw badInput('input.purchaseOrderId', `input.purchaseOrderId: purchase order ${po.number} is not approved`, 'PURCHASE_ORDER_NOT_APPROVED');
      }
      const supplier = await getSupplier(tx, viewer, po.supplierId, 'input.purchaseOrderId');
      const [duplicate] = await tx.execute<{ number: string }[]>('select number from supplier_bill where supplier_id = ? and lower(supplier_reference) = lower(?)', [
        supplier.id,
        reference,
      ]);
      if (duplicate)
        throw badInput('input.supplierReference', `input.supplierReference: the supplier's bill ${reference} is registered already (${duplicate.number})`, 'DUPLICATE_BILL');
      const poLines = new Map((await tx.find(PurchaseOrderLine, { purchaseOrderId: po.id })).map((l) => [l.id, l]));
      const billed = new Map<string, bigint>();
      const bill = tx.create(SupplierBill, {
        id: randomUUID(),
        number: billNumber(await nextNumber(tx, 'supplier_bill')),
        supplierReference: reference,
        supplierId: supplier.id,
        purchaseOrderId: po.id,
        currency: po.currency,
        billDate,
        dueDate: addDays(billDate, supplier.paymentTermsDays),
        netTotal: '0',
        taxTotal: '0',
        grossTotal: '0',
        paidTotal: '0',
        status: 'REGISTERED',
        holdReasons: null,
        createdBy: viewer.principal.userId,
        releasedBy: null,
        registeredAt: null,
      });
      const lines: ISupplierBillLine[] = input.lines.map((lineInput, i) => {
        const field = `input.lines.${i}`;
        const poLine = poLines.get(requireUuid(`${field}.purchaseOrderLineId`, lineInput.purchaseOrderLineId));
        if (!poLine) throw badInput(`${field}.purchaseOrderLineId`, `${field}.purchaseOrderLineId is not a line of purchase order ${po.number}`, 'NOT_A_LINE_OF_THE_ORDER');
        const units = parseQuantity(`${field}.quantity`, lineInput.quantity);
        const price = parseMoneyInput(`${field}.unitPrice`, lineInput.unitPrice);
        if (price.currency !== po.currency)
          throw badInput(`${field}.unitPrice.currency`, `${field}.unitPrice.currency must be the order's currency ${po.currency}`, 'CURRENCY_MISMATCH');
        const billedBefore = quantityUnits(poLine.billedQuantity) + (billed.get(poLine.id) ?? 0n);
        const received = quantityUnits(poLine.receivedQuantity);
        if (billedBefore + units > received) {
          throw badInput(
            `${field}.quantity`,
            `${field}.quantity: ${formatQuantity(units)} would bill ${formatQuantity(billedBefore + units)} of which only ${formatQuantity(received)} were received`,
            'BILLED_MORE_THAN_RECEIVED',
          );
        }
        billed.set(poLine.id, (billed.get(poLine.id) ?? 0n) + units);
        const ordered = amountUnits(poLine.unitPrice);
        const difference = amountUnits(price.amount) - ordered;
        const beyondTolerance = (difference < 0n ? -difference : difference) * 100n > ordered * PRICE_TOLERANCE_PERCENT;
        const aboveOrdered = billedBefore + units > quantityUnits(poLine.quantity) - quantityUnits(poLine.cancelledQuantity);
        return tx.create(SupplierBillLine, {
          id: randomUUID(),
          billId: bill.id,
          position: i,
          purchaseOrderLineId: poLine.id,
          productId: poLine.productId,
          description: poLine.description,
          quantity: formatQuantity(units),
          unitPrice: price.amount,
          orderedPrice: formatAmount(ordered),
          taxRate: lineInput.taxRate ? parseTaxRate(`${field}.taxRate`, lineInput.taxRate) : poLine.taxRate,
          netAmount: lineNet(field, formatQuantity(units), price.amount),
          currency: po.currency,
          issues: [...(beyondTolerance ? ['PRICE_DIFFERENCE'] : []), ...(aboveOrdered ? ['QUANTITY_ABOVE_ORDERED'] : [])].join(',') || null,
        });
      });
      for (const [lineId, units] of billed) {
        const poLine = poLines.get(lineId)!;
        poLine.billedQuantity = formatQuantity(quantityUnits(poLine.billedQuantity) + units);
      }
      const totals = documentTotals(lines, bill.currency);
      bill.netTotal = totals.net;
      bill.taxTotal = totals.tax;
      bill.grossTotal = totals.gross;
      const issues = [...new Set(lines.flatMap((l) => lineIssues(l)))];
      if (issues.length) {
        bill.status = 'HELD';
        bill.holdReasons = issues.join(',');
      } else {
        bill.registeredAt = new Date();
        announceRegistration(tx, bill, meta);
      }
      return bill;
    },
  );
}

/**
 * Releases a held bill after review: by someone other than who registered it (SELF_APPROVAL naming
 * `id`), who is an accountant, a director or admin, or holds the purchasing head's level (FORBIDDEN
 * otherwise). It becomes REGISTERED and is announced. Concurrent releases: one wins, the rest CONFLICT.
 */
export async function releaseSupplierBill(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ISupplierBill> {
  return transition(
    em,
    (tx) => getSupplierBill(tx, viewer, id),
    async (bill, tx) => {
      if (bill.status !== 'HELD') throw conflict('BILL_NOT_HELD', `bill ${bill.number} is not held`, 'id');
      if (bill.createdBy === viewer.principal.userId) throw badInput('id', `id: nobody releases a bill they registered (${bill.number})`, 'SELF_APPROVAL');
      const may = viewer.principal.role === 'ACCOUNTANT' || (await approverLevel(tx, viewer)) !== 'BUYER';
      if (!may) throw new AppError('FORBIDDEN', 'BILL_RELEASE_FORBIDDEN', 'only finance, the purchasing head or a director releases a held bill');
      bill.status = 'REGISTERED';
      bill.releasedBy = viewer.principal.userId;
      bill.registeredAt = new Date();
      announceRegistration(tx, bill, meta);
      return bill;
    },
  );
}

export interface BillFilter {
  supplierId?: string | null;
  purchaseOrderId?: string | null;
  status?: ShownBillStatus | null;
}

/** Bills newest first (at most 500). */
export async function listSupplierBills(em: SqlEntityManager, viewer: Viewer, filter: BillFilter | null | undefined): Promise<ISupplierBill[]> {
  const where: Record<string, unknown> = {};
  if (filter?.supplierId) where.supplierId = requireUuid('filter.supplierId', filter.supplierId);
  if (filter?.purchaseOrderId) where.purchaseOrderId = requireUuid('filter.purchaseOrderId', filter.purchaseOrderId);
  const bills = await em.find(SupplierBill, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
  return filter?.status ? bills.filter((b) => shownBillStatus(b) === filter.status) : bills;
}
