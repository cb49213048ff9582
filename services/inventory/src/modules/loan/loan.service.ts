import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish, publishMany } from '@rapport/bus';
import { LoanConvertedV2, LoanLentV1, LoanOverdueV1, LoanReturnedV1, ShipmentShippedV2, type EventMetadata } from '@rapport/contracts';
import {
  badInput,
  conflict,
  formatQuantity,
  normaliseAmount,
  notFound,
  optionalText,
  parseMoneyInput,
  parseQuantity,
  quantityUnits,
  requireIsoDate,
  requireOneOf,
  requireUuid,
  type Money,
} from '@rapport/errors';
import { auditChange, keysetPageSql, transition, underRowLocks, visibleCustomersSql, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { serveShortages } from '../reservation/reservation.service.js';
import { evaluateSafety } from '../stock/stock-alarm.js';
import { lockProducts, postMove } from '../stock/stock-ledger.js';
import { Loan, LOAN_KINDS, type LoanKind } from './loan.entity.js';

// Samples and loans: goods out to a customer from available stock (a LOAN_OUT or SAMPLE move),
// returned fully or partly (LOAN_RETURN moves, waiting shortages served from them), or kept by the
// customer and converted into a sale (`inventory.loan.converted.v2`: sales makes an order of it, which
// inventory reports shipped at once without reserving or moving anything, the goods already left).
// Overdue: the expected return date has passed with goods still out; `flagOverdueLoans` (run hourly
// by the service, `loan.schedule.ts`, and on demand) announces each overdue loan once with
// `inventory.loan.overdue.v1`, for a to-do of the customer's owner. Locks in the stock module's order: the loan's row, the product's row, its levels.

export const LOAN_STATES = ['OUT', 'PARTLY_RETURNED', 'RETURNED', 'KEPT'] as const;
export type LoanState = (typeof LOAN_STATES)[number];

/** A loan as the schema shows it, with its derived state and whether it is overdue. */
export interface LoanRow {
  id: string;
  number: string;
  kind: LoanKind;
  customerId: string;
  ownerId: string | null;
  productId: string;
  warehouseId: string;
  quantity: string;
  returned: string;
  converted: string;
  expectedReturnDate: string | null;
  note: string | null;
  lentAt: Date;
  overdueFlaggedAt: Date | null;
  actorId: string | null;
  state: LoanState;
  overdue: boolean;
}

/** The loan number for sequence value `n`: LN-000001. */
export const loanNumber = (n: bigint | number | string): string => `LN-${String(n).padStart(6, '0')}`;

/** What is still out: quantity − returned − converted. */
export const openOf = (loan: Pick<LoanRow, 'quantity' | 'returned' | 'converted'>): bigint =>
  quantityUnits(loan.quantity) - quantityUnits(loan.returned) - quantityUnits(loan.converted);

/** The state of a loan from its quantities: nothing back, some settled, all returned, or (part) kept. */
export function loanState(loan: Pick<LoanRow, 'quantity' | 'returned' | 'converted'>): LoanState {
  const settled = quantityUnits(loan.returned) + quantityUnits(loan.converted);
  if (settled === 0n) return 'OUT';
  if (settled < quantityUnits(loan.quantity)) return 'PARTLY_RETURNED';
  return quantityUnits(loan.converted) === 0n ? 'RETURNED' : 'KEPT';
}

const OPEN_SQL = '(l.quantity - l.returned - l.converted)';
const STATE_SQL = `(case when l.returned + l.converted = 0 then 'OUT' when l.returned + l.converted < l.quantity then 'PARTLY_RETURNED' when l.converted = 0 then 'RETURNED' else 'KEPT' end)`;
const OVERDUE_SQL = `(${OPEN_SQL} > 0 and l.expected_return_date is not null and l.expected_return_date < current_date)`;
const COLUMNS = `l.id, l.number, l.kind, l.customer_id, l.owner_id, l.product_id, l.warehouse_id, l.quantity::text, l.returned::text, l.converted::text,
  to_char(l.expected_return_date, 'YYYY-MM-DD') as expected_return_date, l.note, l.lent_at, l.overdue_flagged_at, l.actor_id, ${STATE_SQL} as state, ${OVERDUE_SQL} as overdue`;

interface LoanSqlRow {
  id: string;
  number: string;
  kind: LoanKind;
  customer_id: string;
  owner_id: string | null;
  product_id: string;
  warehouse_id: string;
  quantity: string;
  returned: string;
  converted: string;
  expected_return_date: string | null;
  note: string | null;
  lent_at: Date | string;
  overdue_flagged_at: Date | string | null;
  actor_id: string | null;
  state: LoanState;
  overdue: boolean;
}

const toLoan = (r: LoanSqlRow): LoanRow => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  customerId: r.customer_id,
  ownerId: r.owner_id,
  productId: r.product_id,
  warehouseId: r.warehouse_id,
  quantity: formatQuantity(quantityUnits(r.quantity)),
  returned: formatQuantity(quantityUnits(r.returned)),
  converted: formatQuantity(quantityUnits(r.converted)),
  expectedReturnDate: r.expected_return_date,
  note: r.note,
  lentAt: new Date(r.lent_at),
  overdueFlaggedAt: r.overdue_flagged_at === null ? null : new Date(r.overdue_flagged_at),
  actorId: r.actor_id,
  state: r.state,
  overdue: r.overdue,
});

