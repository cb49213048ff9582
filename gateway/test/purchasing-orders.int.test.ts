import { randomUUID } from 'node:crypto';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Purchase orders and inventory, through the gateway over real Kafka: purchasing checks the
// warehouse an order names against inventory's announced warehouses (unknown or out of use:
// refused naming the field), and a change voiding an order's approval makes inventory stop
// expecting it (incoming drops, nothing may be received against it) until it is approved again.
// Supplier opening balances entered by accounting are payables like bills: paid, and then owed no more.

let system: TestSystem;
let clerk = '';
let buyer = '';
let accountant = '';
let productId = '';
let supplierId = '';
let berlin = '';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const PO = 'id status lines { id quantity }';
type Po = { id: string; status: string; lines: { id: string; quantity: string }[] };

const createPo = (warehouseId: string, quantity: string) =>
  system.as<{ createPurchaseOrder: Po }>(buyer, `mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { ${PO} } }`, {
    i: { supplierId, warehouseId, lines: [{ productId, quantity, unitPrice: eur('25') }] },
  });
const act = async (mutation: string, id: string): Promise<Po> =>
  (await system.must<Record<string, Po>>(buyer, `mutation($id: ID!) { ${mutation}(id: $id) { ${PO} } }`, { id }))[mutation]!;
const incoming = async (): Promise<string | undefined> => {
  const { product } = await system.must<{ product: { stock: { warehouse: { id: string } | null; incoming: string }[] } }>(
    clerk,
    'query($id: ID!) { product(id: $id) { stock { warehouse { id } incoming } } }',
    { id: productId },
  );
  return product.stock.find((l) => l.warehouse?.id === berlin)?.incoming;
};
const stillExpected = async (purchaseOrderId: string): Promise<string[]> =>
  (
    await system.must<{ expectedReceipts: { edges: { node: { stillExpected: string } }[] } }>(
      clerk,
      'query($f: ExpectedReceiptFilter) { expectedReceipts(filter: $f) { edges { node { stillExpected } } } }',
      { f: { purchaseOrderId, open: false } },
    )
  ).expectedReceipts.edges.map((e) => e.node.stillExpected);

beforeAll(async () => {
  system = await startTestSystem('purchasing-orders');
  const user = async (role: string) => (await system.createUser({ email: `${role.toLowerCase()}-${randomUUID().slice(0, 6)}@rapport.example`, role })).token;
  [clerk, buyer, accountant] = (await Promise.all(['WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT'].map(user))) as [string, string, string];
  const made = await system.must<{ createProduct: { id: string }; createWarehouse: { id: string } }>(
    clerk,
    `mutation {
      createProduct(input: { sku: "PO-WH-VALVE", name: "Valve WH", listPrice: { amount: "60", currency: "EUR" }, standardCost: { amount: "25", currency: "EUR" } }) { id }
      createWarehouse(input: { code: "PO-BER", name: "Berlin" }) { id }
    }`,
  );
  productId = made.createProduct.id;
  berlin = made.createWarehouse.id;
  supplierId = (await system.must<{ createSupplier: { id: string } }>(buyer, 'mutation { createSupplier(input: { name: "Ventile Ost GmbH", currency: "EUR" }) { id } }'))
    .createSupplier.id;
}, 240_000);
afterAll(async () => system?.stop());

