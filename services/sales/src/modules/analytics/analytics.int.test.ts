import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';
import { formatAmount, parseAmount } from '@rapport/errors';

// Three reps: A in team T1, S in T1's sub-team T1s, B in T2; H heads T1 (and so T1s); D is a director.
const T1 = randomUUID();
const T1s = randomUUID();
const T2 = randomUUID();
const repA: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [T1] };
const repS: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [T1s] };
const repB: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [T2] };
const head: TestPrincipal = { userId: randomUUID(), role: 'SALES_MANAGER', teamIds: [T1, T1s] };
const director: TestPrincipal = { userId: randomUUID(), role: 'DIRECTOR' };
const accountant: TestPrincipal = { userId: randomUUID(), role: 'ACCOUNTANT' };
const customerA = randomUUID();
const customerS = randomUUID();
const customerB = randomUUID();
const productX = randomUUID();
const productY = randomUUID();

let subgraph: TestSubgraph;
const sql = async <T = unknown>(text: string, params: unknown[] = []) => subgraph.service.orm.em.fork().getConnection().execute<T[]>(text, params);

interface Stage {
  id: string;
  name: string;
  probability: number;
  position: number;
  forecastCategory: string | null;
}
let stages: Stage[] = [];
const stage = (name: string): Stage => stages.find((s) => s.name === name)!;

async function must<T>(principal: TestPrincipal | null, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = principal ? await subgraph.gqlAs<T>(principal, query, variables) : await subgraph.gql<T>(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

async function openDeal(customerId: string, amount: string, currency: string, close: string | null, moveTo: string[] = []): Promise<string> {
  const { openOpportunity } = await must<{ openOpportunity: { id: string } }>(null, 'mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
    input: { customerId, title: 'Deal', amount: { amount, currency }, expectedCloseDate: close },
  });
  for (const name of moveTo) await must(null, 'mutation($id: ID!, $s: ID!) { moveOpportunity(id: $id, stageId: $s) { id } }', { id: openOpportunity.id, s: stage(name).id });
  return openOpportunity.id;
}

let orderNo = 0;
/** An order straight into the tables (the order module's own tests cover placing orders). */
async function order(customerId: string, confirmedAt: string, status: string, currency: string, lines: { productId: string; quantity: string; total: string }[]): Promise<void> {
  const id = randomUUID();
  const total = formatAmount(lines.reduce((sum, l) => sum + parseAmount('total', l.total), 0n));
  orderNo += 1;
  await sql(
    `insert into sales_order (id, number, customer_id, status, currency, total, tax_total, gross_total, confirmed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 0, ?, ?, now(), now())`,
    [id, `AN-${orderNo}`, customerId, status, currency, total, total, confirmedAt],
  );
  let position = 0;
  for (const l of lines) {
    position += 1;
    await sql(
      `insert into sales_order_line (id, order_id, position, product_id, description, quantity, unit_price, unit_price_gross, price_entry, discount_percent, tax_rate, currency, line_total, reserved_quantity, short_quantity, cancelled_quantity, delivered_quantity, invoiced_quantity, returned_quantity)
       values (?, ?, ?, ?, 'x', ?, ?, ?, 'NET', 0, 0, ?, ?, 0, 0, 0, 0, 0, 0)`,
      [randomUUID(), id, position, l.productId, l.quantity, l.total, l.total, currency, l.total],
    );
  }
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService);
  stages = (await must<{ pipelineStages: Stage[] }>(null, '{ pipelineStages { id name probability position forecastCategory } }')).pipelineStages;
  for (const [customerId, owner, team] of [
    [customerA, repA.userId, T1],
    [customerS, repS.userId, T1s],
    [customerB, repB.userId, T2],
  ]) {
    await sql('insert into customer_access (customer_id, owner_id, team_id) values (?, ?, ?)', [customerId, owner, team]);
  }
  await sql("insert into customer_profile (customer_id, industry, region, country) values (?, 'Chemicals', 'Bavaria', 'DE'), (?, 'Food', 'Lombardy', 'IT')", [
    customerA,
    customerB,
  ]);
});
afterAll(async () => subgraph?.stop());

