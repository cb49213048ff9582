import { randomUUID } from 'node:crypto';
import { countAuditEntries, countOutboxEvents, raceBehindRow } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import {
  aProduct,
  applyReservationEvent,
  aWarehouse,
  ledgerMismatches,
  levelOf,
  oneUnitOrderConfirmed,
  receive,
  unknownId,
  useCheckedInventorySubgraph,
} from '../../test-fixtures.js';
import { waitFor } from '@rapport/testing';
import { startOverdueLoanCheck } from './loan.schedule.js';
import { loanState } from './loan.service.js';
import { dayFromToday } from '@rapport/errors';

const subgraph = useCheckedInventorySubgraph();
const em = () => subgraph.service.orm.em.fork();

const loanFields = 'id number kind state quantity returned converted open expectedReturnDate overdue overdueFlaggedAt ownerId customer { id } product { id } warehouse { id }';
interface LoanView {
  id: string;
  number: string;
  kind: string;
  state: string;
  quantity: string;
  returned: string;
  converted: string;
  open: string;
  expectedReturnDate: string | null;
  overdue: boolean;
  overdueFlaggedAt: string | null;
  ownerId: string | null;
}

const lend = (input: Record<string, unknown>) =>
  subgraph.gql<{ lendStock: LoanView }>(`mutation($input: LendStockInput!) { lendStock(input: $input) { ${loanFields} } }`, { input });
const giveBack = (input: Record<string, unknown>) =>
  subgraph.gql<{ returnLoan: LoanView }>(`mutation($input: SettleLoanInput!) { returnLoan(input: $input) { ${loanFields} } }`, { input });
const keep = (input: Record<string, unknown>) =>
  subgraph.gql<{ convertLoan: LoanView }>(`mutation($input: ConvertLoanInput!) { convertLoan(input: $input) { ${loanFields} } }`, { input });
const flag = () => subgraph.gql<{ flagOverdueLoans: LoanView[] }>(`mutation { flagOverdueLoans { ${loanFields} } }`);

async function loanMoves(loanId: string): Promise<[string, string][]> {
  const rows = await em().execute<{ kind: string; quantity: string }[]>(`select kind, quantity::text from stock_move where reference_id = ? order by moved_at, id`, [loanId]);
  return rows.map((r) => [r.kind, r.quantity]);
}
async function eventsOf(loanId: string, type: string): Promise<Record<string, unknown>[]> {
  const rows = await em().execute<{ payload: { data: Record<string, unknown> } }[]>(
    `select payload from outbox_message where payload->>'type' = ? and payload->>'subject' = ? order by position`,
    [type, loanId],
  );
  return rows.map((r) => r.payload.data);
}

