// A property test of the sales roll-ups: on random opportunities, stage stays, orders and the changes
// made to them (moves, closes, soft and hard deletes, transfers, merges, cancellations), every answer
// read from the roll-ups equals the same answer computed from the raw rows (`rollups: false`).
import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { normaliseAmount } from '@rapport/errors';
import { callerOf, type Viewer } from '@rapport/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';
import { DEFAULT_PIPELINE_ID } from '../pipeline/pipeline-stage.entity.js';
import { forecast, funnel, FORECAST_GROUPINGS } from './forecast.service.js';
import { productSales, salesPerformance } from './sales.service.js';
import { salesNumbersPolicy } from './scope.js';

let subgraph: TestSubgraph;
const sql = <T = unknown>(text: string, params: unknown[] = []) => subgraph.service.orm.em.fork().getConnection().execute<T[]>(text, params);

/** A small seeded generator (mulberry32), so a failing seed can be run again: ROLLUP_SEED=… */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const REPS = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const TEAMS = [randomUUID(), randomUUID()];
const SECOND_PIPELINE = randomUUID();
const principal = (p: Partial<Principal> & Pick<Principal, 'role'>): Principal => ({ userId: randomUUID(), email: 'x@example.com', teamIds: [], tokenId: 't', ...p });
const viewers: [string, Viewer][] = [
  ['director', callerOf(principal({ role: 'DIRECTOR' })).viewer(salesNumbersPolicy, 'read')],
  // The team head also owns customers outside the team they head (REPS[0] owns customers of both teams).
  ['team head', callerOf(principal({ role: 'SALES_MANAGER', userId: REPS[0]!, teamIds: [TEAMS[0]!] })).viewer(salesNumbersPolicy, 'read')],
  ['rep', callerOf(principal({ role: 'SALES_REP', userId: REPS[1]!, teamIds: [TEAMS[0]!] })).viewer(salesNumbersPolicy, 'read')],
];

