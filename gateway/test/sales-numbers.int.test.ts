import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Sales numbers through the gateway, over real Kafka with every service: customers announce who
// owns a customer and its industry and region, sales counts deals, orders and targets, and each
// caller sees their own numbers only (a rep theirs, the team head the team's, a director all).

let system: TestSystem;
let rita = { id: '', token: '' };
let oscar = { id: '', token: '' };
let mona = { id: '', token: '' };
let dora = { id: '', token: '' };
let northId = '';
let acmeId = '';
let zetaId = '';
let productId = '';

const thisMonth = day().slice(0, 7);
const nextMonth = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5, 7)), 1)).toISOString().slice(0, 10);
const monthStart = `${thisMonth}-01`;

/** Opens a deal once sales has learnt (over Kafka) that the caller may see the customer. */
const openDeal = (token: string, customerId: string, amount: string) =>
  waitFor(
    async () => {
      const result = await system.as<{ openOpportunity: { id: string } }>(token, 'mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }', {
        i: { customerId, title: 'Pumps', amount: { amount, currency: 'EUR' }, expectedCloseDate: nextMonth },
      });
      return result.data?.openOpportunity.id;
    },
    { what: 'sales to learn the customer' },
  );

const forecastQuery = `query($g: ForecastGrouping) { salesForecast(fromMonth: "${thisMonth}", toMonth: "${nextMonth.slice(0, 7)}", groupBy: $g) {
  month repId category count amount { amount currency } weightedAmount { amount currency } } }`;
type ForecastRow = { month: string; repId: string | null; category: string; count: number; amount: { amount: string }; weightedAmount: { amount: string } };

beforeAll(async () => {
  system = await startTestSystem('sales-numbers');
  northId = (await system.must<{ createTeam: { id: string } }>(system.adminToken, 'mutation { createTeam(input: { name: "North" }) { id } }')).createTeam.id;
  const southId = (await system.must<{ createTeam: { id: string } }>(system.adminToken, 'mutation { createTeam(input: { name: "South" }) { id } }')).createTeam.id;
  rita = await system.createUser({ email: 'rita@numbers.example', role: 'SALES_REP', teamId: northId });
  oscar = await system.createUser({ email: 'oscar@numbers.example', role: 'SALES_REP', teamId: southId });
  mona = await system.createUser({ email: 'mona@numbers.example', role: 'SALES_MANAGER', teamId: northId });
  dora = await system.createUser({ email: 'dora@numbers.example', role: 'DIRECTOR' });
  const create = 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }';
  acmeId = (await system.must<{ createCustomer: { id: string } }>(rita.token, create, { i: { name: 'Acme Chemicals GmbH', kind: 'COMPANY' } })).createCustomer.id;
  zetaId = (await system.must<{ createCustomer: { id: string } }>(oscar.token, create, { i: { name: 'Zeta Foods SpA', kind: 'COMPANY' } })).createCustomer.id;
  await system.must(rita.token, 'mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { id } }', { i: { id: acmeId, industry: 'Chemicals' } });
  await system.must(rita.token, 'mutation($i: AddAddressInput!) { addAddress(input: $i) { id } }', {
    i: { customerId: acmeId, kind: 'BILLING', street: 'Werkstr. 1', city: 'Munich', region: 'Bavaria', country: 'DE' },
  });
  productId = (
    await system.must<{ createProduct: { id: string } }>(system.adminToken, 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', {
      // Listed at the price the rep sells at: discount governance refuses a rep's order far under list price.
      i: { sku: 'PUMP-9', name: 'Pump', unit: 'pcs', listPrice: { amount: '10.20', currency: 'EUR' } },
    })
  ).createProduct.id;
  await system.untilSellable(productId);
}, 240_000);
afterAll(async () => system?.stop());