describe('loans and samples', () => {
  it('lends goods from available stock, takes them back partly, and the rest when they come', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, warehouseId, '10');
    const customerId = randomUUID();
    const lent = await lend({ kind: 'LOAN', customerId, warehouseId, productId, quantity: '4', expectedReturnDate: dayFromToday(14), note: 'trade fair' });
    expect(lent.errors).toBeUndefined();
    const loan = lent.data!.lendStock;
    expect(loan).toMatchObject({ kind: 'LOAN', state: 'OUT', quantity: '4', open: '4', overdue: false, expectedReturnDate: dayFromToday(14) });
    expect(loan.number).toMatch(/^LN-\d{6}$/);
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '6', available: '6' });
    expect(await eventsOf(loan.id, 'inventory.loan.lent.v1')).toEqual([expect.objectContaining({ loanId: loan.id, customerId, productId, warehouseId, quantity: '4' })]);

    const partly = await giveBack({ loanId: loan.id, quantity: '1.5' });
    expect(partly.errors).toBeUndefined();
    expect(partly.data!.returnLoan).toMatchObject({ state: 'PARTLY_RETURNED', returned: '1.5', open: '2.5' });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '7.5' });

    const tooMuch = await giveBack({ loanId: loan.id, quantity: '3' });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVER_RETURN', field: 'input.quantity' });

    const rest = await giveBack({ loanId: loan.id });
    expect(rest.data!.returnLoan).toMatchObject({ state: 'RETURNED', returned: '4', open: '0' });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '10' });
    expect(await loanMoves(loan.id)).toEqual([
      ['LOAN_OUT', '-4.000'],
      ['LOAN_RETURN', '1.500'],
      ['LOAN_RETURN', '2.500'],
    ]);
    expect((await eventsOf(loan.id, 'inventory.loan.returned.v1')).map((e) => [e.quantity, e.open])).toEqual([
      ['1.5', '2.5'],
      ['2.5', '0'],
    ]);
    const again = await giveBack({ loanId: loan.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOAN_SETTLED' });
  });

  it('converts what the customer keeps into a sale, announced for sales, with no stock move', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph, { standardCost: { amount: '25', currency: 'EUR' } }), await aWarehouse(subgraph)];
    await receive(subgraph, productId, warehouseId, '3');
    const customerId = randomUUID();
    const ownerId = randomUUID();
    const sample = (await lend({ kind: 'SAMPLE', customerId, ownerId, warehouseId, productId, quantity: '2' })).data!.lendStock;
    expect(sample).toMatchObject({ kind: 'SAMPLE', expectedReturnDate: null, overdue: false, ownerId });
    await giveBack({ loanId: sample.id, quantity: '0.5' });
    const kept = await keep({ loanId: sample.id });
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.convertLoan).toMatchObject({ state: 'KEPT', returned: '0.5', converted: '1.5', open: '0' });
    expect(await loanMoves(sample.id)).toEqual([
      ['SAMPLE', '-2.000'],
      ['LOAN_RETURN', '0.500'],
    ]);
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '1.5' });
    const [converted] = await eventsOf(sample.id, 'inventory.loan.converted.v2');
    expect(converted).toMatchObject({
      loanId: sample.id,
      customerId,
      ownerId,
      productId,
      quantity: '1.5',
      open: '0',
      unitPrice: null,
      unitCost: { amount: '25.00', currency: 'EUR' },
    });
    const more = await keep({ loanId: sample.id, quantity: '1' });
    expect(more.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOAN_SETTLED' });

    const loan = (await lend({ kind: 'LOAN', customerId, warehouseId, productId, quantity: '1', expectedReturnDate: dayFromToday(3) })).data!.lendStock;
    const over = await keep({ loanId: loan.id, quantity: '1.001' });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVER_CONVERSION', field: 'input.quantity' });
    const negative = await keep({ loanId: loan.id, unitPrice: { amount: '-1', currency: 'EUR' } });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitPrice.amount' });
  });

  it('reports the sale of a kept loan shipped when sales confirms it, reserving and moving nothing; any other order reserves', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, warehouseId, '5');
    const customerId = randomUUID();
    const loan = (await lend({ kind: 'LOAN', customerId, warehouseId, productId, quantity: '3', expectedReturnDate: dayFromToday(3) })).data!.lendStock;
    const kept = await keep({ loanId: loan.id, quantity: '2', unitPrice: { amount: '40', currency: 'EUR' } });
    expect(kept.errors).toBeUndefined();
    const [converted] = await eventsOf(loan.id, 'inventory.loan.converted.v2');
    expect(converted).toMatchObject({ quantity: '2', open: '1', unitPrice: { amount: '40.00', currency: 'EUR' } });
    const { orderId, shipmentId } = converted as { orderId: string; shipmentId: string };

    // Sales confirms the order it made of the conversion (one line of the kept quantity); delivered twice, it changes nothing more.
    const confirmed = oneUnitOrderConfirmed(customerId, productId, { orderId });
    const line = (confirmed.data as { lines: { lineId: string; quantity: string }[] }).lines[0]!;
    line.quantity = '2';
    expect(await applyReservationEvent(subgraph, confirmed)).toBe('applied');
    expect(await applyReservationEvent(subgraph, confirmed)).toBe('duplicate');
    expect(await eventsOf(shipmentId, 'inventory.shipment.shipped.v2')).toEqual([
      expect.objectContaining({ shipmentId, number: loan.number, customerId, warehouseId, lines: [{ orderId, orderLineId: line.lineId, productId, quantity: '2' }] }),
    ]);
    expect(await countOutboxEvents(em(), orderId, 'inventory.stock.reserved.v1')).toBe(0);
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '2', reserved: '0', available: '2' });
    expect(await loanMoves(loan.id)).toEqual([['LOAN_OUT', '-3.000']]);

    // An ordinary order of the same product still reserves.
    const other = oneUnitOrderConfirmed(customerId, productId);
    expect(await applyReservationEvent(subgraph, other)).toBe('applied');
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '2', reserved: '1', available: '1' });
    expect(await ledgerMismatches(subgraph)).toEqual([]);
  });

  it('lists overdue loans and announces each once when flagged', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, warehouseId, '5');
    const customerId = randomUUID();
    const late = (await lend({ kind: 'LOAN', customerId, warehouseId, productId, quantity: '2', expectedReturnDate: dayFromToday(-3) })).data!.lendStock;
    const onTime = (await lend({ kind: 'LOAN', customerId, warehouseId, productId, quantity: '1', expectedReturnDate: dayFromToday(5) })).data!.lendStock;
    const lateButBack = (await lend({ kind: 'LOAN', customerId, warehouseId, productId, quantity: '1', expectedReturnDate: dayFromToday(-1) })).data!.lendStock;
    await giveBack({ loanId: lateButBack.id });
    expect(late.overdue).toBe(true);

    const listed = await subgraph.gql<{ loans: { edges: { node: { id: string; overdue: boolean } }[] } }>(
      'query($f: LoanFilter) { loans(filter: $f) { edges { node { id overdue } } } }',
      { f: { customerId, overdue: true } },
    );
    expect(listed.data!.loans.edges.map((e) => e.node)).toEqual([{ id: late.id, overdue: true }]);

    const flagged = await flag();
    expect(flagged.errors).toBeUndefined();
    expect(flagged.data!.flagOverdueLoans.map((l) => l.id)).toContain(late.id);
    expect(flagged.data!.flagOverdueLoans.map((l) => l.id)).not.toContain(onTime.id);
    expect(flagged.data!.flagOverdueLoans.map((l) => l.id)).not.toContain(lateButBack.id);
    const second = await flag();
    expect(second.data!.flagOverdueLoans.map((l) => l.id)).not.toContain(late.id);
    expect(await eventsOf(late.id, 'inventory.loan.overdue.v1')).toEqual([
      expect.objectContaining({ loanId: late.id, customerId, productId, open: '2', expectedReturnDate: dayFromToday(-3) }),
    ]);
    expect(await countOutboxEvents(em(), onTime.id, 'inventory.loan.overdue.v1')).toBe(0);
  });

  it('flags overdue loans by itself on its timer, each once', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, warehouseId, '1');
    const late = (await lend({ kind: 'LOAN', customerId: randomUUID(), warehouseId, productId, quantity: '1', expectedReturnDate: dayFromToday(-1) })).data!.lendStock;
    const check = startOverdueLoanCheck(subgraph.service.orm, subgraph.service.logger, 20);
    try {
      await waitFor(async () => ((await countOutboxEvents(em(), late.id, 'inventory.loan.overdue.v1')) > 0 ? true : undefined), { what: 'the timer to flag the loan' });
      // Later ticks (or another instance) flag it no more.
      await waitFor(async () => ((await flag()).data!.flagOverdueLoans.length === 0 ? true : undefined), { what: 'nothing left to flag' });
    } finally {
      await check.stop();
    }
    expect(await countOutboxEvents(em(), late.id, 'inventory.loan.overdue.v1')).toBe(1);
  });

  it('refuses bad input naming the field, and more than is available', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, warehouseId, '2');
    const base = { kind: 'LOAN', customerId: randomUUID(), warehouseId, productId, quantity: '1', expectedReturnDate: dayFromToday(7) };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ quantity: '3' }, 'input.quantity', 'INSUFFICIENT_STOCK'],
      [{ quantity: '-1' }, 'input.quantity', 'NEGATIVE_QUANTITY'],
      [{ quantity: '0.0001' }, 'input.quantity', 'QUANTITY_TOO_PRECISE'],
      [{ expectedReturnDate: null }, 'input.expectedReturnDate', 'REQUIRED'],
      [{ expectedReturnDate: '2026-02-30' }, 'input.expectedReturnDate', 'INVALID_DATE'],
      [{ customerId: 'nobody' }, 'input.customerId', 'MALFORMED_ID'],
    ];
    for (const [override, field, reason] of cases) {
      const result = await lend({ ...base, ...override });
      expect(result.errors?.[0]?.extensions, JSON.stringify(override)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    expect((await lend({ ...base, productId: unknownId })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.productId' });
    expect((await lend({ ...base, warehouseId: unknownId })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.warehouseId' });
    expect((await giveBack({ loanId: unknownId })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.loanId' });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '2' });
  });

  it('lets one of several concurrent full returns of a loan win; the others are CONFLICT', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, warehouseId, '3');
    const loan = (await lend({ kind: 'LOAN', customerId: randomUUID(), warehouseId, productId, quantity: '3', expectedReturnDate: dayFromToday(1) })).data!.lendStock;
    const race = await raceBehindRow<unknown>(subgraph.database.url, 'loan', loan.id, () => giveBack({ loanId: loan.id }), 5);
    expect(race.other).toEqual([]);
    expect(race.won).toHaveLength(1);
    expect(race.conflicts).toHaveLength(4);
    expect(await loanMoves(loan.id)).toHaveLength(2);
    expect(await countAuditEntries(em(), 'Loan', loan.id, 'UPDATE')).toBe(2);
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '3' });
  });
});

describe('loan state', () => {
  it('follows the quantities', () => {
    expect(loanState({ quantity: '2', returned: '0', converted: '0' })).toBe('OUT');
    expect(loanState({ quantity: '2', returned: '1', converted: '0' })).toBe('PARTLY_RETURNED');
    expect(loanState({ quantity: '2', returned: '0', converted: '1' })).toBe('PARTLY_RETURNED');
    expect(loanState({ quantity: '2', returned: '2', converted: '0' })).toBe('RETURNED');
    expect(loanState({ quantity: '2', returned: '1', converted: '1' })).toBe('KEPT');
  });
});
