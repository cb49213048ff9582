import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { OpeningBalanceImportedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, convertUnits, formatAmount, formatRate, parseAmount, parseRate, requireCurrency, requireIsoDate, requireText, requireUuid, type Money } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { findRateOn, getBaseCurrency, snapshotOf } from '../currency/currency.service.js';
import { inTransaction, nextDocumentNumber } from '../invoice/documents.js';
import { isWholeMinor } from '../invoice/invoice-math.js';
import { Invoice, InvoiceLine, InvoiceTax, type IInvoice } from '../invoice/invoice.entity.js';
import { OpeningBalance } from './opening-balance.entity.js';

/** The most rows one import takes. */
const MAX_ROWS = 5000;

export interface OpeningBalanceRowInput {
  customerId: string;
  reference: string;
  date: string;
  dueDate: string;
  amount: Money;
  /** The previous system's rate to the base currency; finance's rate of `date` when omitted. */
  rateToBase?: string | null;
}

/** One row checked: what it will write. */
interface CheckedRow {
  customerId: string;
  reference: string;
  date: string;
  dueDate: string;
  currency: string;
  units: bigint;
  rateToBase: string | null;
}

/** A refused row: its index and field, and why. */
interface RowError {
  row: number;
  field: string;
  code: string;
  message: string;
}

/** Checks one row without the database, or the first problem it has. */
function checkRow(input: OpeningBalanceRowInput, i: number): CheckedRow | RowError {
  const field = `rows[${i}]`;
  try {
    const customerId = requireUuid(`${field}.customerId`, input.customerId);
    const reference = requireText(`${field}.reference`, input.reference, 100);
    const date = requireIsoDate(`${field}.date`, input.date);
    const dueDate = requireIsoDate(`${field}.dueDate`, input.dueDate);
    if (dueDate < date) return { row: i, field: `${field}.dueDate`, code: 'DUE_BEFORE_DATE', message: `${field}.dueDate must not be before ${field}.date` };
    const currency = requireCurrency(`${field}.amount.currency`, input.amount.currency);
    const units = parseAmount(`${field}.amount.amount`, input.amount.amount);
    if (units <= 0n) return { row: i, field: `${field}.amount.amount`, code: 'ZERO_AMOUNT', message: `${field}.amount.amount must be greater than zero` };
    if (!isWholeMinor(units, currency)) {
      return { row: i, field: `${field}.amount.amount`, code: 'TOO_MANY_DECIMALS', message: `${field}.amount.amount has more places than ${currency} has` };
    }
    const rateToBase = input.rateToBase ? formatRate(parseRate(`${field}.rateToBase`, input.rateToBase)) : null;
    return { customerId, reference, date, dueDate, currency, units, rateToBase };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { row: i, field: error.field ?? field, code: error.code, message: error.message };
  }
}

/**
 * Imports open items from a previous system as opening balances, all or nothing: every row is
 * checked first (a customer finance knows, a reference not imported for that customer before nor
 * twice in the file, dates, an amount above zero in whole minor units) and any problem refuses the
 * whole import, naming each row and field in `extensions.details.errors` (the first in
 * `extensions.field`). With `dryRun` nothing is written. Otherwise each row becomes an invoice of
 * kind OPENING_BALANCE numbered OB-YYYY-NNNNNN (one untaxed line), announced with
 * `finance.opening-balance.imported.v1`, in one transaction.
 */