/** A loan by id; null when there is none. */
export async function loanById(em: SqlEntityManager, viewer: Viewer, id: string): Promise<LoanRow | null> {
  const visible = visibleCustomersSql(viewer);
  const [row] = await em.execute<LoanSqlRow[]>(`select ${COLUMNS} from loan l where l.id = ?${visible ? ` and l.customer_id in (${visible.sql})` : ''}`, [
    requireUuid('id', id),
    ...(visible?.params ?? []),
  ]);
  return row ? toLoan(row) : null;
}

export interface LendStockInput {
  kind: string;
  customerId: string;
  ownerId?: string | null;
  warehouseId: string;
  productId: string;
  quantity: string;
  expectedReturnDate?: string | null;
  note?: string | null;
}

/**
 * Lends goods to a customer (LOAN) or gives a sample (SAMPLE): a LOAN_OUT or SAMPLE move from
 * available stock (never more, unless the warehouse allows negative stock), announced by
 * `inventory.loan.lent.v1`. A loan needs an expected return date (a past one records a loan made
 * earlier, overdue at once); a sample may have none. Refused naming the field: an unknown warehouse
 * or product, a quantity not positive or too precise, more than available (INSUFFICIENT_STOCK).
 */
export async function lendStock(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: LendStockInput, meta: EventMetadata): Promise<LoanRow> {
  const kind = requireOneOf<LoanKind>('input.kind', input.kind, LOAN_KINDS);
  const customerId = requireUuid('input.customerId', input.customerId);
  const ownerId = input.ownerId ? requireUuid('input.ownerId', input.ownerId) : (meta.actor ?? null);
  const warehouseId = requireUuid('input.warehouseId', input.warehouseId);
  const productId = requireUuid('input.productId', input.productId);
  const quantity = parseQuantity('input.quantity', input.quantity);
  const expectedReturnDate = input.expectedReturnDate ? requireIsoDate('input.expectedReturnDate', input.expectedReturnDate) : null;
  if (kind === 'LOAN' && !expectedReturnDate) throw badInput('input.expectedReturnDate', 'input.expectedReturnDate is required for a loan', 'REQUIRED');
  const note = optionalText('input.note', input.note, 500);
  return underRowLocks(em, async (tx) => {
    const products = await lockProducts(tx, [productId]);
    const product = products.get(productId);
    if (!product || product.retired) throw notFound('Product', productId, 'input.productId');
    const [next] = await tx.execute<{ n: string }[]>(`select nextval('loan_number_seq')::text as n`);
    const id = randomUUID();
    const number = loanNumber(next!.n);
    const { move } = await postMove(
      tx,
      {
        productId,
        warehouseId,
        kind: kind === 'LOAN' ? 'LOAN_OUT' : 'SAMPLE',
        quantity: -quantity,
        unitCost: product.standardCost,
        currency: product.currency,
        reason: number,
        referenceType: 'LOAN',
        referenceId: id,
        fields: { warehouse: 'input.warehouseId', quantity: 'input.quantity' },
      },
      meta,
    );
    await tx.execute(
      `insert into loan (id, number, kind, customer_id, owner_id, product_id, warehouse_id, quantity, expected_return_date, note, lent_at, actor_id)
       values (?, ?, ?, ?, ?, ?, ?, ?::numeric, ?::date, ?, ?, ?)`,
      [id, number, kind, customerId, ownerId, productId, warehouseId, formatQuantity(quantity), expectedReturnDate, note, move.movedAt, meta.actor ?? null],
    );
    await evaluateSafety(tx, productId, warehouseId, meta);
    publish(
      tx,
      LoanLentV1,
      id,
      {
        loanId: id,
        number,
        kind,
        customerId,
        ownerId,
        productId,
        warehouseId,
        quantity: formatQuantity(quantity),
        expectedReturnDate,
        lentAt: move.movedAt.toISOString(),
      },
      meta,
    );
    // Written by SQL beside the ledger, so audited by hand: one entry from nothing to the loan.
    auditChange(tx, 'Loan', id, [
      { field: 'number', from: null, to: number },
      { field: 'customerId', from: null, to: customerId },
      { field: 'productId', from: null, to: productId },
      { field: 'quantity', from: null, to: formatQuantity(quantity) },
      { field: 'expectedReturnDate', from: null, to: expectedReturnDate },
    ]);
    return (await loanById(tx, viewer, id))!;
  });
}

