import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@rapport/contracts';
import { addDays, badInput, formatAmount, type Money, parseMoneyInput, requireIsoDate, requireText } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { billNumber, SupplierBill, type ISupplierBill } from '../bill/bill.entity.js';
import { announceRegistration } from '../bill/bill.service.js';
import { amountUnits } from '../order/order-totals.js';
import { nextNumber } from '../order/order.service.js';
import { getSupplier } from '../supplier/supplier.service.js';

const MAX_ROWS = 500;

export interface SupplierOpeningBalanceInput {
  supplierId: string;
  /** The supplier's invoice number in the previous system; one per supplier, as on bills. */
  reference: string;
  /** What is still owed on it, in the supplier's currency. */
  amount: Money;
  billDate: string;
  /** Defaults to the bill date plus the supplier's payment terms. */
  dueDate?: string | null;
}

/**
 * Enters payables taken over from a previous system (one, or an import of up to 500), all or none:
 * each becomes a registered bill without a purchase order (BILL-…, `openingBalance`), owed in full,
 * payable like any bill (payments and advances apply to it; it ages from its due date) and announced
 * as `purchasing.bill.registered.v1` with no purchase order. Bad rows are refused naming
 * `input.<i>.<field>`: an unknown supplier, an amount not positive or not in the supplier's currency
 * (CURRENCY_MISMATCH), a reference already used for the supplier (DUPLICATE_BILL, in the import too),
 * a due date before the bill date.
 */
export async function enterSupplierOpeningBalances(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  rows: readonly SupplierOpeningBalanceInput[],
  meta: EventMetadata,
): Promise<ISupplierBill[]> {
  if (!rows.length || rows.length > MAX_ROWS) throw badInput('input', `input must hold 1 to ${MAX_ROWS} opening balances`, 'INVALID_COUNT');
  return em.transactional(async (tx) => {
    const seen = new Set<string>();
    const bills: ISupplierBill[] = [];
    for (const [i, row] of rows.entries()) {
      const field = `input.${i}`;
      const supplier = await getSupplier(tx, viewer, row.supplierId, `${field}.supplierId`);
      const reference = requireText(`${field}.reference`, row.reference, 100);
      const amount = parseMoneyInput(`${field}.amount`, row.amount);
      if (amount.currency !== supplier.currency)
        throw badInput(`${field}.amount.currency`, `${field}.amount.currency must be the supplier's currency ${supplier.currency}`, 'CURRENCY_MISMATCH');
      if (amountUnits(amount.amount) <= 0n) throw badInput(`${field}.amount`, `${field}.amount must be positive`, 'INVALID_AMOUNT');
      const billDate = requireIsoDate(`${field}.billDate`, row.billDate);
      const dueDate = row.dueDate ? requireIsoDate(`${field}.dueDate`, row.dueDate) : addDays(billDate, supplier.paymentTermsDays);
      if (dueDate < billDate) throw badInput(`${field}.dueDate`, `${field}.dueDate must not be before ${field}.billDate`, 'INVALID_DUE_DATE');
      const key = `${supplier.id}:${reference.toLowerCase()}`;
      const [duplicate] = await tx.execute<{ number: string }[]>('select number from supplier_bill where supplier_id = ? and lower(supplier_reference) = lower(?)', [
        supplier.id,
        reference,
      ]);
      if (duplicate || seen.has(key)) {
        throw badInput(
          `${field}.reference`,
          `${field}.reference: the supplier's bill ${reference} is entered already${duplicate ? ` (${duplicate.number})` : ' in this import'}`,
          'DUPLICATE_BILL',
        );
      }
      seen.add(key);
      const total = formatAmount(amountUnits(amount.amount));
      const bill = tx.create(SupplierBill, {
        id: randomUUID(),
        number: billNumber(await nextNumber(tx, 'supplier_bill')),
        supplierReference: reference,
        supplierId: supplier.id,
        purchaseOrderId: null,
        openingBalance: true,
        currency: supplier.currency,
        billDate,
        dueDate,
        netTotal: total,
        taxTotal: '0',
        grossTotal: total,
        paidTotal: '0',
        status: 'REGISTERED',
        holdReasons: null,
        createdBy: viewer.principal.userId,
        releasedBy: null,
        registeredAt: new Date(),
      });
      announceRegistration(tx, bill, meta);
      bills.push(bill);
    }
    await tx.flush();
    return bills;
  });
}
