import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@rapport/contracts';
import { addDays, AppError, badInput, formatAmount, type Money, parseMoneyInput, requireIsoDate, requireText } from '@rapport/errors';
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

/** A row that passed every check: the bill it writes. */
export interface CheckedOpeningBalance {
  /** Its index in the rows given. */
  row: number;
  supplierId: string;
  currency: string;
  reference: string;
  /** What is owed, four places. */
  amount: string;
  billDate: string;
  dueDate: string;
}

/** A refused row: its index, the field at fault (e.g. `rows[2].amount.currency`), why, and the error itself. */
export interface RefusedOpeningBalance {
  row: number;
  field: string;
  reason: string;
  message: string;
  error: AppError;
}

/**
 * Checks every row (none is skipped after the first refusal): a supplier the caller sees, a reference
 * (1–100 characters) not used for the supplier before nor earlier in the rows (DUPLICATE_BILL), an
 * amount positive and in the supplier's currency (CURRENCY_MISMATCH), dates, a due date not before
 * the bill date. Fields are named `fieldOf(i).<field>`; too few or too many rows is refused naming
 * `listField` (INVALID_COUNT). Writes nothing.
 */
async function checkRows(
  tx: SqlEntityManager,
  viewer: Viewer,
  rows: readonly SupplierOpeningBalanceInput[],
  listField: string,
  fieldOf: (i: number) => string,
): Promise<{ accepted: CheckedOpeningBalance[]; refused: RefusedOpeningBalance[] }> {
  if (!rows.length || rows.length > MAX_ROWS) throw badInput(listField, `${listField} must hold 1 to ${MAX_ROWS} opening balances`, 'INVALID_COUNT');
  const seen = new Set<string>();
  const accepted: CheckedOpeningBalance[] = [];
  const refused: RefusedOpeningBalance[] = [];
  for (const [i, row] of rows.entries()) {
    const field = fieldOf(i);
    try {
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
          `${field}.reference: the supplier's bill ${reference} is entered already${duplicate ? ` (${duplicate.number})` : ' in these rows'}`,
          'DUPLICATE_BILL',
        );
      }
      seen.add(key);
      accepted.push({ row: i, supplierId: supplier.id, currency: supplier.currency, reference, amount: formatAmount(amountUnits(amount.amount)), billDate, dueDate });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ row: i, field: error.field ?? field, reason: error.code, message: error.message, error });
    }
  }
  return { accepted, refused };
}

/**
 * A dry run of entering opening balances: every row checked as `enterSupplierOpeningBalances` checks
 * it, naming fields `rows[i].<field>`; what would be written (one bill per accepted row) and every
 * refused row. Writes nothing (an import with any refused row would write nothing either).
 */
export async function dryRunSupplierOpeningBalances(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  rows: readonly SupplierOpeningBalanceInput[],
): Promise<{ rowCount: number; accepted: CheckedOpeningBalance[]; refused: RefusedOpeningBalance[] }> {
  return { rowCount: rows.length, ...(await checkRows(em, viewer, rows, 'rows', (i) => `rows[${i}]`)) };
}

/**
 * Enters payables taken over from a previous system (one, or an import of up to 500), all or none:
 * each becomes a registered bill without a purchase order (BILL-…, `openingBalance`), owed in full,
 * payable like any bill (payments and advances apply to it; it ages from its due date) and announced
 * as `purchasing.bill.registered.v1` with no purchase order. Rows are checked as in the dry run
 * (`checkRows`); the first refused row is refused naming `input.<i>.<field>`, and nothing is written.
 */
export async function enterSupplierOpeningBalances(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  rows: readonly SupplierOpeningBalanceInput[],
  meta: EventMetadata,
): Promise<ISupplierBill[]> {
  return em.transactional(async (tx) => {
    const { accepted, refused } = await checkRows(tx, viewer, rows, 'input', (i) => `input.${i}`);
    if (refused[0]) throw refused[0].error;
    const bills: ISupplierBill[] = [];
    for (const row of accepted) {
      const bill = tx.create(SupplierBill, {
        id: randomUUID(),
        number: billNumber(await nextNumber(tx, 'supplier_bill')),
        supplierReference: row.reference,
        supplierId: row.supplierId,
        purchaseOrderId: null,
        openingBalance: true,
        currency: row.currency,
        billDate: row.billDate,
        dueDate: row.dueDate,
        netTotal: row.amount,
        taxTotal: '0',
        grossTotal: row.amount,
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