describe('the warehouse a purchase order names', () => {
  it('is accepted once inventory announced it, refused when unknown, and refused once inventory takes it out of use', async () => {
    // Purchasing learns the product and the warehouse from inventory's events.
    const first = await waitFor(async () => (await createPo(berlin, '1')).data?.createPurchaseOrder ?? undefined, { what: 'purchasing to learn the product and the warehouse' });
    expect(first.status).toBe('DRAFT');
    expect((await createPo(randomUUID(), '1')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.warehouseId', reason: 'WAREHOUSE_NOT_FOUND' });

    const spare = (await system.must<{ createWarehouse: { id: string } }>(clerk, 'mutation { createWarehouse(input: { code: "PO-OLD", name: "Old depot" }) { id } }'))
      .createWarehouse.id;
    await waitFor(async () => ((await createPo(spare, '1')).errors ? undefined : true), { what: 'purchasing to learn the spare warehouse' });
    const retired = await system.must<{ updateWarehouse: { active: boolean } }>(clerk, 'mutation($id: ID!) { updateWarehouse(id: $id, input: { active: false }) { active } }', {
      id: spare,
    });
    expect(retired.updateWarehouse.active).toBe(false);
    const refused = await waitFor(
      async () => {
        const extensions = (await createPo(spare, '1')).errors?.[0]?.extensions;
        return extensions?.reason === 'WAREHOUSE_INACTIVE' ? extensions : undefined;
      },
      { what: 'purchasing to learn the warehouse is out of use' },
    );
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.warehouseId' });
  });
});

describe('a voided approval', () => {
  it('withdraws the expected receipt until the order is approved again; cancelling withdraws it for good', async () => {
    const po = (await createPo(berlin, '10')).data!.createPurchaseOrder;
    expect(await act('submitPurchaseOrder', po.id)).toMatchObject({ status: 'APPROVED' });
    await waitFor(async () => ((await incoming()) === '10' ? true : undefined), { what: 'inventory to expect the approved order' });
    expect(await stillExpected(po.id)).toEqual(['10']);

    // A change voids the approval: a draft again, and inventory no longer expects it.
    const changed = await system.must<{ updatePurchaseOrderLine: { status: string } }>(
      buyer,
      'mutation($id: ID!, $l: ID!) { updatePurchaseOrderLine(id: $id, lineId: $l, input: { quantity: "6" }) { status } }',
      { id: po.id, l: po.lines[0]!.id },
    );
    expect(changed.updatePurchaseOrderLine.status).toBe('DRAFT');
    await waitFor(async () => ((await incoming()) === '0' ? true : undefined), { what: 'inventory to stop expecting the voided order' });
    expect(await stillExpected(po.id)).toEqual(['0']);
    const receive = await system.as(clerk, 'mutation($i: ReceiveGoodsInput!) { receiveGoods(input: $i) { id } }', {
      i: { purchaseOrderId: po.id, warehouseId: berlin, lines: [{ purchaseOrderLineId: po.lines[0]!.id, quantity: '6' }] },
    });
    expect(receive.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LINE_NOT_EXPECTED' });

    // Approved again: expected again, with the changed quantity.
    expect(await act('submitPurchaseOrder', po.id)).toMatchObject({ status: 'APPROVED' });
    await waitFor(async () => ((await incoming()) === '6' ? true : undefined), { what: 'inventory to expect the order approved again' });

    // Voided, then cancelled while a draft: nothing is expected, and stays so.
    await system.must(buyer, 'mutation($id: ID!, $l: ID!) { updatePurchaseOrderLine(id: $id, lineId: $l, input: { quantity: "5" }) { status } }', {
      id: po.id,
      l: po.lines[0]!.id,
    });
    expect(await act('cancelPurchaseOrder', po.id)).toMatchObject({ status: 'CANCELLED' });
    await waitFor(async () => ((await incoming()) === '0' ? true : undefined), { what: 'inventory to stop expecting the cancelled order' });
    expect(await stillExpected(po.id)).toEqual(['0']);
  });
});

describe('supplier opening balances', () => {
  it('are entered by accounting, refused to buyers, and paid off like any bill', async () => {
    const input = [{ supplierId, reference: 'OLD-77', amount: eur('480.25'), billDate: '2026-09-01' }];
    const enter = 'mutation($i: [SupplierOpeningBalanceInput!]!) { enterSupplierOpeningBalances(input: $i) { id status openingBalance grossTotal { amount } } }';
    expect((await system.as(buyer, enter, { i: input })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const [bill] = (
      await system.must<{ enterSupplierOpeningBalances: { id: string; status: string; openingBalance: boolean; grossTotal: { amount: string } }[] }>(accountant, enter, {
        i: input,
      })
    ).enterSupplierOpeningBalances;
    expect(bill).toMatchObject({ status: 'OPEN', openingBalance: true, grossTotal: { amount: '480.25' } });
    const owed = async () =>
      (
        await system.must<{ supplierPayables: { owed: { amount: string } }[] }>(accountant, 'query($s: ID) { supplierPayables(supplierId: $s) { owed { amount } } }', {
          s: supplierId,
        })
      ).supplierPayables[0]?.owed.amount;
    expect(await owed()).toBe('480.25');
    await system.must(accountant, 'mutation($i: MakeSupplierPaymentInput!) { makeSupplierPayment(input: $i) { id } }', {
      i: { supplierId, amount: eur('480.25'), method: 'BANK_TRANSFER', allocations: [{ billId: bill!.id, amount: eur('480.25') }] },
    });
    // Nothing owed any more: the supplier leaves the payables list.
    expect(await owed()).toBeUndefined();
  });
});
