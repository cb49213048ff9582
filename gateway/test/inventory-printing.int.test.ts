import { randomUUID } from 'node:crypto';
import { readPdf } from '@rapport/print/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStockedProductAndCustomer, inventoryKnows, startTestSystem, type TestSystem } from './harness.js';

// Delivery notes end to end, through the gateway only and over real Kafka: inventory learns the
// company profile (identity), the customer's addresses (customers) and the order's number (sales)
// from their events, and prints a shipping notice shipped partly with the quantities that went out,
// the rest to follow on the backorder, the ship-to address, the order and the tracking number.

let system: TestSystem;
let clerk = '';
let rep = '';
let otherRep = '';
let customerId = '';
let orderNumber = '';
let notice = { id: '', number: '', pdfPath: '' };
let backorder = { id: '', number: '' };

type Notices = { shipments: { edges: { node: { id: string; number: string; status: string; deliveryNotePdfPath: string; lines: { planned: string }[] } }[] } };

const get = (token: string | null, path: string, method = 'GET'): Promise<Response> =>
  fetch(`${system.baseUrl}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

const pdfText = async (token: string, path: string): Promise<string> => {
  const response = await get(token, path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages.join('\n');
};

beforeAll(async () => {
  system = await startTestSystem('inventory-printing');
  clerk = (await system.createUser({ email: 'dora.dn.clerk@rapport.example', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'dirk.dn.rep@rapport.example', role: 'SALES_REP' })).token;
  otherRep = (await system.createUser({ email: 'olaf.dn.other@rapport.example', role: 'SALES_REP' })).token;
}, 240_000);
afterAll(async () => system?.stop());

describe('delivery notes through the gateway', () => {
  it('plans a notice for what is reserved of an order and offers its delivery note', async () => {
    await system.must(system.adminToken, 'mutation($i: UpdateCompanyProfileInput!) { updateCompanyProfile(input: $i) { version } }', {
      i: { name: 'Elbe Valves GmbH', street: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' },
    });
    const stocked = await aStockedProductAndCustomer(
      system,
      { clerk, rep },
      {
        sku: 'DN-VALVE',
        name: 'Ball valve DN50',
        listPrice: '120',
        standardCost: '70',
        warehouseCode: 'DN-HAM',
        warehouseName: 'Hamburg',
        quantity: '5',
        customerName: 'Kieler Werft AG',
      },
    );
    const { productId } = stocked;
    customerId = stocked.customerId;
    for (const address of [
      { kind: 'BILLING', street: 'Rechnungsweg 1', postalCode: '24103', city: 'Kiel', country: 'DE' },
      { kind: 'SHIPPING', street: 'Werftkai 9', postalCode: '24143', city: 'Kiel', country: 'DE' },
    ]) {
      await system.must(rep, 'mutation($i: AddAddressInput!) { addAddress(input: $i) { id } }', { i: { customerId, ...address } });
    }
    const placed = await system.mustOnceCustomerKnown<{ placeOrder: { number: string } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { number } }', {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '8' }] },
    });
    orderNumber = placed.placeOrder.number;

    const planned = await waitFor(
      async () => {
        const { shipments } = await system.must<Notices>(
          rep,
          'query($c: ID!) { shipments(filter: { customerId: $c }) { edges { node { id number status deliveryNotePdfPath lines { planned } } } } }',
          { c: customerId },
        );
        const node = shipments.edges[0]?.node;
        return node?.lines[0]?.planned === '5' ? node : undefined;
      },
      { what: 'inventory to plan a notice for the 5 units reserved' },
    );
    notice = { id: planned.id, number: planned.number, pdfPath: planned.deliveryNotePdfPath };
    expect(notice.pdfPath).toBe(`/files/inventory/delivery-notes/${notice.id}.pdf`);

    // The letterhead, the ship-to address and the order number come by events: wait until inventory has them.
    await waitFor(() => inventoryKnows(system, 'select count(*)::int as n from company_profile_copy', []), { what: 'inventory to copy the company profile' });
    await waitFor(() => inventoryKnows(system, "select count(*)::int as n from print_customer_address where customer_id = ? and kind = 'SHIPPING'", [customerId]), {
      what: "inventory to copy the customer's shipping address",
    });
    const text = await pdfText(rep, notice.pdfPath);
    for (const expected of [
      `Delivery note ${notice.number}`,
      'Elbe Valves GmbH',
      'Kieler Werft AG',
      'Werftkai 9',
      '24143 Kiel',
      orderNumber,
      'DN-VALVE',
      'Ball valve DN50',
      'Hamburg',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Rechnungsweg 1');
  });

  it('prints a notice shipped partly with what went out, the tracking number and the rest to follow on its backorder', async () => {
    const lineId = (
      await system.must<{ shipment: { lines: { orderLineId: string }[] } }>(clerk, 'query($id: ID!) { shipment(id: $id) { lines { orderLineId } } }', { id: notice.id })
    ).shipment.lines[0]!.orderLineId;
    await system.must(
      clerk,
      'mutation($id: ID!, $l: ID!) { shipShipment(shipmentId: $id, lines: [{ orderLineId: $l, quantity: "3" }], carrier: "DHL", trackingNumber: "DHL-4711-0815") { id } }',
      { id: notice.id, l: lineId },
    );
    const { shipments } = await system.must<Notices>(
      clerk,
      'query($c: ID!) { shipments(filter: { customerId: $c, status: PLANNED }) { edges { node { id number status deliveryNotePdfPath lines { planned } } } } }',
      {
        c: customerId,
      },
    );
    backorder = { id: shipments.edges[0]!.node.id, number: shipments.edges[0]!.node.number };
    expect(shipments.edges[0]!.node.lines[0]!.planned).toBe('2');

    const shipped = await pdfText(rep, notice.pdfPath);
    expect(shipped).toMatch(/Carrier\s+DHL\n/);
    expect(shipped).toMatch(/Tracking no\.\s+DHL-4711-0815\n/);
    expect(shipped).toMatch(new RegExp(`\\nBackorder\\s+${backorder.number}`));
    expect(shipped).toContain('We delivered the following goods.');
    // The quantity column shows what went out (3, not the 5 planned), the description the rest to follow.
    expect(shipped).toMatch(/DN-VALVE\s+Ball valve DN50 — backorder: 2 to follow\s+3 pcs/);

    const rest = await pdfText(clerk, `/files/inventory/delivery-notes/${backorder.id}.pdf`);
    expect(rest).toContain(`Delivery note ${backorder.number}`);
    expect(rest).toMatch(new RegExp(`Backorder of\\s+${notice.number}`));
    expect(rest).toMatch(/DN-VALVE\s+Ball valve DN50\s+2 pcs/);
    expect(rest).toContain('The following goods are planned to be delivered.');
  });

  it('answers HEAD and a matching ETag, and hides the note from whoever may not see the customer', async () => {
    const head = await get(rep, notice.pdfPath, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-disposition')).toContain(`Delivery note ${notice.number}.pdf`);
    const etag = head.headers.get('etag')!;
    const again = await fetch(`${system.baseUrl}${notice.pdfPath}`, { headers: { authorization: `Bearer ${rep}`, 'if-none-match': etag } });
    expect(again.status).toBe(304);

    expect((await get(otherRep, notice.pdfPath)).status).toBe(404);
    expect((await get(null, notice.pdfPath)).status).toBe(401);
    expect((await get(rep, `/files/inventory/delivery-notes/${randomUUID()}.pdf`)).status).toBe(404);
    expect((await get(rep, notice.pdfPath, 'DELETE')).status).toBe(405);
    await system.expectStockBalanced();
  });
});