/** Settles part of a loan under its row lock: `quantity` (omitted: all that is still out) checked against what is open. */
async function settle<R>(
  em: SqlEntityManager,
  viewer: Viewer,
  input: { loanId: string; quantity?: string | null },
  code: string,
  work: (loan: LoanRow, quantity: bigint, tx: SqlEntityManager) => Promise<R>,
): Promise<R> {
  const loanId = requireUuid('input.loanId', input.loanId);
  const asked = input.quantity ? parseQuantity('input.quantity', input.quantity) : null;
  return transition(
    em,
    async (tx) => {
      const loan = await tx.findOne(Loan, { id: loanId });
      if (!loan) throw notFound('Loan', loanId, 'input.loanId');
      return loan;
    },
    async (_, tx) => {
      const loan = (await loanById(tx, viewer, loanId))!;
      const open = openOf(loan);
      if (open <= 0n) throw conflict('LOAN_SETTLED', `loan ${loan.number} has nothing out any more`, 'input.loanId');
      const quantity = asked ?? open;
      if (quantity > open) throw badInput('input.quantity', `input.quantity: only ${formatQuantity(open)} of loan ${loan.number} is still out`, code);
      return work(loan, quantity, tx);
    },
  );
}

/**
 * Takes back goods of a loan or sample, fully or partly: a LOAN_RETURN move into its warehouse,
 * waiting shortages served from it, announced by `inventory.loan.returned.v1`. Refused: more than is
 * still out (OVER_RETURN naming input.quantity), a loan with nothing out (CONFLICT LOAN_SETTLED).
 */
export async function returnLoan(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: { loanId: string; quantity?: string | null }, meta: EventMetadata): Promise<LoanRow> {
  return settle(em, viewer, input, 'OVER_RETURN', async (loan, quantity, tx) => {
    const products = await lockProducts(tx, [loan.productId]);
    const product = products.get(loan.productId);
    const { move } = await postMove(
      tx,
      {
        productId: loan.productId,
        warehouseId: loan.warehouseId,
        kind: 'LOAN_RETURN',
        quantity,
        unitCost: product?.standardCost ?? null,
        currency: product?.currency ?? null,
        reason: loan.number,
        referenceType: 'LOAN',
        referenceId: loan.id,
        fields: { warehouse: 'input.loanId', quantity: 'input.quantity' },
      },
      meta,
    );
    await tx.execute('update loan set returned = returned + ?::numeric, updated_at = now() where id = ?', [formatQuantity(quantity), loan.id]);
    await serveShortages(tx, loan.productId, loan.warehouseId, meta);
    await evaluateSafety(tx, loan.productId, loan.warehouseId, meta);
    const after = (await loanById(tx, viewer, loan.id))!;
    publish(
      tx,
      LoanReturnedV1,
      loan.id,
      {
        loanId: loan.id,
        number: loan.number,
        customerId: loan.customerId,
        productId: loan.productId,
        warehouseId: loan.warehouseId,
        quantity: formatQuantity(quantity),
        open: formatQuantity(openOf(after)),
        returnedAt: move.movedAt.toISOString(),
      },
      meta,
    );
    auditChange(tx, 'Loan', loan.id, [{ field: 'returned', from: loan.returned, to: after.returned }]);
    return after;
  });
}

export interface ConvertLoanInput {
  loanId: string;
  quantity?: string | null;
  unitPrice?: Money | null;
}