describe('sales numbers through the gateway', () => {
  it('sets up a pipeline as a sales manager, refuses a rep', async () => {
    const created = await system.must<{ createPipeline: { id: string; teamId: string } }>(
      mona.token,
      'mutation($t: ID) { createPipeline(input: { name: "North projects", teamId: $t }) { id teamId } }',
      {
        t: northId,
      },
    );
    expect(created.createPipeline.teamId).toBe(northId);
    const stage = await system.must<{ addPipelineStage: { position: number; forecastCategory: string } }>(
      mona.token,
      'mutation($p: ID!) { addPipelineStage(pipelineId: $p, input: { name: "Site visit", probability: 40, forecastCategory: BEST_CASE }) { position forecastCategory } }',
      { p: created.createPipeline.id },
    );
    expect(stage.addPipelineStage).toEqual({ position: 1, forecastCategory: 'BEST_CASE' });
    const refused = await system.as(rita.token, 'mutation { createPipeline(input: { name: "Rita\'s own" }) { id } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('forecasts the weighted pipeline per rep, each caller their own numbers', async () => {
    const { pipelineStages } = await system.must<{ pipelineStages: { id: string; name: string }[] }>(rita.token, '{ pipelineStages { id name } }');
    const ritaDeal = await openDeal(rita.token, acmeId, '1000.10');
    await system.must(rita.token, 'mutation($id: ID!, $s: ID!) { moveOpportunity(id: $id, stageId: $s) { id } }', {
      id: ritaDeal,
      s: pipelineStages.find((s) => s.name === 'Proposal')!.id,
    });
    await openDeal(oscar.token, zetaId, '500');

    const { opportunity } = await system.must<{ opportunity: { stageHistory: { stage: { name: string }; days: string }[] } }>(
      rita.token,
      'query($id: ID!) { opportunity(id: $id) { stageHistory { stage { name } days } } }',
      { id: ritaDeal },
    );
    expect(opportunity.stageHistory.map((s) => s.stage.name)).toEqual(['Qualification', 'Proposal']);

    const rows = async (token: string) => (await system.must<{ salesForecast: ForecastRow[] }>(token, forecastQuery, { g: 'REP' })).salesForecast;
    expect(await rows(rita.token)).toEqual([
      {
        month: nextMonth.slice(0, 7),
        repId: rita.id,
        category: 'BEST_CASE',
        count: 1,
        amount: { amount: '1000.10', currency: 'EUR' },
        weightedAmount: { amount: '500.05', currency: 'EUR' },
      },
    ]);
    expect((await rows(mona.token)).map((r) => r.repId)).toEqual([rita.id]);
    expect((await rows(oscar.token)).map((r) => r.repId)).toEqual([oscar.id]);
    expect(new Set((await rows(dora.token)).map((r) => r.repId))).toEqual(new Set([rita.id, oscar.id]));

    const { salesFunnel } = await system.must<{ salesFunnel: { opened: number; stages: { stage: { name: string }; reached: number }[] } }>(
      mona.token,
      `query($f: String!, $t: String!) { salesFunnel(from: $f, to: $t) { opened stages { stage { name } reached } } }`,
      { f: day(-1), t: day(1) },
    );
    expect(salesFunnel.opened).toBe(1);
    expect(salesFunnel.stages.map((s) => s.reached)).toEqual([1, 1, 1, 0, 0]);
  });

  it('measures orders against targets and sums product sales by industry and region (learnt from the customers service)', async () => {
    await system.must(rita.token, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
      i: { customerId: acmeId, currency: 'EUR', lines: [{ productId, quantity: '2.5', unitPrice: { amount: '10.20', currency: 'EUR' } }] },
    });
    const target = await system.must<{ setSalesTarget: { achieved: { amount: string }; attainment: string } }>(
      mona.token,
      'mutation($i: SetSalesTargetInput!) { setSalesTarget(input: $i) { achieved { amount currency } attainment } }',
      { i: { periodKind: 'MONTH', periodStart: monthStart, repId: rita.id, teamId: northId, amount: { amount: '100', currency: 'EUR' } } },
    );
    expect(target.setSalesTarget).toEqual({ achieved: { amount: '25.50', currency: 'EUR' }, attainment: '25.50' });
    const oscarTargets = await system.must<{ salesTargets: unknown[] }>(oscar.token, '{ salesTargets { id } }');
    expect(oscarTargets.salesTargets).toEqual([]);
    const refused = await system.as(rita.token, 'mutation($i: SetSalesTargetInput!) { setSalesTarget(input: $i) { id } }', {
      i: { periodKind: 'MONTH', periodStart: monthStart, repId: rita.id, teamId: northId, amount: { amount: '1', currency: 'EUR' } },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const summary = `query($f: String!, $t: String!) { productSalesSummary(from: $f, to: $t, groupBy: [PRODUCT, INDUSTRY, REGION]) {
      rows { productId industry region country quantity amount { amount currency } } totals { amount currency } } }`;
    type Summary = {
      productSalesSummary: {
        rows: { productId: string; industry: string | null; region: string | null; country: string | null; quantity: string; amount: { amount: string } }[];
        totals: unknown[];
      };
    };
    const seen = await waitFor(
      async () => {
        const { productSalesSummary } = await system.must<Summary>(dora.token, summary, { f: day(-1), t: day(1) });
        return productSalesSummary.rows[0]?.industry && productSalesSummary.rows[0]?.region ? productSalesSummary : undefined;
      },
      { what: "sales to learn Acme's industry and region" },
    );
    expect(seen.rows).toEqual([{ productId, industry: 'Chemicals', region: 'Bavaria', country: 'DE', quantity: '2.5', amount: { amount: '25.50', currency: 'EUR' } }]);
    expect(seen.totals).toEqual([{ amount: '25.50', currency: 'EUR' }]);
    const asOscar = await system.must<Summary>(oscar.token, summary, { f: day(-1), t: day(1) });
    expect(asOscar.productSalesSummary.rows).toEqual([]);
    const perf = await system.must<{ salesPerformance: { repId: string; ordersCount: number; orderTotals: { amount: string }[]; openCount: number }[] }>(
      mona.token,
      'query($f: String!, $t: String!) { salesPerformance(from: $f, to: $t) { repId ordersCount orderTotals { amount currency } openCount } }',
      { f: day(-1), t: day(1) },
    );
    expect(perf.salesPerformance).toEqual([{ repId: rita.id, ordersCount: 1, orderTotals: [{ amount: '25.50', currency: 'EUR' }], openCount: 1 }]);
  });
});