interface StageRow {
  id: string;
  pipeline_id: string;
  position: number;
  closes_as: string | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const START = Date.parse('2027-01-01T00:00:00Z');
const DAY = 86_400_000;

/** Random data through plain SQL (the triggers keep the roll-ups as the service's writes would), then random changes to it. */
async function randomBook(seed: number): Promise<void> {
  const r = generator(seed);
  const stages = await sql<StageRow>('select id, pipeline_id, position, closes_as from pipeline_stage');
  const customers = Array.from({ length: 12 }, () => randomUUID());
  for (const c of customers) {
    if (r.chance(0.15)) continue; // no access row: nobody's numbers but a director's
    await sql('insert into customer_access (customer_id, owner_id, team_id) values (?, ?, ?)', [c, r.chance(0.1) ? null : r.pick(REPS), r.chance(0.1) ? null : r.pick(TEAMS)]);
  }
  for (const c of customers) {
    if (r.chance(0.3)) continue; // no profile: industry and region unknown
    await sql('insert into customer_profile (customer_id, industry, region, country) values (?, ?, ?, ?)', [
      c,
      r.pick(['Food', 'Energy', null]),
      r.pick(['North', 'South']),
      r.pick(['DE', 'IT']),
    ]);
  }
  const opportunities: string[] = [];
  for (let i = 0; i < 60; i++) {
    const id = randomUUID();
    const stage = r.pick(stages);
    const furthest = stages.filter((s) => s.pipeline_id === stage.pipeline_id && !s.closes_as && s.position <= Math.max(stage.position, 1));
    const status = stage.closes_as === 'WON' ? 'WON' : stage.closes_as === 'LOST' ? 'LOST' : 'OPEN';
    const created = START + r.int(150 * DAY);
    await sql(
      `insert into opportunity (id, customer_id, title, amount, currency, stage_id, furthest_stage_id, status, expected_close_date, closed_at, created_at, updated_at)
       values (?, ?, 'Deal', ?, ?, ?, ?, ?, ?, ?, ?, now())`,
      [
        id,
        r.pick(customers),
        `${r.int(100000)}.${String(r.int(10000)).padStart(4, '0')}`,
        r.pick(['EUR', 'USD']),
        stage.id,
        (furthest.length ? r.pick(furthest) : stage).id,
        status,
        r.chance(0.15) ? null : iso(START + r.int(200 * DAY)).slice(0, 10),
        status === 'OPEN' ? null : iso(created + r.int(30 * DAY)),
        iso(created),
      ],
    );
    opportunities.push(id);
    for (let s = 0, at = created; s < 1 + r.int(4); s++) {
      const left = r.chance(0.3) ? null : at + r.int(20 * DAY) + r.int(1000);
      await sql('insert into opportunity_stage_history (id, opportunity_id, stage_id, entered_at, left_at) values (?, ?, ?, ?, ?)', [
        randomUUID(),
        id,
        r.pick(stages).id,
        iso(at),
        left === null ? null : iso(left),
      ]);
      at = left ?? at + DAY;
    }
  }
  for (let i = 0; i < 40; i++) {
    const orderId = randomUUID();
    const currency = r.pick(['EUR', 'USD']);
    await sql(
      `insert into sales_order (id, number, customer_id, status, currency, total, tax_total, gross_total, confirmed_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, 0, 0, 0, ?, now(), now())`,
      [orderId, `RU-${seed}-${i}`, r.pick(customers), r.chance(0.1) ? 'CANCELLED' : 'CONFIRMED', currency, iso(START + r.int(150 * DAY))],
    );
    for (let n = 1; n <= 1 + r.int(3); n++) {
      const total = `${r.int(5000)}.${String(r.int(10000)).padStart(4, '0')}`;
      await sql(
        `insert into sales_order_line (id, order_id, position, product_id, description, quantity, unit_price, unit_price_gross, price_entry, discount_percent, tax_rate, currency, line_total,
                                       reserved_quantity, short_quantity, cancelled_quantity, delivered_quantity, invoiced_quantity, returned_quantity)
         values (?, ?, ?, ?, 'x', ?, ?, ?, 'NET', 0, 0, ?, ?, 0, 0, 0, 0, 0, 0)`,
        [randomUUID(), orderId, n, r.pick(PRODUCTS), `${1 + r.int(20)}.${r.int(1000)}`, total, total, currency, total],
      );
    }
    if (r.chance(0.2)) await sql("update sales_order set status = 'CANCELLED', cancelled_at = now() where id = ?", [orderId]);
  }
  // Changes after the fact, each through its own statement as the services make them.
  for (let i = 0; i < 60; i++) {
    const id = r.pick(opportunities);
    const kind = r.int(9);
    if (kind === 0) {
      const stage = r.pick(stages);
      await sql('update opportunity set stage_id = ?, status = ? where id = ?', [stage.id, stage.closes_as === 'WON' ? 'WON' : stage.closes_as === 'LOST' ? 'LOST' : 'OPEN', id]);
    } else if (kind === 1) await sql('update opportunity set deleted_at = case when deleted_at is null then now() end where id = ?', [id]);
    else if (kind === 2) await sql('update opportunity set amount = amount + 1.2345, expected_close_date = ? where id = ?', [iso(START + r.int(200 * DAY)).slice(0, 10), id]);
    else if (kind === 3) await sql('update customer_access set owner_id = ?, team_id = ? where customer_id = ?', [r.pick(REPS), r.pick(TEAMS), r.pick(customers)]);
    else if (kind === 4) {
      // A customer merge moves its deals and orders.
      await sql('update opportunity set customer_id = ? where id = ?', [r.pick(customers), id]);
      await sql('update sales_order set customer_id = ? where id = (select id from sales_order where customer_id = ? limit 1)', [r.pick(customers), r.pick(customers)]);
    } else if (kind === 5)
      await sql('update opportunity_stage_history set left_at = null where id = (select id from opportunity_stage_history where opportunity_id = ? limit 1)', [id]);
    else if (kind === 6) await sql('delete from opportunity_stage_history where id = (select id from opportunity_stage_history where opportunity_id = ? limit 1)', [id]);
    else if (kind === 7) {
      const c = r.pick(customers);
      await sql('delete from customer_access where customer_id = ?', [c]);
      if (r.chance(0.5)) await sql('insert into customer_access (customer_id, owner_id, team_id) values (?, ?, ?)', [c, r.pick(REPS), r.pick(TEAMS)]);
    } else {
      await sql('delete from opportunity_stage_history where opportunity_id = ?', [id]);
      await sql('delete from opportunity where id = ?', [id]);
      opportunities.splice(opportunities.indexOf(id), 1);
    }
  }
}

const PRODUCTS = [randomUUID(), randomUUID(), randomUUID()];

/** Both answers in one transaction, so `now()` (open stays last until now) is the same instant for both. */
const both = <T>(work: (em: SqlEntityManager, rollups: boolean) => Promise<T>): Promise<[T, T]> =>
  subgraph.service.orm.em.fork().transactional(async (em) => [await work(em, true), await work(em, false)]);

const PERIODS = [
  { from: '2027-01-01', to: '2027-07-01' },
  { from: '2027-02-01', to: '2027-03-01' },
  { from: '2027-01-17', to: '2027-05-09' },
  { from: '2027-02-03', to: '2027-02-20' },
  { from: '2026-12-30', to: '2027-02-01' },
];

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService);
  await sql("insert into pipeline (id, name) values (?, 'Service contracts')", [SECOND_PIPELINE]);
  for (const [position, name, probability, closes, category] of [
    [1, 'Lead', 20, null, 'PIPELINE'],
    [2, 'Offer', 60, null, 'BEST_CASE'],
    [3, 'Signed', 100, 'WON', null],
    [4, 'Dropped', 0, 'LOST', null],
  ] as const) {
    await sql('insert into pipeline_stage (id, pipeline_id, name, position, probability, closes_as, forecast_category) values (?, ?, ?, ?, ?, ?, ?)', [
      randomUUID(),
      SECOND_PIPELINE,
      name,
      position,
      probability,
      closes,
      category,
    ]);
  }
  const seed = Number(process.env.ROLLUP_SEED ?? Date.now() % 1_000_000);
  process.stdout.write(`roll-up property test seed: ${seed} (ROLLUP_SEED=${seed} runs it again)\n`);
  for (let round = 0; round < 3; round++) await randomBook(seed + round);
});
afterAll(async () => subgraph?.stop());