/**
 * Records that the customer keeps (part of) a loan or sample, and makes it a sale: a
 * `loan_conversion` naming the sales order sales is to make of it and the shipment inventory will
 * report for that order, announced by `inventory.loan.converted.v2` with the unit price agreed (null:
 * sales takes the list price) and the product's standard cost. No stock move: the goods left when
 * they were lent, and the order's confirmation reserves nothing (`shipConvertedLoan`). Refused: more
 * than is still out (OVER_CONVERSION naming input.quantity), a negative or malformed price (naming
 * input.unitPrice), a loan with nothing out (CONFLICT LOAN_SETTLED).
 */
export async function convertLoan(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: ConvertLoanInput, meta: EventMetadata): Promise<LoanRow> {
  const unitPrice = input.unitPrice ? parseMoneyInput('input.unitPrice', input.unitPrice) : null;
  return settle(em, viewer, input, 'OVER_CONVERSION', async (loan, quantity, tx) => {
    const [product] = await tx.execute<{ standard_cost: string; currency: string }[]>('select standard_cost::text, currency from product where id = ?', [loan.productId]);
    await tx.execute('update loan set converted = converted + ?::numeric, updated_at = now() where id = ?', [formatQuantity(quantity), loan.id]);
    const orderId = randomUUID();
    const shipmentId = randomUUID();
    const convertedAt = new Date();
    await tx.execute('insert into loan_conversion (order_id, shipment_id, loan_id, quantity, unit_price, currency, converted_at) values (?, ?, ?, ?::numeric, ?::numeric, ?, ?)', [
      orderId,
      shipmentId,
      loan.id,
      formatQuantity(quantity),
      unitPrice?.amount ?? null,
      unitPrice?.currency ?? null,
      convertedAt,
    ]);
    const after = (await loanById(tx, viewer, loan.id))!;
    publish(
      tx,
      LoanConvertedV2,
      loan.id,
      {
        loanId: loan.id,
        number: loan.number,
        orderId,
        shipmentId,
        customerId: loan.customerId,
        ownerId: loan.ownerId,
        productId: loan.productId,
        warehouseId: loan.warehouseId,
        quantity: formatQuantity(quantity),
        unitPrice,
        unitCost: product ? { amount: normaliseAmount(product.standard_cost), currency: product.currency } : null,
        open: formatQuantity(openOf(after)),
        convertedAt: convertedAt.toISOString(),
      },
      meta,
    );
    auditChange(tx, 'Loan', loan.id, [{ field: 'converted', from: loan.converted, to: after.converted }]);
    return after;
  });
}

/** A confirmed sales order as `shipConvertedLoan` reads it. */
export interface ConfirmedOrderLines {
  orderId: string;
  customerId: string;
  lines: readonly { lineId: string; productId: string; quantity: string }[];
}

/**
 * When `order` is the sale of a kept loan (sales made it from `inventory.loan.converted.v2`), reports
 * its lines shipped at once with the conversion's shipment (`inventory.shipment.shipped.v2`, the loan
 * number as the shipment's number, from the loan's warehouse), so sales counts them delivered and
 * finance invoiceable, and answers true: the caller reserves nothing for it. No stock move and no
 * reservation: the goods left the warehouse when they were lent. Answers false for any other order.
 * Runs in the order event's inbox transaction; the conversion's row lock and `shipped_at` report it once.
 */
export async function shipConvertedLoan(em: SqlEntityManager, order: ConfirmedOrderLines, meta: EventMetadata): Promise<boolean> {
  const [conversion] = await em.execute<{ shipment_id: string; shipped_at: Date | null; number: string; warehouse_id: string; converted_at: Date }[]>(
    `select c.shipment_id, c.shipped_at, l.number, l.warehouse_id, c.converted_at
       from loan_conversion c join loan l on l.id = c.loan_id where c.order_id = ? for update of c`,
    [order.orderId],
  );
  if (!conversion) return false;
  if (conversion.shipped_at) return true;
  const shippedAt = new Date(conversion.converted_at);
  await em.execute('update loan_conversion set shipped_at = ?, updated_at = now() where order_id = ?', [shippedAt, order.orderId]);
  const lines = order.lines
    .filter((l) => quantityUnits(l.quantity) > 0n)
    .map((l) => ({ orderId: order.orderId, orderLineId: l.lineId, productId: l.productId, quantity: formatQuantity(quantityUnits(l.quantity)) }));
  if (lines.length === 0) return true;
  publish(
    em,
    ShipmentShippedV2,
    conversion.shipment_id,
    {
      shipmentId: conversion.shipment_id,
      number: conversion.number,
      customerId: order.customerId,
      warehouseId: conversion.warehouse_id,
      carrier: null,
      trackingNumber: null,
      lines,
      shippedAt: shippedAt.toISOString(),
    },
    meta,
  );
  return true;
}