describe('pipelines and stages', () => {
  it('gives the default pipeline forecast categories by probability, closing stages none', () => {
    expect(stages.map((s) => [s.name, s.forecastCategory])).toEqual([
      ['Qualification', 'PIPELINE'],
      ['Needs analysis', 'PIPELINE'],
      ['Proposal', 'BEST_CASE'],
      ['Negotiation', 'COMMIT'],
      ['Won', null],
      ['Lost', null],
    ]);
  });

  it('lets a sales manager set up a pipeline with stages and reorder them; reps and directors only read', async () => {
    const { createPipeline } = await must<{ createPipeline: { id: string } }>(head, 'mutation($i: CreatePipelineInput!) { createPipeline(input: $i) { id } }', {
      i: { name: 'Service contracts', teamId: T1 },
    });
    const add = 'mutation($p: ID!, $i: PipelineStageInput!) { addPipelineStage(pipelineId: $p, input: $i) { id name position forecastCategory closing } }';
    const first = (await must<{ addPipelineStage: { id: string } }>(head, add, { p: createPipeline.id, i: { name: 'Scoping', probability: 20 } })).addPipelineStage;
    await must(head, add, { p: createPipeline.id, i: { name: 'Signed', probability: 100, closesAs: 'WON' } });
    await must(head, add, { p: createPipeline.id, i: { name: 'Offer', probability: 60, forecastCategory: 'COMMIT', position: 2 } });
    await must(head, 'mutation($id: ID!, $i: PipelineStageInput!) { updatePipelineStage(id: $id, input: $i) { id } }', { id: first.id, i: { position: 2, probability: 30 } });
    const { pipelines } = await must<{
      pipelines: { name: string; teamId: string | null; stages: { name: string; position: number; probability: number; closing: boolean; forecastCategory: string | null }[] }[];
    }>(repA, '{ pipelines { name teamId stages { name position probability closing forecastCategory } } }');
    expect(pipelines.find((p) => p.name === 'Service contracts')).toEqual({
      name: 'Service contracts',
      teamId: T1,
      stages: [
        { name: 'Offer', position: 1, probability: 60, closing: false, forecastCategory: 'COMMIT' },
        { name: 'Scoping', position: 2, probability: 30, closing: false, forecastCategory: 'PIPELINE' },
        { name: 'Signed', position: 3, probability: 100, closing: true, forecastCategory: null },
      ],
    });
    for (const who of [repA, director]) {
      const refused = await subgraph.gqlAs(who, 'mutation($i: CreatePipelineInput!) { createPipeline(input: $i) { id } }', { i: { name: `Nope ${who.role}` } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const bad = await subgraph.gqlAs(head, add, { p: createPipeline.id, i: { name: 'Too sure', probability: 101 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.probability' });
    const twice = await subgraph.gqlAs(head, add, { p: createPipeline.id, i: { name: 'Offer', probability: 10 } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
  });

  it('opens deals in a chosen pipeline, keeps them in it and records how long each stayed in each stage', async () => {
    const { pipelines } = await must<{ pipelines: { id: string; name: string; stages: { id: string; name: string }[] }[] }>(null, '{ pipelines { id name stages { id name } } }');
    const service = pipelines.find((p) => p.name === 'Service contracts')!;
    const { openOpportunity } = await must<{ openOpportunity: { id: string; stage: { name: string } } }>(
      null,
      'mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id stage { name } } }',
      { input: { customerId: customerA, title: 'Maintenance', amount: { amount: '100', currency: 'EUR' }, pipelineId: service.id } },
    );
    expect(openOpportunity.stage.name).toBe('Offer');
    const across = await subgraph.gql('mutation($id: ID!, $s: ID!) { moveOpportunity(id: $id, stageId: $s) { id } }', { id: openOpportunity.id, s: stage('Won').id });
    expect(across.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stageId' });
    const scoping = service.stages.find((s) => s.name === 'Scoping')!;
    await must(null, 'mutation($id: ID!, $s: ID!) { moveOpportunity(id: $id, stageId: $s) { id } }', { id: openOpportunity.id, s: scoping.id });
    // Pretend the deal entered Offer three and a half days before it moved on.
    await sql("update opportunity_stage_history set entered_at = left_at - interval '84 hours' where opportunity_id = ? and left_at is not null", [openOpportunity.id]);
    const { opportunity } = await must<{ opportunity: { stageHistory: { stage: { name: string }; leftAt: string | null; days: string }[] } }>(
      null,
      'query($id: ID!) { opportunity(id: $id) { stageHistory { stage { name } leftAt days } } }',
      { id: openOpportunity.id },
    );
    expect(opportunity.stageHistory.map((s) => [s.stage.name, s.days, s.leftAt === null])).toEqual([
      ['Offer', '3.50', false],
      ['Scoping', '0.00', true],
    ]);
  });
});

describe('forecast, funnel, performance and product sales', () => {
  beforeAll(async () => {
    // A: two open deals in March 2027 (Proposal 50 %, Negotiation 75 %), one won and one lost; S: one in March; B: one in March.
    await openDeal(customerA, '1000.01', 'EUR', '2027-03-05', ['Proposal']);
    await openDeal(customerA, '333.33', 'EUR', '2027-03-20', ['Needs analysis', 'Proposal', 'Negotiation']);
    await openDeal(customerA, '500', 'EUR', '2027-04-02', ['Proposal', 'Won']);
    await openDeal(customerA, '700', 'EUR', '2027-04-02', ['Lost']);
    await openDeal(customerS, '200', 'EUR', '2027-03-10');
    await openDeal(customerB, '9999.99', 'USD', '2027-03-15', ['Negotiation']);
  });

  const forecastQuery = `query($g: ForecastGrouping, $rep: ID) { salesForecast(fromMonth: "2027-01", toMonth: "2027-06", groupBy: $g, repId: $rep) {
    month repId teamId category count amount { amount currency } weightedAmount { amount currency } } }`;
  type Row = {
    month: string;
    repId: string | null;
    teamId: string | null;
    category: string;
    count: number;
    amount: { amount: string; currency: string };
    weightedAmount: { amount: string };
  };

  it('weighs open deals by their stage probability, exactly, per close month and category', async () => {
    const { salesForecast } = await must<{ salesForecast: Row[] }>(director, forecastQuery, { g: 'COMPANY' });
    expect(salesForecast.map((r) => [r.month, r.category, r.count, r.amount.amount, r.amount.currency, r.weightedAmount.amount])).toEqual([
      ['2027-03', 'BEST_CASE', 1, '1000.01', 'EUR', '500.005'],
      ['2027-03', 'COMMIT', 1, '333.33', 'EUR', '249.9975'],
      ['2027-03', 'COMMIT', 1, '9999.99', 'USD', '7499.9925'],
      ['2027-03', 'PIPELINE', 1, '200.00', 'EUR', '20.00'],
    ]);
  });

  it('shows a rep their own numbers only, a team head their subtree, a director all', async () => {
    const reps = async (who: TestPrincipal, rep?: string) =>
      new Set((await must<{ salesForecast: Row[] }>(who, forecastQuery, { g: 'REP', rep })).salesForecast.map((r) => r.repId));
    expect(await reps(repA)).toEqual(new Set([repA.userId]));
    expect(await reps(repA, repB.userId)).toEqual(new Set());
    expect(await reps(head)).toEqual(new Set([repA.userId, repS.userId]));
    expect(await reps(director)).toEqual(new Set([repA.userId, repS.userId, repB.userId]));
    const refused = await subgraph.gqlAs(accountant, forecastQuery, {});
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await subgraph.gqlAs(director, '{ salesForecast(fromMonth: "2027-13", toMonth: "2027-01") { month } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromMonth' });
  });

  it('counts the funnel: reached per stage, conversion, average days, win rate', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const query = `query($f: String!, $t: String!) { salesFunnel(from: $f, to: $t) { opened won lost winRate
      stages { stage { name } reached standing amounts { amount currency } conversionToNext averageDays } } }`;
    type F = {
      opened: number;
      won: number;
      lost: number;
      winRate: string;
      stages: {
        stage: { name: string };
        reached: number;
        standing: number;
        amounts: { amount: string; currency: string }[];
        conversionToNext: string | null;
        averageDays: string | null;
      }[];
    };
    const asRepA = (await must<{ salesFunnel: F }>(repA, query, { f: today, t: tomorrow })).salesFunnel;
    // Rep A's default-pipeline deals: 1000.01 (Proposal), 333.33 (Negotiation), 500 (Won), 700 (Lost from Qualification).
    expect({ opened: asRepA.opened, won: asRepA.won, lost: asRepA.lost, winRate: asRepA.winRate }).toEqual({ opened: 4, won: 1, lost: 1, winRate: '50.00' });
    expect(asRepA.stages.map((s) => [s.stage.name, s.reached, s.standing, s.conversionToNext])).toEqual([
      ['Qualification', 4, 0, '75.00'],
      ['Needs analysis', 3, 0, '100.00'],
      ['Proposal', 3, 1, '66.67'],
      ['Negotiation', 2, 1, '50.00'],
      ['Won', 1, 1, null],
    ]);
    expect(asRepA.stages[2]!.amounts).toEqual([{ amount: '1833.34', currency: 'EUR' }]);
    expect(asRepA.stages[0]!.averageDays).toBe('0.00');
    expect(asRepA.stages[4]!.averageDays).toBeNull();
    const all = (await must<{ salesFunnel: F }>(director, query, { f: today, t: tomorrow })).salesFunnel;
    expect(all.opened).toBe(6); // the service-contracts deal is in another pipeline
    expect(all.stages[0]!.amounts).toEqual([
      { amount: '2733.34', currency: 'EUR' },
      { amount: '9999.99', currency: 'USD' },
    ]);
  });

  it('sums orders into performance per rep and product sales by product, industry, region and month, per currency', async () => {
    await order(customerA, '2027-02-10T10:00:00Z', 'CONFIRMED', 'EUR', [
      { productId: productX, quantity: '2.5', total: '100.10' },
      { productId: productY, quantity: '1', total: '0.01' },
    ]);
    await order(customerA, '2027-03-01T00:00:00Z', 'COMPLETED', 'EUR', [{ productId: productX, quantity: '1', total: '40.05' }]);
    await order(customerA, '2027-03-02T00:00:00Z', 'CANCELLED', 'EUR', [{ productId: productX, quantity: '99', total: '9999' }]);
    await order(customerB, '2027-02-11T00:00:00Z', 'CONFIRMED', 'USD', [{ productId: productX, quantity: '3', total: '30.00' }]);
    await order(customerS, '2027-02-28T23:59:59Z', 'CONFIRMED', 'EUR', [{ productId: productY, quantity: '4', total: '4.44' }]);

    const perf = `{ salesPerformance(from: "2027-02-01", to: "2027-04-01") { repId ordersCount orderTotals { amount currency } } }`;
    const asHead = (await must<{ salesPerformance: { repId: string; ordersCount: number; orderTotals: { amount: string; currency: string }[] }[] }>(head, perf)).salesPerformance;
    expect(asHead.filter((r) => r.ordersCount > 0).sort((a, b) => a.ordersCount - b.ordersCount)).toEqual([
      { repId: repS.userId, ordersCount: 1, orderTotals: [{ amount: '4.44', currency: 'EUR' }] },
      { repId: repA.userId, ordersCount: 2, orderTotals: [{ amount: '140.16', currency: 'EUR' }] },
    ]);
    expect(asHead.some((r) => r.repId === repB.userId)).toBe(false);

    const summary = `query($g: [ProductSalesDimension!]!) { productSalesSummary(from: "2027-02-01", to: "2027-04-01", groupBy: $g) {
      rows { productId industry region country month lines quantity amount { amount currency } } totals { amount currency } } }`;
    type S = {
      rows: {
        productId: string | null;
        industry: string | null;
        region: string | null;
        country: string | null;
        month: string | null;
        lines: number;
        quantity: string;
        amount: { amount: string; currency: string };
      }[];
      totals: { amount: string; currency: string }[];
    };
    const byProduct = (await must<{ productSalesSummary: S }>(director, summary, { g: ['PRODUCT', 'MONTH'] })).productSalesSummary;
    expect(byProduct.rows.map((r) => [r.amount.currency, r.productId, r.month, r.lines, r.quantity, r.amount.amount])).toEqual(
      [
        ['EUR', productX, '2027-02', 1, '2.5', '100.10'],
        ['EUR', productX, '2027-03', 1, '1', '40.05'],
        ['EUR', productY, '2027-02', 2, '5', '4.45'],
        ['USD', productX, '2027-02', 1, '3', '30.00'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])) || String(a[2]).localeCompare(String(b[2]))),
    );
    expect(byProduct.totals).toEqual([
      { amount: '144.60', currency: 'EUR' },
      { amount: '30.00', currency: 'USD' },
    ]);
    const byIndustry = (await must<{ productSalesSummary: S }>(director, summary, { g: ['INDUSTRY', 'REGION'] })).productSalesSummary;
    expect(byIndustry.rows.map((r) => [r.amount.currency, r.industry, r.region, r.country, r.amount.amount])).toEqual([
      ['EUR', 'Chemicals', 'Bavaria', 'DE', '140.16'],
      ['EUR', null, null, null, '4.44'],
      ['USD', 'Food', 'Lombardy', 'IT', '30.00'],
    ]);
    const asRepB = (await must<{ productSalesSummary: S }>(repB, summary, { g: ['PRODUCT'] })).productSalesSummary;
    expect(asRepB.totals).toEqual([{ amount: '30.00', currency: 'USD' }]);
    // A director's whole-month summaries come from the roll-ups, everyone else's from the lines: both agree.
    const fromLines = (await must<{ productSalesSummary: S }>(director, summary.replace('"2027-04-01"', '"2027-03-31"'), { g: ['PRODUCT', 'MONTH'] })).productSalesSummary;
    expect(fromLines.rows.filter((r) => r.month === '2027-02')).toEqual(byProduct.rows.filter((r) => r.month === '2027-02'));
    // Cancelling an order takes its lines out of the roll-ups in the same transaction.
    await sql("update sales_order set status = 'CANCELLED', cancelled_at = now() where number = 'AN-1'");
    const afterCancel = (await must<{ productSalesSummary: S }>(director, summary, { g: ['PRODUCT', 'MONTH'] })).productSalesSummary;
    expect(afterCancel.totals).toEqual([
      { amount: '44.49', currency: 'EUR' },
      { amount: '30.00', currency: 'USD' },
    ]);
    expect(afterCancel.rows.find((r) => r.productId === productX && r.month === '2027-02' && r.amount.currency === 'EUR')).toBeUndefined();
    const segments = (await must<{ productSalesSummary: S }>(director, summary, { g: ['INDUSTRY'] })).productSalesSummary;
    expect(segments.rows.map((r) => [r.industry, r.amount.amount])).toEqual([
      ['Chemicals', '40.05'],
      [null, '4.44'],
      ['Food', '30.00'],
    ]);
    await sql("update sales_order set status = 'CONFIRMED', cancelled_at = null where number = 'AN-1'");
    await sql('select sales_rollup_rebuild()');
  });

  it("totals product sales in the base currency at each day's rate, the same from the roll-ups and the lines, and names a missing rate", async () => {
    const total = (from: string, to: string) =>
      `{ productSalesSummary(from: "${from}", to: "${to}", groupBy: [PRODUCT]) { totals { amount currency } baseCurrencyTotal { amount currency } } }`;
    type B = { productSalesSummary: { totals: { amount: string; currency: string }[]; baseCurrencyTotal: { amount: string; currency: string } | null } };
    const missing = await subgraph.gqlAs<B>(director, total('2027-02-01', '2027-04-01'));
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'baseCurrencyTotal', reason: 'RATE_MISSING' });
    expect(missing.errors?.[0]?.message).toMatch(/USD to EUR on or before 2027-02-11/);
    // The field alone fails: the rows and per-currency totals still answer.
    expect(missing.data?.productSalesSummary).toEqual({
      totals: [
        { amount: '144.60', currency: 'EUR' },
        { amount: '30.00', currency: 'USD' },
      ],
      baseCurrencyTotal: null,
    });
    await sql("insert into rate_copy (id, from_currency, to_currency, valid_on, rate, set_at) values (?, 'USD', 'EUR', '2027-02-01', '0.9', now())", [randomUUID()]);
    // 144.60 EUR + 30.00 USD × 0.9 = 27.00 EUR: the director's whole months from the roll-ups …
    expect((await must<B>(director, total('2027-02-01', '2027-04-01'))).productSalesSummary.baseCurrencyTotal).toEqual({ amount: '171.60', currency: 'EUR' });
    // … a period of days around them (roll-up months plus edge days from the lines) …
    expect((await must<B>(director, total('2027-01-15', '2027-03-02'))).productSalesSummary.baseCurrencyTotal).toEqual({ amount: '171.60', currency: 'EUR' });
    // … and a team head's and a rep's from the lines.
    expect((await must<B>(head, total('2027-02-01', '2027-04-01'))).productSalesSummary.baseCurrencyTotal).toEqual({ amount: '144.60', currency: 'EUR' });
    expect((await must<B>(repB, total('2027-02-01', '2027-04-01'))).productSalesSummary.baseCurrencyTotal).toEqual({ amount: '27.00', currency: 'EUR' });
  });

  it("shows yen at the yen's minor unit (no decimals) in the summary, its totals and the performance, from the roll-ups and from the lines", async () => {
    await order(customerB, '2027-05-03T09:00:00Z', 'CONFIRMED', 'JPY', [
      { productId: productX, quantity: '2', total: '1250' },
      { productId: productY, quantity: '1', total: '300' },
    ]);
    const summary = (from: string, to: string) =>
      `{ productSalesSummary(from: "${from}", to: "${to}", groupBy: [PRODUCT, MONTH]) { rows { productId amount { amount currency } } totals { amount currency } } }`;
    type S = { productSalesSummary: { rows: { productId: string; amount: { amount: string; currency: string } }[]; totals: { amount: string; currency: string }[] } };
    const expected = {
      rows: [
        { productId: productX, amount: { amount: '1250', currency: 'JPY' } },
        { productId: productY, amount: { amount: '300', currency: 'JPY' } },
      ].sort((a, b) => a.productId.localeCompare(b.productId)),
      totals: [{ amount: '1550', currency: 'JPY' }],
    };
    // A director's whole month from the roll-up, a period of days from the lines, rep B's from the lines.
    expect((await must<S>(director, summary('2027-05-01', '2027-06-01'))).productSalesSummary).toEqual(expected);
    expect((await must<S>(director, summary('2027-05-02', '2027-05-09'))).productSalesSummary).toEqual(expected);
    expect((await must<S>(repB, summary('2027-05-01', '2027-06-01'))).productSalesSummary).toEqual(expected);
    const perf = (
      await must<{ salesPerformance: { repId: string; orderTotals: { amount: string; currency: string }[] }[] }>(
        repB,
        '{ salesPerformance(from: "2027-05-01", to: "2027-06-01") { repId orderTotals { amount currency } } }',
      )
    ).salesPerformance;
    expect(perf.find((r) => r.repId === repB.userId)?.orderTotals).toEqual([{ amount: '1550', currency: 'JPY' }]);
  });
});

describe('targets', () => {
  const set = 'mutation($i: SetSalesTargetInput!) { setSalesTarget(input: $i) { id repId teamId periodEnd amount { amount currency } achieved { amount currency } attainment } }';
  type T = {
    id: string;
    repId: string | null;
    teamId: string | null;
    periodEnd: string;
    amount: { amount: string };
    achieved: { amount: string; currency: string };
    attainment: string | null;
  };

  it('sets rep and team targets and reports what orders achieved against them', async () => {
    const rep = (
      await must<{ setSalesTarget: T }>(head, set, {
        i: { periodKind: 'QUARTER', periodStart: '2027-01-01', repId: repA.userId, teamId: T1, amount: { amount: '280.32', currency: 'EUR' } },
      })
    ).setSalesTarget;
    expect(rep).toMatchObject({ repId: repA.userId, periodEnd: '2027-04-01', amount: { amount: '280.32' }, achieved: { amount: '140.16', currency: 'EUR' }, attainment: '50.00' });
    const again = (
      await must<{ setSalesTarget: T }>(head, set, {
        i: { periodKind: 'QUARTER', periodStart: '2027-01-01', repId: repA.userId, teamId: T1, amount: { amount: '140.16', currency: 'EUR' } },
      })
    ).setSalesTarget;
    expect(again).toMatchObject({ id: rep.id, attainment: '100.00' });
    const team = (
      await must<{ setSalesTarget: T }>(director, set, { i: { periodKind: 'MONTH', periodStart: '2027-02-01', teamId: T2, amount: { amount: '90', currency: 'USD' } } })
    ).setSalesTarget;
    expect(team).toMatchObject({ repId: null, teamId: T2, achieved: { amount: '30.00', currency: 'USD' }, attainment: '33.33' });
  });

  it('refuses reps, team heads outside their teams and bad periods, naming the field', async () => {
    const input = { periodKind: 'MONTH', periodStart: '2027-02-01', repId: repB.userId, teamId: T2, amount: { amount: '1', currency: 'USD' } };
    expect((await subgraph.gqlAs(repA, set, { i: { ...input, repId: repA.userId, teamId: T1 } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.gqlAs(head, set, { i: input })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.teamId' });
    expect((await subgraph.gqlAs(director, set, { i: { ...input, periodKind: 'QUARTER' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.periodStart',
    });
    expect((await subgraph.gqlAs(director, set, { i: { ...input, amount: { amount: '1.00001', currency: 'USD' } } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.amount.amount',
    });
  });

  it('shows a rep their own targets, a team head those in their teams, a director all', async () => {
    const list = async (who: TestPrincipal) => (await must<{ salesTargets: T[] }>(who, '{ salesTargets { id repId teamId } }')).salesTargets.map((t) => t.repId ?? t.teamId);
    expect(await list(repA)).toEqual([repA.userId]);
    expect(await list(repB)).toEqual([]);
    expect(await list(head)).toEqual([repA.userId]);
    expect(new Set(await list(director))).toEqual(new Set([repA.userId, T2]));
  });
});