describe('the sales roll-ups', () => {
  it('answer the forecast exactly as the opportunities do, for every grouping and viewer', async () => {
    let rows = 0;
    for (const [, viewer] of viewers) {
      for (const groupBy of FORECAST_GROUPINGS) {
        for (const pipelineId of [null, SECOND_PIPELINE]) {
          const [rolled, raw] = await both((em, rollups) => forecast(em, viewer, { fromMonth: '2027-01', toMonth: '2027-08', groupBy, pipelineId }, { rollups }));
          expect(rolled).toEqual(raw);
          rows += raw.length;
        }
      }
      const [rolled, raw] = await both((em, rollups) => forecast(em, viewer, { fromMonth: '2027-02', toMonth: '2027-04', groupBy: 'REP', repId: REPS[1] }, { rollups }));
      expect(rolled).toEqual(raw);
    }
    expect(rows).toBeGreaterThan(0);
  });

  it('answer the funnel exactly as the opportunities and their stays do, for whole months and edge days', async () => {
    let opened = 0;
    for (const [, viewer] of viewers) {
      for (const period of PERIODS) {
        for (const pipelineId of [DEFAULT_PIPELINE_ID, SECOND_PIPELINE]) {
          const [rolled, raw] = await both((em, rollups) => funnel(em, viewer, { ...period, pipelineId }, { rollups }));
          expect(rolled).toEqual(raw);
          opened += raw.opened;
        }
        const [rolled, raw] = await both((em, rollups) => funnel(em, viewer, { ...period, teamId: TEAMS[0] }, { rollups }));
        expect(rolled).toEqual(raw);
      }
    }
    expect(opened).toBeGreaterThan(0);
  });

  it('answer the performance per salesperson exactly as the orders and opportunities do', async () => {
    let orders = 0;
    for (const [, viewer] of viewers) {
      for (const period of PERIODS) {
        const [rolled, raw] = await both((em, rollups) => salesPerformance(em, viewer, period, { rollups }));
        expect(rolled).toEqual(raw);
        orders += raw.reduce((n, rep) => n + rep.ordersCount, 0);
      }
    }
    expect(orders).toBeGreaterThan(0);
  });

  it('answer the product sales summary and its days for the base total exactly as the order lines do, for every viewer and team', async () => {
    let lines = 0;
    const asked = viewers.flatMap(([, viewer]) => [null, TEAMS[0]!, TEAMS[1]!].map((teamId) => ({ viewer, teamId })));
    for (const { viewer, teamId } of asked) {
      for (const period of PERIODS) {
        for (const groupBy of [['PRODUCT', 'MONTH'], ['PRODUCT'], ['INDUSTRY', 'REGION', 'MONTH'], ['MONTH'], []] as const) {
          const [rolled, raw] = await both(async (em, rollups) => {
            const summary = await productSales(em, viewer, { ...period, groupBy, teamId }, { rollups });
            const days = (await summary.dayAmounts())
              .map((d) => ({ ...d, amount: normaliseAmount(d.amount) }))
              .sort((a, b) => (a.day + a.currency).localeCompare(b.day + b.currency));
            return { rows: summary.rows, totals: summary.totals, days };
          });
          expect(rolled).toEqual(raw);
          lines += raw.rows.reduce((n, row) => n + row.lines, 0);
        }
      }
    }
    expect(lines).toBeGreaterThan(0);
  });
});