export async function importOpeningBalances(
  em: SqlEntityManager,
  _viewer: Viewer<WriteAccess>,
  input: { rows: readonly OpeningBalanceRowInput[]; dryRun?: boolean | null },
  meta: EventMetadata,
): Promise<{ imported: IInvoice[]; dryRun: boolean; rowCount: number }> {
  if (input.rows.length === 0) throw new AppError('BAD_USER_INPUT', 'NO_ROWS', 'rows must have at least one row', { field: 'rows' });
  if (input.rows.length > MAX_ROWS) throw new AppError('BAD_USER_INPUT', 'TOO_MANY_ROWS', `rows may have at most ${MAX_ROWS} rows`, { field: 'rows' });
  const checked = input.rows.map(checkRow);
  const errors = checked.filter((r): r is RowError => 'row' in r);
  const rows = checked.filter((r): r is CheckedRow => !('row' in r));
  const snapshots = new Map<CheckedRow, { rateToBase: string | null; baseAmount: string | null }>();
  return inTransaction(em, async (tx) => {
    if (errors.length === 0) {
      const customerIds = [...new Set(rows.map((r) => r.customerId))];
      const known = new Set(
        (await tx.execute<{ customer_id: string }[]>(`select customer_id from customer_access where customer_id in (${customerIds.map(() => '?').join(', ')})`, customerIds)).map(
          (r) => r.customer_id,
        ),
      );
      const taken = new Set(
        (await tx.find(OpeningBalance, { customerId: { $in: customerIds } }, { fields: ['customerId', 'reference'] })).map((o) => `${o.customerId} ${o.reference}`),
      );
      const seen = new Set<string>();
      rows.forEach((r, i) => {
        const key = `${r.customerId} ${r.reference}`;
        if (!known.has(r.customerId))
          errors.push({ row: i, field: `rows[${i}].customerId`, code: 'CUSTOMER_NOT_FOUND', message: `rows[${i}].customerId is not a customer finance knows` });
        else if (taken.has(key) || seen.has(key)) {
          errors.push({ row: i, field: `rows[${i}].reference`, code: 'DUPLICATE_REFERENCE', message: `rows[${i}].reference ${r.reference} is imported for this customer already` });
        }
        seen.add(key);
      });
      // Each item keeps its rate to the base currency, as an invoice does at issue: the previous
      // system's when the row gives one, else finance's of the document date; none refuses the row.
      const base = await getBaseCurrency(tx);
      // One rate lookup per currency and date, not per row (an import holds up to 5,000 rows).
      const rates = new Map<string, Promise<bigint | null>>();
      const rateOf = (currency: string, day: string): Promise<bigint | null> => {
        const key = `${currency} ${day}`;
        let rate = rates.get(key);
        if (!rate) rates.set(key, (rate = findRateOn(tx, currency, base, day).then((found) => found?.rate ?? null)));
        return rate;
      };
      for (const [i, r] of rows.entries()) {
        const rate = r.rateToBase !== null && r.currency !== base ? parseRate('rateToBase', r.rateToBase) : await rateOf(r.currency, r.date);
        const snapshot = rate === null ? { rateToBase: null, baseAmount: null } : { rateToBase: formatRate(rate), baseAmount: formatAmount(convertUnits(r.units, rate, base)) };
        if (snapshot.rateToBase === null) {
          errors.push({
            row: i,
            field: `rows[${i}].rateToBase`,
            code: 'RATE_MISSING',
            message: `rows[${i}].rateToBase is needed: finance holds no ${r.currency} rate to the base currency on or before ${r.date}`,
          });
        }
        snapshots.set(r, snapshot);
      }
    }
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new AppError('BAD_USER_INPUT', 'IMPORT_REFUSED', `${errors.length} row(s) refused, nothing imported; first: ${first.message}`, {
        field: first.field,
        details: { errors: errors.map((e) => ({ row: e.row, field: e.field, code: e.code, message: e.message })) },
      });
    }
    if (input.dryRun) return { imported: [], dryRun: true, rowCount: rows.length };
    const importId = randomUUID();
    const imported: IInvoice[] = [];
    for (const r of rows) {
      const amount = formatAmount(r.units);
      const invoice = tx.create(Invoice, {
        id: randomUUID(),
        number: await nextDocumentNumber(tx, 'OB', r.date),
        customerId: r.customerId,
        orderId: null,
        kind: 'OPENING_BALANCE',
        issueDate: r.date,
        dueDate: r.dueDate,
        currency: r.currency,
        netTotal: amount,
        taxTotal: '0',
        total: amount,
        paymentTermsDays: null,
        status: 'ISSUED',
        ...snapshotOf(snapshots.get(r)!, 'baseTotal'),
      });
      tx.create(InvoiceLine, {
        id: randomUUID(),
        invoiceId: invoice.id,
        position: 1,
        orderLineId: null,
        productId: null,
        description: `Opening balance ${r.reference} of ${r.date}`,
        quantity: '1',
        unitPrice: amount,
        discountPercent: '0',
        taxRate: '0',
        netAmount: amount,
        deductsInvoiceId: null,
      });
      tx.create(InvoiceTax, { id: randomUUID(), invoiceId: invoice.id, taxRate: '0', netAmount: amount, taxAmount: '0' });
      tx.create(OpeningBalance, { invoiceId: invoice.id, customerId: r.customerId, reference: r.reference, documentDate: r.date, importId });
      publish(
        tx,
        OpeningBalanceImportedV1,
        invoice.id,
        {
          invoiceId: invoice.id,
          number: invoice.number,
          customerId: r.customerId,
          reference: r.reference,
          documentDate: r.date,
          dueDate: r.dueDate,
          amount: { amount, currency: r.currency },
          importId,
        },
        meta,
      );
      imported.push(invoice);
    }
    await tx.flush();
    return { imported, dryRun: false, rowCount: rows.length };
  });
}
