import { formatAmount, formatQuantity, quantityUnits } from '@rapport/errors';
import { amountUnits } from './modules/order/order-totals.js';

// Demo data for goods in (issue 12: "a partial receipt, a bill with a price difference on hold", and an order received in full),
// made through the gateway as the people who would do it, for the demo-data script to call. It
// needs no import of any service's code beyond this file: it speaks GraphQL only.

/** One user's GraphQL call through the gateway: the answer's `data`, or a throw on errors (the demo script's `Session.call`). */
export type GatewayCall = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** How the bill's price differs from the order's: 5 % above, beyond purchasing's 2 % tolerance. */
const HELD_PRICE_PERCENT = 105n;

/** Asks `probe` every 250 ms until it gives a value (events travel between services), up to `ms`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`demo data: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface ExpectedLine {
  id: string;
  stillExpected: string;
}
interface OrderLine {
  id: string;
  receivedQuantity: string;
  unitPrice: { amount: string; currency: string };
  taxRate: string;
}

/** The first line inventory expects of an approved purchase order, once inventory learned the approval. */
const expectedLine = (clerk: GatewayCall, purchaseOrderId: string): Promise<ExpectedLine> =>
  eventually('inventory to expect the purchase order', async () => {
    const data = await clerk<{ expectedReceipts: { edges: { node: ExpectedLine }[] } }>(
      'query($f: ExpectedReceiptFilter) { expectedReceipts(filter: $f) { edges { node { id stillExpected } } } }',
      { f: { purchaseOrderId } },
    );
    return data.expectedReceipts.edges[0]?.node;
  });

const receive = (clerk: GatewayCall, purchaseOrderId: string, warehouseId: string, purchaseOrderLineId: string, quantity: string) =>
  clerk<{ receiveGoods: { id: string } }>('mutation($i: ReceiveGoodsInput!) { receiveGoods(input: $i) { id } }', {
    i: { purchaseOrderId, warehouseId, lines: [{ purchaseOrderLineId, quantity }] },
  });

/**
 * Receives everything the first line of an approved one-line purchase order still expects into
 * `warehouseId` (the warehouse, `clerk`), and waits until purchasing shows the order RECEIVED.
 */
export async function receiveInFull(as: { clerk: GatewayCall; buyer: GatewayCall }, purchaseOrderId: string, warehouseId: string): Promise<void> {
  const expected = await expectedLine(as.clerk, purchaseOrderId);
  await receive(as.clerk, purchaseOrderId, warehouseId, expected.id, expected.stillExpected);
  await eventually('purchasing to learn the receipt', async () => {
    const data = await as.buyer<{ purchaseOrder: { status: string } }>('query($id: ID!) { purchaseOrder(id: $id) { status } }', { id: purchaseOrderId });
    return data.purchaseOrder.status === 'RECEIVED' ? true : undefined;
  });
}

/**
 * Receives part of an approved purchase order and registers its supplier's bill for what came at a
 * price beyond the tolerance, so the bill is HELD (PRICE_DIFFERENCE): the warehouse (`clerk`, e.g. a
 * WAREHOUSE_CLERK) waits until inventory expects the order and receives half (rounded down to a
 * thousandth) of what its first line still expects into `warehouseId`; the `accountant` (e.g. an
 * ACCOUNTANT) waits until purchasing learned the receipt and bills that quantity at 105 % of the
 * order's price. The order must be APPROVED and its first line expect at least 0.002.
 */
export async function receivePartlyAndHoldBill(
  as: { clerk: GatewayCall; accountant: GatewayCall },
  input: { purchaseOrderId: string; warehouseId: string; supplierReference: string; billDate: string },
): Promise<{ receiptId: string; billId: string }> {
  const { purchaseOrderId, warehouseId } = input;
  const expected = await expectedLine(as.clerk, purchaseOrderId);
  const half = formatQuantity(quantityUnits(expected.stillExpected) / 2n);
  const received = await receive(as.clerk, purchaseOrderId, warehouseId, expected.id, half);

  const line = await eventually('purchasing to learn the receipt', async () => {
    const data = await as.accountant<{ purchaseOrder: { lines: OrderLine[] } }>(
      'query($id: ID!) { purchaseOrder(id: $id) { lines { id receivedQuantity unitPrice { amount currency } taxRate } } }',
      { id: purchaseOrderId },
    );
    const found = data.purchaseOrder.lines.find((l) => l.id === expected.id);
    return found && quantityUnits(found.receivedQuantity) >= quantityUnits(half) ? found : undefined;
  });
  const dearer = formatAmount((amountUnits(line.unitPrice.amount) * HELD_PRICE_PERCENT) / 100n);
  const bill = await as.accountant<{ registerSupplierBill: { id: string } }>('mutation($i: RegisterSupplierBillInput!) { registerSupplierBill(input: $i) { id } }', {
    i: {
      purchaseOrderId,
      supplierReference: input.supplierReference,
      billDate: input.billDate,
      lines: [{ purchaseOrderLineId: line.id, quantity: half, unitPrice: { amount: dearer, currency: line.unitPrice.currency }, taxRate: line.taxRate }],
    },
  });
  return { receiptId: received.receiveGoods.id, billId: bill.registerSupplierBill.id };
}
