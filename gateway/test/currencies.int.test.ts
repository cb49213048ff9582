import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Currencies through the gateway and over real Kafka: an accountant sets USD rates in finance
// (finance.rate.set.v1), sales copies them, and a rep's USD order shows in EUR in the sales
// performance; a USD invoice issued at one rate and paid at another shows the realised difference.

let system: TestSystem;
let accountant = '';
let clerk = '';
let rep = '';
let customerId = '';

const setRate = (validOn: string, rate: string) =>
  system.must(accountant, 'mutation($i: SetExchangeRateInput!) { setExchangeRate(input: $i) { id } }', { i: { fromCurrency: 'USD', toCurrency: 'EUR', validOn, rate } });

beforeAll(async () => {
  system = await startTestSystem('currencies');
  accountant = (await system.createUser({ email: 'cora.currency@rapport.example', displayName: 'Cora Currency', role: 'ACCOUNTANT' })).token;
  clerk = (await system.createUser({ email: 'will.ware@rapport.example', displayName: 'Will Ware', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'remy.rep@rapport.example', displayName: 'Remy Rep', role: 'SALES_REP' })).token;
}, 240_000);
afterAll(async () => system?.stop());

describe('currencies through the gateway', () => {
  it("an accountant's USD rate reaches sales, and a rep's USD order shows in EUR in the sales performance", async () => {
    await setRate(day(-10), '0.9');
    const productId = (
      await system.must<{ createProduct: { id: string } }>(
        clerk,
        'mutation { createProduct(input: { sku: "FX-PUMP", name: "Pump FX-1", listPrice: { amount: "100", currency: "EUR" }, standardCost: { amount: "50", currency: "EUR" } }) { id } }',
      )
    ).createProduct.id;
    customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Dollar Buyers Inc", kind: COMPANY }) { id } }'))
      .createCustomer.id;
    await system.untilSellable(productId);
    await system.mustOnceCustomerKnown(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
      i: { customerId, currency: 'USD', lines: [{ productId, quantity: '2', unitPrice: { amount: '123.45', currency: 'USD' } }] },
    });
    type Performance = { salesPerformance: { orderTotals: { amount: string; currency: string }[]; orderTotalInBase: { amount: string; currency: string } }[] };
    const performance = await waitFor(
      async () => {
        const answer = await system.as<Performance>(
          rep,
          'query($from: String!, $to: String!) { salesPerformance(from: $from, to: $to) { orderTotals { amount currency } orderTotalInBase { amount currency } } }',
          { from: day(-1), to: day(1) },
        );
        return answer.errors ? undefined : answer.data?.salesPerformance;
      },
      { what: "sales to copy finance's USD rate" },
    );
    // 2 × 123.45 = 246.90 USD at 0.9 = 222.21 EUR
    expect(performance).toEqual([{ orderTotals: [{ amount: '246.90', currency: 'USD' }], orderTotalInBase: { amount: '222.21', currency: 'EUR' } }]);
  });

  it('a USD invoice paid at a different rate shows the realised exchange difference on the allocation', async () => {
    const invoice = (
      await system.must<{ issueFreeInvoice: { id: string; rateToBase: string; baseTotal: { amount: string; currency: string } } }>(
        accountant,
        'mutation($i: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $i) { id rateToBase baseTotal { amount currency } } }',
        { i: { customerId, currency: 'USD', issueDate: day(-5), lines: [{ description: 'Installation', quantity: '1', unitPrice: '1000.00' }] } },
      )
    ).issueFreeInvoice;
    expect(invoice).toMatchObject({ rateToBase: '0.9', baseTotal: { amount: '900.00', currency: 'EUR' } });
    await setRate(day(0), '0.8765');
    const payment = await system.must<{ receivePayment: { baseAmount: { amount: string }; allocations: { exchangeDifference: { amount: string; currency: string } }[] } }>(
      accountant,
      'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { baseAmount { amount } allocations { exchangeDifference { amount currency } } } }',
      {
        i: { customerId, amount: { amount: '1000.00', currency: 'USD' }, method: 'BANK_TRANSFER', receivedOn: day(0), allocations: [{ invoiceId: invoice.id, amount: '1000.00' }] },
      },
    );
    // Received 876.50 EUR for what was billed as 900.00 EUR: a realised loss of 23.50.
    expect(payment.receivePayment).toEqual({ baseAmount: { amount: '876.50' }, allocations: [{ exchangeDifference: { amount: '-23.50', currency: 'EUR' } }] });
    const ageing = await system.as(rep, 'query($c: ID) { receivablesAgeingInBase(customerId: $c) { total { amount } } }', { c: customerId });
    expect(ageing.data).toEqual({ receivablesAgeingInBase: { total: { amount: '0.00' } } });
  });

  it('refuses a USD invoice or payment dated before the first USD rate, naming the field, the currency and the day', async () => {
    const invoice = await system.as(accountant, 'mutation($i: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $i) { id } }', {
      i: { customerId, currency: 'USD', issueDate: day(-30), lines: [{ description: 'Installation', quantity: '1', unitPrice: '10.00' }] },
    });
    expect(invoice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency', reason: 'RATE_MISSING' });
    expect(invoice.errors?.[0]?.message).toContain(`USD to EUR on or before ${day(-30)}`);
    const payment = await system.as(accountant, 'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { id } }', {
      i: { customerId, amount: { amount: '10.00', currency: 'USD' }, method: 'CASH', receivedOn: day(-30) },
    });
    expect(payment.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.currency', reason: 'RATE_MISSING' });
  });
});
