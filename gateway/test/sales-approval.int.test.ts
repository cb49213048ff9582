import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Discount governance through the gateway, as the README tour tells it: a rep quotes a discount
// over her limit, cannot send it, asks for approval; she cannot approve it herself; her team head
// sees it among his pending approvals and approves it with a comment; she sends it, the customer
// accepts, and the order it becomes shows on the customer with its delivery and invoice state.
// A direct order at the same discount is refused.

let system: TestSystem;
let rep = '';
let repId = '';
let head = '';
let headId = '';
let customerId = '';
let productId = '';

interface Quotation {
  id: string;
  number: string;
  status: string;
  approvalFindings: { kind: string; message: string }[];
  approval: { status: string; requestedBy: string; decidedBy: string | null; decisionComment: string | null } | null;
}
const fields = 'id number status approvalFindings { kind message } approval { status requestedBy decidedBy decisionComment }';

beforeAll(async () => {
  system = await startTestSystem('sales-approval');
  const team = (await system.must<{ createTeam: { id: string } }>(system.adminToken, `mutation { createTeam(input: { name: "Sales North" }) { id } }`)).createTeam.id;
  ({ id: repId, token: rep } = await system.createUser({ email: 'rita.rep@rapport.example', displayName: 'Rita Rep', role: 'SALES_REP', teamId: team }));
  ({ id: headId, token: head } = await system.createUser({ email: 'hugo.head@rapport.example', displayName: 'Hugo Head', role: 'SALES_MANAGER', teamId: team }));
  productId = (
    await system.must<{ createProduct: { id: string } }>(
      system.adminToken,
      `mutation { createProduct(input: { sku: "GOV-PUMP", name: "Centrifugal pump CP-40", listPrice: { amount: "1290", currency: "EUR" }, standardCost: { amount: "700", currency: "EUR" } }) { id } }`,
    )
  ).createProduct.id;
  customerId = (await system.must<{ createCustomer: { id: string } }>(rep, `mutation { createCustomer(input: { name: "Nordwerk AG", kind: COMPANY }) { id } }`)).createCustomer.id;
  await system.untilSellable(productId);
}, 240_000);
afterAll(async () => system?.stop());

describe('a discount over the rep’s limit, through the gateway', () => {
  it('is refused to send and to order directly, approved by her team head (not by herself), then sent, accepted and ordered', async () => {
    const line = { productId, quantity: '2', discountPercent: '15', taxRate: '19' };
    // Sales learns the rep's new customer from customers' event: until then the draft is refused as not known (yet).
    const drafted = (
      await system.mustOnceCustomerKnown<{ createQuotation: Quotation }>(rep, `mutation($i: CreateQuotationInput!) { createQuotation(input: $i) { ${fields} } }`, {
        i: { customerId, currency: 'EUR', lines: [line] },
      })
    ).createQuotation;
    expect(drafted.approvalFindings.map((f) => f.message)).toEqual(['line 1: discount 15 % is over the limit of 10 %', 'total discount 15 % is over the limit of 5 %']);
    const q = drafted.id;

    const send = await system.as(rep, 'mutation($id: ID!) { sendQuotation(id: $id) { id } }', { id: q });
    expect(send.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPROVAL_REQUIRED' });
    const direct = await system.as(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', { i: { customerId, currency: 'EUR', lines: [line] } });
    expect(direct.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPROVAL_REQUIRED', field: 'input.lines' });

    const asked = await system.must<{ requestQuotationApproval: Quotation }>(
      rep,
      `mutation($id: ID!) { requestQuotationApproval(id: $id, comment: "Framework deal") { ${fields} } }`,
      {
        id: q,
      },
    );
    expect(asked.requestQuotationApproval).toMatchObject({ status: 'AWAITING_APPROVAL', approval: { status: 'PENDING', requestedBy: repId } });
    const self = await system.as(rep, 'mutation($id: ID!) { approveQuotation(id: $id) { id } }', { id: q });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });

    const pending = await system.must<{ pendingDiscountApprovals: { quotation: { number: string } | null; requestedBy: string }[] }>(
      head,
      '{ pendingDiscountApprovals { requestedBy quotation { number } } }',
    );
    expect(pending.pendingDiscountApprovals).toEqual([{ requestedBy: repId, quotation: { number: drafted.number } }]);
    const approved = await system.must<{ approveQuotation: Quotation }>(
      head,
      `mutation($id: ID!) { approveQuotation(id: $id, comment: "Once, for the framework") { ${fields} } }`,
      {
        id: q,
      },
    );
    expect(approved.approveQuotation).toMatchObject({ status: 'APPROVED', approval: { status: 'APPROVED', decidedBy: headId, decisionComment: 'Once, for the framework' } });

    await system.must(rep, 'mutation($id: ID!) { sendQuotation(id: $id) { id } }', { id: q });
    await system.must(rep, 'mutation($id: ID!) { acceptQuotation(id: $id) { id } }', { id: q });
    const order = await system.must<{ convertQuotation: { id: string; status: string; total: { amount: string } } }>(
      rep,
      'mutation($id: ID!) { convertQuotation(id: $id) { id status total { amount } } }',
      { id: q },
    );
    // 2 × 1290 × 0.85
    expect(order.convertQuotation).toMatchObject({ status: 'CONFIRMED', total: { amount: '2193.00' } });

    const customer = await system.must<{ customer: { openOrders: { id: string; status: string; deliveryStatus: string; invoiceStatus: string }[] } }>(
      rep,
      'query($id: ID!) { customer(id: $id) { openOrders { id status deliveryStatus invoiceStatus } } }',
      { id: customerId },
    );
    expect(customer.customer.openOrders).toEqual([{ id: order.convertQuotation.id, status: 'CONFIRMED', deliveryStatus: 'NOTHING_DELIVERED', invoiceStatus: 'NOTHING_INVOICED' }]);
  });
});
