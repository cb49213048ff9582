import { randomUUID } from 'node:crypto';
import { BaseCurrencySetV1, createEvent, RateSetV1, type CloudEvent } from '@rapport/contracts';
import { grantCustomerAccess, startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';

let subgraph: TestSubgraph;
const repId = randomUUID();
const repA: TestPrincipal = { userId: repId, role: 'SALES_REP', teamIds: [randomUUID()] };
const customerA = randomUUID();

/** Publishes finance's event through Kafka and waits until sales' consumer committed past it. */
const deliver = async (event: CloudEvent): Promise<void> => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
const rateSet = (fromCurrency: string, toCurrency: string, validOn: string, rate: string, setAt: string, rateId: string = randomUUID()) =>
  createEvent(RateSetV1, `${fromCurrency}-${toCurrency}`, { rateId, fromCurrency, toCurrency, validOn, rate, baseCurrency: 'EUR', setAt });

let orderNo = 0;
/** An order straight into the tables (the order module's own tests cover placing orders). */
async function order(confirmedAt: string, currency: string, total: string): Promise<void> {
  orderNo += 1;
  await subgraph.sql(
    `insert into sales_order (id, number, customer_id, status, currency, total, tax_total, gross_total, confirmed_at, created_at, updated_at)
     values (?, ?, ?, 'CONFIRMED', ?, ?, 0, ?, ?, now(), now())`,
    [randomUUID(), `RC-${orderNo}`, customerA, currency, total, total, confirmedAt],
  );
}
const performance = () =>
  subgraph.gqlAs<{ salesPerformance: { orderTotals: { amount: string; currency: string }[]; orderTotalInBase: { amount: string; currency: string } }[] }>(
    repA,
    '{ salesPerformance(from: "2026-03-01", to: "2026-04-01") { orderTotals { amount currency } orderTotalInBase { amount currency } } }',
  );

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService, { kafka: true });
  await grantCustomerAccess(subgraph, { customerId: customerA, ownerId: repId });
  await order('2026-03-05T10:00:00Z', 'EUR', '100.00');
  await order('2026-03-10T10:00:00Z', 'USD', '200.00');
  await order('2026-03-20T10:00:00Z', 'USD', '50.00');
});
afterAll(async () => subgraph?.stop());

describe("sales' copy of finance's exchange rates", () => {
  it('refuses a base-currency total naming the currency and day while no rate is known, and keeps the totals per currency', async () => {
    const answer = await performance();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderTotalInBase', reason: 'RATE_MISSING' });
    expect(answer.errors?.[0]?.message).toMatch(/USD to EUR on or before 2026-03-10/);
  });

  it('converts each day of orders at the rate of that day from finance.rate.set.v1, and a late older correction changes nothing', async () => {
    const march = randomUUID();
    await deliver(rateSet('USD', 'EUR', '2026-03-01', '0.9', '2026-03-01T08:00:00Z', march));
    await deliver(rateSet('EUR', 'USD', '2026-03-15', '1.25', '2026-03-15T08:00:00Z'));
    // 100 EUR + 200 USD × 0.9 (180.00) + 50 USD × 1/1.25 = 0.8 (40.00)
    expect((await performance()).data?.salesPerformance).toEqual([
      {
        orderTotals: [
          { amount: '100.00', currency: 'EUR' },
          { amount: '250.00', currency: 'USD' },
        ],
        orderTotalInBase: { amount: '320.00', currency: 'EUR' },
      },
    ]);
    await deliver(rateSet('USD', 'EUR', '2026-03-01', '0.95', '2026-03-02T08:00:00Z', march));
    await deliver(rateSet('USD', 'EUR', '2026-03-01', '0.5', '2026-02-01T08:00:00Z', march));
    expect((await performance()).data?.salesPerformance[0]?.orderTotalInBase).toEqual({ amount: '330.00', currency: 'EUR' });
    // The forecast converts what is expected at today's rate: the latest on or before today (1 / 1.25 = 0.8).
    await subgraph.must('mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
      input: { customerId: customerA, title: 'Dollar deal', amount: { amount: '1000.00', currency: 'USD' }, expectedCloseDate: '2027-01-15' },
    });
    const forecast = await subgraph.must<{ salesForecast: { amount: { amount: string; currency: string }; amountInBase: { amount: string; currency: string } }[] }>(
      '{ salesForecast(fromMonth: "2027-01", toMonth: "2027-01") { amount { amount currency } amountInBase { amount currency } } }',
    );
    expect(forecast.salesForecast).toEqual([{ amount: { amount: '1000.00', currency: 'USD' }, amountInBase: { amount: '800.00', currency: 'EUR' } }]);
    // The rep's March target in EUR counts every currency as achieved: 100 EUR + 200 USD × 0.95 + 50 USD × 0.8 (as in base).
    const set =
      'mutation($input: SetSalesTargetInput!) { setSalesTarget(input: $input) { amount { amount currency } achieved { amount currency } achievedInBase { amount currency } attainment } }';
    type Progress = {
      amount: { amount: string };
      achieved: { amount: string; currency: string } | null;
      achievedInBase: { amount: string; currency: string };
      attainment: string | null;
    };
    const target = await subgraph.must<{ setSalesTarget: Progress }>(set, {
      input: { periodKind: 'MONTH', periodStart: '2026-03-01', repId, amount: { amount: '500', currency: 'EUR' } },
    });
    expect(target.setSalesTarget).toMatchObject({ achieved: { amount: '330.00', currency: 'EUR' }, achievedInBase: { amount: '330.00', currency: 'EUR' }, attainment: '66.00' });
    // In USD: the 250 USD as they are, the 100 EUR of 5 March from base into USD at that day's rate (1 / 0.95 = 1.0526315789): 105.26.
    const inDollars = await subgraph.must<{ setSalesTarget: Progress }>(set, {
      input: { periodKind: 'MONTH', periodStart: '2026-03-01', repId, amount: { amount: '500', currency: 'USD' } },
    });
    expect(inDollars.setSalesTarget).toMatchObject({ achieved: { amount: '355.26', currency: 'USD' }, attainment: '71.05' });
    // In yen, without a yen rate: achieved (and attainment) name the missing rate; the target itself still answers.
    const inYen = await subgraph.gql<{ setSalesTarget: Progress }>(set, {
      input: { periodKind: 'MONTH', periodStart: '2026-03-01', repId, amount: { amount: '50000', currency: 'JPY' } },
    });
    expect(inYen.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'achieved', reason: 'RATE_MISSING' });
    expect(inYen.errors?.[0]?.message).toMatch(/EUR to JPY on or before 2026-03-05/);
    expect(inYen.data?.setSalesTarget).toMatchObject({ amount: { amount: '50000.00' }, achieved: null, attainment: null });
  });

  it('follows the base currency finance announces', async () => {
    await deliver(createEvent(BaseCurrencySetV1, 'company', { baseCurrency: 'USD', setAt: new Date().toISOString() }));
    // 100 EUR at (1 / 0.95 = 1.0526315789) = 105.26 + 250 USD
    expect((await performance()).data?.salesPerformance[0]?.orderTotalInBase).toEqual({ amount: '355.26', currency: 'USD' });
  });
});
