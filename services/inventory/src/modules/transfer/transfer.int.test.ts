import { holdRowLock } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { aConfirmedOrder, aProduct, aWarehouse, receive, unknownId, useCheckedInventorySubgraph } from '../../test-fixtures.js';
import { transferState } from './transfer.service.js';

const subgraph = useCheckedInventorySubgraph();
const em = () => subgraph.service.orm.em.fork();

const transferFields = 'id number state reason fromWarehouse { id } toWarehouse { id } lines { product { id } quantity received inTransit }';
interface TransferView {
  id: string;
  number: string;
  state: string;
  lines: { product: { id: string }; quantity: string; received: string; inTransit: string }[];
}
const send = (input: Record<string, unknown>) =>
  subgraph.gql<{ transferStock: TransferView }>(`mutation($input: TransferStockInput!) { transferStock(input: $input) { ${transferFields} } }`, { input });
const arrive = (input: Record<string, unknown>) =>
  subgraph.gql<{ receiveTransfer: TransferView }>(`mutation($input: ReceiveTransferInput!) { receiveTransfer(input: $input) { ${transferFields} } }`, { input });

async function levelOf(productId: string, warehouseId: string): Promise<{ onHand: string; reserved: string; available: string; inTransit: string } | undefined> {
  const result = await subgraph.gql<{ stockLevels: { edges: { node: { onHand: string; reserved: string; available: string; inTransit: string } }[] } }>(
    'query($f: StockLevelFilter) { stockLevels(filter: $f) { edges { node { onHand reserved available inTransit } } } }',
    { f: { productId, warehouseId } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.stockLevels.edges[0]?.node;
}

describe('transfers between warehouses', () => {
  it('sends goods out (in transit at the destination) and receives them partly, then the rest, with the ledger on both sides', async () => {
    const [pump, valve, from, to] = [await aProduct(subgraph), await aProduct(subgraph), await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, pump, from, '10');
    await receive(subgraph, valve, from, '4');
    const sent = await send({
      fromWarehouseId: from,
      toWarehouseId: to,
      reason: 'restock the branch',
      lines: [
        { productId: pump, quantity: '6' },
        { productId: valve, quantity: '1.5' },
      ],
    });
    expect(sent.errors).toBeUndefined();
    const transfer = sent.data!.transferStock;
    expect(transfer).toMatchObject({ state: 'IN_TRANSIT', reason: 'restock the branch' });
    expect(transfer.number).toMatch(/^TR-\d{6}$/);
    expect(await levelOf(pump, from)).toMatchObject({ onHand: '4', inTransit: '0' });
    expect(await levelOf(pump, to)).toMatchObject({ onHand: '0', inTransit: '6' });
    expect(await levelOf(valve, to)).toMatchObject({ inTransit: '1.5' });

    const partly = await arrive({ transferId: transfer.id, lines: [{ productId: pump, quantity: '2.5' }] });
    expect(partly.errors).toBeUndefined();
    expect(partly.data!.receiveTransfer.state).toBe('PARTLY_RECEIVED');
    expect(partly.data!.receiveTransfer.lines.find((l) => l.product.id === pump)).toMatchObject({ quantity: '6', received: '2.5', inTransit: '3.5' });
    expect(await levelOf(pump, to)).toMatchObject({ onHand: '2.5', inTransit: '3.5' });

    const rest = await arrive({ transferId: transfer.id });
    expect(rest.errors).toBeUndefined();
    expect(rest.data!.receiveTransfer.state).toBe('RECEIVED');
    expect(await levelOf(pump, to)).toMatchObject({ onHand: '6', inTransit: '0' });
    expect(await levelOf(valve, to)).toMatchObject({ onHand: '1.5', inTransit: '0' });
    expect(await levelOf(valve, from)).toMatchObject({ onHand: '2.5' });

    const moves = await subgraph.gql<{ stockMoves: { edges: { node: { kind: string; quantity: string; warehouse: { id: string }; referenceId: string } }[] } }>(
      'query($f: StockMoveFilter) { stockMoves(filter: $f) { edges { node { kind quantity warehouse { id } referenceId } } } }',
      { f: { productId: pump } },
    );
    const transferMoves = moves.data!.stockMoves.edges.map((e) => e.node).filter((m) => m.referenceId === transfer.id);
    expect(transferMoves.map((m) => [m.kind, m.quantity, m.warehouse.id]).sort()).toEqual(
      [
        ['TRANSFER_IN', '2.5', to],
        ['TRANSFER_IN', '3.5', to],
        ['TRANSFER_OUT', '-6', from],
      ].sort(),
    );
    const again = await arrive({ transferId: transfer.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TRANSFER_RECEIVED' });

    const listed = await subgraph.gql<{ transfers: { edges: { node: { id: string; state: string } }[] } }>(
      'query($f: TransferFilter) { transfers(filter: $f) { edges { node { id state } } } }',
      { f: { toWarehouseId: to, state: 'RECEIVED' } },
    );
    expect(listed.data!.transfers.edges.map((e) => e.node)).toEqual([{ id: transfer.id, state: 'RECEIVED' }]);
  });

  it('refuses to send more than is available at the source (reserved stock included), and writes nothing', async () => {
    const [productId, from, to] = [await aProduct(subgraph), await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, from, '5');
    await aConfirmedOrder(subgraph, [{ productId, quantity: '2' }], { warehouseId: from });
    const tooMuch = await send({ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId, quantity: '3.001' }] });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity', reason: 'INSUFFICIENT_STOCK', details: { available: '3' } });
    const [written] = await em().execute<{ n: number }[]>('select count(*)::int as n from transfer where from_warehouse_id = ?', [from]);
    expect(written!.n).toBe(0);
    expect(await levelOf(productId, to)).toBeUndefined();
  });

  it('serves a shortage waiting in the destination from what arrives', async () => {
    const [productId, from, to] = [await aProduct(subgraph), await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, from, '5');
    await aConfirmedOrder(subgraph, [{ productId, quantity: '3' }], { warehouseId: to });
    const sent = await send({ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId, quantity: '4' }] });
    await arrive({ transferId: sent.data!.transferStock.id, lines: [{ productId, quantity: '2' }] });
    expect(await levelOf(productId, to)).toMatchObject({ onHand: '2', reserved: '2', available: '0', inTransit: '2' });
    await arrive({ transferId: sent.data!.transferStock.id });
    expect(await levelOf(productId, to)).toMatchObject({ onHand: '4', reserved: '3', available: '1', inTransit: '0' });
  });

  it('refuses bad input naming the field', async () => {
    const [productId, from, to] = [await aProduct(subgraph), await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, from, '5');
    const line = (overrides: Record<string, unknown> = {}) => ({ productId, quantity: '1', ...overrides });
    const sendCases: [Record<string, unknown>, string, string][] = [
      [{ fromWarehouseId: unknownId }, 'NOT_FOUND', 'input.fromWarehouseId'],
      [{ toWarehouseId: unknownId }, 'NOT_FOUND', 'input.toWarehouseId'],
      [{ toWarehouseId: from }, 'BAD_USER_INPUT', 'input.toWarehouseId'],
      [{ toWarehouseId: 'w' }, 'BAD_USER_INPUT', 'input.toWarehouseId'],
      [{ lines: [] }, 'BAD_USER_INPUT', 'input.lines'],
      [{ lines: [line({ quantity: '-1' })] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
      [{ lines: [line({ quantity: '0.0005' })] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
      [{ lines: [line(), line({ productId: unknownId })] }, 'NOT_FOUND', 'input.lines[1].productId'],
      [{ lines: [line(), line()] }, 'BAD_USER_INPUT', 'input.lines[1].productId'],
    ];
    for (const [overrides, code, field] of sendCases) {
      const result = await send({ fromWarehouseId: from, toWarehouseId: to, lines: [line()], ...overrides });
      expect(result.errors?.[0]?.extensions, `${field} ${JSON.stringify(overrides)}`).toMatchObject({ code, field });
    }
    expect(await levelOf(productId, from)).toMatchObject({ onHand: '5' });

    const transfer = (await send({ fromWarehouseId: from, toWarehouseId: to, lines: [line({ quantity: '2' })] })).data!.transferStock;
    const other = await aProduct(subgraph);
    const arriveCases: [Record<string, unknown>, string, string][] = [
      [{ transferId: unknownId }, 'NOT_FOUND', 'input.transferId'],
      [{ lines: [line({ quantity: '2.001' })] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
      [{ lines: [line({ quantity: '0' })] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
      [{ lines: [line({ productId: other })] }, 'BAD_USER_INPUT', 'input.lines[0].productId'],
      [{ lines: [] }, 'BAD_USER_INPUT', 'input.lines'],
    ];
    for (const [overrides, code, field] of arriveCases) {
      const result = await arrive({ transferId: transfer.id, ...overrides });
      expect(result.errors?.[0]?.extensions, `${field} ${JSON.stringify(overrides)}`).toMatchObject({ code, field });
    }
    expect(await levelOf(productId, to)).toMatchObject({ onHand: '0', inTransit: '2' });
    const rep = await subgraph.gqlAs({ role: 'SALES_REP' }, `mutation($input: ReceiveTransferInput!) { receiveTransfer(input: $input) { id } }`, {
      input: { transferId: transfer.id },
    });
    expect(rep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const seen = await subgraph.gqlAs<{ transfer: { number: string } }>({ role: 'SALES_REP' }, 'query($id: ID!) { transfer(id: $id) { number } }', { id: transfer.id });
    expect(seen.data!.transfer.number).toBe(transfer.number);
  });

  it('runs concurrent transfers out of one warehouse one at a time: never more than was there', async () => {
    const [productId, from, to] = [await aProduct(subgraph), await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, from, '10');
    const held = await holdRowLock(subgraph.database.url, 'product', productId);
    const racing = Promise.all(Array.from({ length: 8 }, () => send({ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId, quantity: '3' }] })));
    await held.waitForWaiters(8);
    await held.release();
    const results = await racing;
    const won = results.filter((r) => !r.errors).length;
    const reasons = results.filter((r) => r.errors).map((r) => String(r.errors?.[0]?.extensions?.reason));
    expect(reasons.every((reason) => reason === 'INSUFFICIENT_STOCK' || reason === 'CONCURRENT_TRANSITION')).toBe(true);
    // Three fit; one that gave up waiting for the lock (CONFLICT, under load) may leave its units behind.
    expect(won).toBeLessThanOrEqual(3);
    expect(won + reasons.filter((r) => r === 'CONCURRENT_TRANSITION').length).toBeGreaterThanOrEqual(3);
    expect(await levelOf(productId, from)).toMatchObject({ onHand: String(10 - 3 * won) });
    expect(await levelOf(productId, to)).toMatchObject({ inTransit: String(3 * won) });
  });
});

describe('a transfer’s state', () => {
  it('follows what its lines received', () => {
    expect(transferState([{ quantity: '2', received: '0' }])).toBe('IN_TRANSIT');
    expect(
      transferState([
        { quantity: '2', received: '2' },
        { quantity: '1', received: '0' },
      ]),
    ).toBe('PARTLY_RECEIVED');
    expect(
      transferState([
        { quantity: '2', received: '2' },
        { quantity: '1', received: '1' },
      ]),
    ).toBe('RECEIVED');
  });
});