/**
 * Flags every loan whose expected return date has passed with goods still out and that was not
 * flagged before: `inventory.loan.overdue.v1` once per loan (for a reminder to its owner rep). Safe
 * to run from several places at once (rows taken with SKIP LOCKED); returns the loans flagged now.
 */
export async function flagOverdueLoans(em: SqlEntityManager, viewer: Viewer<WriteAccess>, meta: EventMetadata): Promise<LoanRow[]> {
  return em.transactional(async (tx) => {
    const now = new Date();
    const flagged = await tx.execute<{ id: string }[]>(
      `with due as (select l.id from loan l where ${OVERDUE_SQL} and l.overdue_flagged_at is null order by l.id for update skip locked)
       update loan set overdue_flagged_at = ?, updated_at = ? from due where loan.id = due.id returning loan.id`,
      [now, now],
    );
    if (flagged.length === 0) return [];
    const loans = (
      await tx.execute<LoanSqlRow[]>(`select ${COLUMNS} from loan l where l.id in (select value::uuid from jsonb_array_elements_text(?::jsonb)) order by l.number`, [
        JSON.stringify(flagged.map((f) => f.id)),
      ])
    ).map(toLoan);
    await publishMany(
      tx,
      LoanOverdueV1,
      loans.map((loan) => ({
        subject: loan.id,
        data: {
          loanId: loan.id,
          number: loan.number,
          customerId: loan.customerId,
          ownerId: loan.ownerId,
          productId: loan.productId,
          open: formatQuantity(openOf(loan)),
          expectedReturnDate: loan.expectedReturnDate!,
          flaggedAt: now.toISOString(),
        },
      })),
      meta,
    );
    for (const loan of loans) auditChange(tx, 'Loan', loan.id, [{ field: 'overdueFlaggedAt', from: null, to: now.toISOString() }]);
    return loans;
  });
}

export interface LoanFilter {
  kind?: string | null;
  customerId?: string | null;
  productId?: string | null;
  warehouseId?: string | null;
  state?: string | null;
  overdue?: boolean | null;
}

const LOAN_ORDER: Keyset<LoanRow> = { sort: 'l.lent_at', kind: 'timestamp', direction: 'desc', id: 'l.id', sortValue: (l) => l.lentAt.toISOString() };

/** Loans and samples, newest first, filtered (`overdue: true`: the overdue list), paged by keyset. */
export function listLoans(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: LoanFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<LoanRow>> {
  const conditions = ['true'];
  const params: unknown[] = [];
  const visible = visibleCustomersSql(viewer);
  if (visible) {
    conditions.push(`l.customer_id in (${visible.sql})`);
    params.push(...visible.params);
  }
  if (filter?.kind) {
    conditions.push('l.kind = ?');
    params.push(requireOneOf<LoanKind>('filter.kind', filter.kind, LOAN_KINDS));
  }
  for (const [key, column] of [
    ['customerId', 'customer_id'],
    ['productId', 'product_id'],
    ['warehouseId', 'warehouse_id'],
  ] as const) {
    const value = filter?.[key];
    if (value) {
      conditions.push(`l.${column} = ?`);
      params.push(requireUuid(`filter.${key}`, value));
    }
  }
  if (filter?.state) {
    conditions.push(`${STATE_SQL} = ?`);
    params.push(requireOneOf<LoanState>('filter.state', filter.state, LOAN_STATES));
  }
  if (filter?.overdue !== null && filter?.overdue !== undefined) conditions.push(filter.overdue ? OVERDUE_SQL : `not ${OVERDUE_SQL}`);
  return keysetPageSql(LOAN_ORDER, { field: 'loans', first, after }, async ({ where, orderBy, fetch }) =>
    (
      await em.execute<LoanSqlRow[]>(`select ${COLUMNS} from loan l where ${[...conditions, ...(where ? [where.sql] : [])].join(' and ')} order by ${orderBy} limit ${fetch}`, [
        ...params,
        ...(where?.params ?? []),
      ])
    ).map(toLoan),
  );
}
