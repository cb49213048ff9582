import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';

/**
 * Discount governance tried on every path around it: each test fails if a way around the limits works.
 * Seeded limits: reps 10 % a line, 5 % in total, 10 % margin; team heads 25 % / 15 %, not below cost; directors unlimited.
 */
let subgraph: TestSubgraph;
const pump = productSnapshot({ name: 'Pump', listPrice: { amount: '1000.00', currency: 'EUR' }, standardCost: { amount: '600.00', currency: 'EUR' } });
const valve = productSnapshot({ name: 'Valve', listPrice: { amount: '100.00', currency: 'EUR' }, standardCost: { amount: '40.00', currency: 'EUR' } });

const top = randomUUID();
const north = randomUUID();
const south = randomUUID();
const rep: TestPrincipal = { role: 'SALES_REP', userId: randomUUID(), teamIds: [north] };
const colleague: TestPrincipal = { role: 'SALES_REP', userId: randomUUID(), teamIds: [north] };
const head: TestPrincipal = { role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [north] };
const coHead: TestPrincipal = { role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [north] };
const southHead: TestPrincipal = { role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [south] };
const topHead: TestPrincipal = { role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [top, north, south] };
const director: TestPrincipal = { role: 'DIRECTOR', userId: randomUUID(), teamIds: [] };
const bold: TestPrincipal = { role: 'SALES_REP', userId: randomUUID(), teamIds: [north] };
const customerId = randomUUID();

interface Approval {
  status: string;
  requestedBy: string;
  requestComment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  findings: { kind: string; line: number | null; percent: string | null; limit: string | null; message: string }[];
}
interface Quotation {
  id: string;
  number: string;
  status: string;
  lines: { id: string }[];
  approval: Approval | null;
  approvalFindings: { kind: string }[];
}
const fields =
  'id number status lines { id } approval { status requestedBy requestComment decidedBy decidedAt decisionComment findings { kind line percent limit message } } approvalFindings { kind }';
type Result<T> = { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const line = (discountPercent: string, overrides: Record<string, unknown> = {}) => ({
  productId: pump.productId,
  quantity: '1',
  unitPrice: eur('1000'),
  discountPercent,
  ...overrides,
});

const as = <T>(who: TestPrincipal, query: string, variables: Record<string, unknown> = {}): Promise<Result<T>> => subgraph.gqlAs<T>(who, query, variables);
async function draft(who: TestPrincipal, lines: Record<string, unknown>[]): Promise<Quotation> {
  const r = await as<{ createQuotation: Quotation }>(who, `mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { ${fields} } }`, {
    input: { customerId, currency: 'EUR', lines },
  });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.createQuotation;
}
const step = async (who: TestPrincipal, name: string, id: string, extra = ''): Promise<Result<Record<string, Quotation>>> =>
  as<Record<string, Quotation>>(who, `mutation($id: ID!) { ${name}(id: $id${extra}) { ${fields} } }`, { id });
const ok = async (who: TestPrincipal, name: string, id: string, extra = ''): Promise<Quotation> => {
  const r = await step(who, name, id, extra);
  expect(r.errors, `${name}: ${JSON.stringify(r.errors)}`).toBeUndefined();
  return r.data![name]!;
};
const refusal = (r: Result<unknown>) => r.errors?.[0]?.extensions;
const read = async (id: string): Promise<Quotation> =>
  (await as<{ quotation: Quotation }>(director, `query($id: ID!) { quotation(id: $id) { ${fields} } }`, { id })).data!.quotation;
const addLine = (who: TestPrincipal, id: string, l: Record<string, unknown>) =>
  as<{ addQuotationLine: Quotation }>(who, `mutation($id: ID!, $line: SalesLineInput!) { addQuotationLine(quotationId: $id, line: $line) { ${fields} } }`, { id, line: l });
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const count = async (table: string): Promise<number> => (await sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
/** A quotation of `rep`'s asked for approval (AWAITING_APPROVAL). */
const awaiting = async (lines: Record<string, unknown>[] = [line('12')]): Promise<Quotation> => {
  const q = await draft(rep, lines);
  return ok(rep, 'requestQuotationApproval', q.id, ', comment: "Key account, competitor at -12 %"');
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService);
  await seedCatalogue(subgraph, pump, valve);
  // The rep's customer, shared with a colleague of her team (who must still not approve her discounts) and with a bolder rep.
  await sql('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)', [
    customerId,
    rep.userId,
    north,
    `{${colleague.userId},${bold.userId}}`,
  ]);
  const override = await as(
    director,
    `mutation { setDiscountLimit(input: { userId: "${topHead.userId}", maxLineDiscount: "40", maxTotalDiscount: "40", minMarginPercent: "0" }) { userId maxLineDiscount } }`,
  );
  expect(override.errors).toBeUndefined();
});
afterAll(async () => subgraph?.stop());

describe("sending a quotation within the sender's limits", () => {
  it('sends a quotation within the limits, and refuses one over the line limit, the total limit, or the margin floor, naming what is over', async () => {
    const within = await draft(rep, [line('5')]);
    expect(within.approvalFindings).toEqual([]);
    expect((await ok(rep, 'sendQuotation', within.id)).status).toBe('SENT');

    const cases: [Record<string, unknown>[], string[]][] = [
      [[line('12')], ['LINE_DISCOUNT', 'TOTAL_DISCOUNT']],
      // A lower typed price is a discount against the list price too (the 1.00 EUR pump).
      [[line('0', { unitPrice: eur('1.00') })], ['LINE_DISCOUNT', 'MARGIN', 'TOTAL_DISCOUNT']],
      [[line('8'), line('8')], ['TOTAL_DISCOUNT']],
      [[line('0', { productId: valve.productId, unitPrice: eur('100'), discountPercent: '0' }), line('0', { unitPrice: eur('1000') })], []],
    ];
    for (const [lines, kinds] of cases) {
      const q = await draft(rep, lines);
      expect(q.approvalFindings.map((f) => f.kind)).toEqual(kinds);
      const sent = await step(rep, 'sendQuotation', q.id);
      expect(sent.errors?.[0]?.extensions?.reason ?? 'SENT').toBe(kinds.length === 0 ? 'SENT' : 'APPROVAL_REQUIRED');
    }
  });

  it("refuses a price under the margin floor even with the discount within the limit (a rep's per-user override raises the discount limits only)", async () => {
    const set = await as(
      director,
      `mutation { setDiscountLimit(input: { userId: "${bold.userId}", maxLineDiscount: "50", maxTotalDiscount: "50", minMarginPercent: "10" }) { userId } }`,
    );
    expect(set.errors).toBeUndefined();
    const fine = await draft(bold, [line('30')]);
    expect((await ok(bold, 'sendQuotation', fine.id)).status).toBe('SENT');
    // 1000 × (1 − 0.45) = 550 < cost 600: below the margin floor though within her 50 %.
    const underCost = await draft(bold, [line('45')]);
    expect(underCost.approvalFindings).toEqual([{ kind: 'MARGIN' }]);
    expect(refusal(await step(bold, 'sendQuotation', underCost.id))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });
  });

  it('lets only directors and admins set limits', async () => {
    const r = await as(head, 'mutation { setDiscountLimit(input: { role: "SALES_REP", maxLineDiscount: "90", maxTotalDiscount: "90" }) { role } }');
    expect(refusal(r)).toMatchObject({ code: 'FORBIDDEN' });
    const mine = await as<{ myDiscountLimit: { role: string; maxLineDiscount: string; maxTotalDiscount: string; minMarginPercent: string } }>(
      rep,
      '{ myDiscountLimit { role maxLineDiscount maxTotalDiscount minMarginPercent } }',
    );
    expect(mine.data!.myDiscountLimit).toEqual({ role: 'SALES_REP', maxLineDiscount: '10', maxTotalDiscount: '5', minMarginPercent: '10' });
  });
});

describe('asking for and giving approval', () => {
  it("goes awaiting approval → approved by the rep's team head (who, when, comment kept) → sent → accepted → converted", async () => {
    const q = await awaiting();
    expect(q.status).toBe('AWAITING_APPROVAL');
    expect(q.approval).toMatchObject({ status: 'PENDING', requestedBy: rep.userId, requestComment: 'Key account, competitor at -12 %' });
    expect(q.approval!.findings).toEqual([
      { kind: 'LINE_DISCOUNT', line: 0, percent: '12', limit: '10', message: 'line 1: discount 12 % is over the limit of 10 %' },
      { kind: 'TOTAL_DISCOUNT', line: null, percent: '12', limit: '5', message: 'total discount 12 % is over the limit of 5 %' },
    ]);
    expect(refusal(await step(rep, 'sendQuotation', q.id))).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_NOT_SENDABLE' });

    const pending = async (who: TestPrincipal) =>
      (await as<{ pendingDiscountApprovals: { quotation: { id: string } | null }[] }>(who, '{ pendingDiscountApprovals { quotation { id } } }')).data!.pendingDiscountApprovals.map(
        (p) => p.quotation?.id,
      );
    expect(await pending(head)).toContain(q.id);
    expect(await pending(topHead)).toContain(q.id);
    expect(await pending(southHead)).not.toContain(q.id);
    expect(await pending(rep)).toEqual([]);

    const approved = await ok(head, 'approveQuotation', q.id, ', comment: "OK for this deal only"');
    expect(approved.status).toBe('APPROVED');
    expect(approved.approval).toMatchObject({ status: 'APPROVED', decidedBy: head.userId, decisionComment: 'OK for this deal only', decidedAt: expect.any(String) });
    expect((await ok(rep, 'sendQuotation', q.id)).status).toBe('SENT');
    await ok(rep, 'acceptQuotation', q.id);
    const order = await as<{ convertQuotation: { status: string } }>(rep, 'mutation($id: ID!) { convertQuotation(id: $id) { status } }', { id: q.id });
    expect(order.errors).toBeUndefined();
    expect(order.data!.convertQuotation.status).toBe('CONFIRMED');
  });

  it('refuses self-approval, a colleague, a head of another team, and a fellow head approving a head', async () => {
    const q = await awaiting();
    expect(refusal(await step(rep, 'approveQuotation', q.id))).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });
    expect(refusal(await step(colleague, 'approveQuotation', q.id))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_AN_APPROVER' });
    // The head of another team does not even see the quotation.
    expect(refusal(await step(southHead, 'approveQuotation', q.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(await step(rep, 'rejectQuotationApproval', q.id))).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });
    expect((await read(q.id)).status).toBe('AWAITING_APPROVAL');

    const headsOwn = await draft(head, [line('20')]);
    expect(refusal(await step(head, 'sendQuotation', headsOwn.id))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });
    await ok(head, 'requestQuotationApproval', headsOwn.id);
    expect(refusal(await step(head, 'approveQuotation', headsOwn.id))).toMatchObject({ reason: 'SELF_APPROVAL' });
    expect(refusal(await step(coHead, 'approveQuotation', headsOwn.id))).toMatchObject({ reason: 'NOT_AN_APPROVER' });
    expect((await ok(topHead, 'approveQuotation', headsOwn.id)).status).toBe('APPROVED');
  });

  it("refuses an approver over their own limit, and a director's approval then stands", async () => {
    const q = await awaiting([line('30')]);
    const r = await step(head, 'approveQuotation', q.id);
    expect(refusal(r)).toMatchObject({ code: 'FORBIDDEN', reason: 'APPROVER_LIMIT_EXCEEDED' });
    expect((await read(q.id)).approval!.status).toBe('PENDING');
    expect((await ok(director, 'approveQuotation', q.id)).approval).toMatchObject({ status: 'APPROVED', decidedBy: director.userId });
  });

  it('takes a refused request back to draft with the comment kept, and it cannot be sent', async () => {
    const q = await awaiting();
    const rejected = await ok(head, 'rejectQuotationApproval', q.id, ', comment: "Not below 10 %"');
    expect(rejected).toMatchObject({ status: 'DRAFT', approval: { status: 'REJECTED', decidedBy: head.userId, decisionComment: 'Not below 10 %' } });
    expect(refusal(await step(rep, 'sendQuotation', q.id))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });
  });

  it('refuses asking for approval of what is within the limits', async () => {
    const q = await draft(rep, [line('5')]);
    expect(refusal(await step(rep, 'requestQuotationApproval', q.id))).toMatchObject({ code: 'CONFLICT', reason: 'APPROVAL_NOT_NEEDED' });
  });
});

describe('ways around an approval', () => {
  it('voids the approval when a line changes after it was given (added or removed), and then refuses sending', async () => {
    const q = await awaiting([line('12'), line('0', { productId: valve.productId, unitPrice: eur('100') })]);
    await ok(head, 'approveQuotation', q.id);
    const edited = await addLine(rep, q.id, line('20'));
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.addQuotationLine).toMatchObject({ status: 'DRAFT', approval: { status: 'VOIDED', decidedBy: rep.userId } });
    expect(refusal(await step(rep, 'sendQuotation', q.id))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });

    const q2 = await awaiting([line('12'), line('0', { productId: valve.productId, unitPrice: eur('100') })]);
    await ok(head, 'approveQuotation', q2.id);
    const removed = await as<{ removeQuotationLine: Quotation }>(rep, `mutation($id: ID!, $l: ID!) { removeQuotationLine(quotationId: $id, lineId: $l) { ${fields} } }`, {
      id: q2.id,
      l: q2.lines[1]!.id,
    });
    expect(removed.data!.removeQuotationLine).toMatchObject({ status: 'DRAFT', approval: { status: 'VOIDED' } });
    expect(refusal(await step(rep, 'sendQuotation', q2.id))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });
  });

  it('voids a pending request when a line changes before the decision, so the approver cannot approve what changed', async () => {
    const q = await awaiting();
    await addLine(rep, q.id, line('30'));
    expect(refusal(await step(head, 'approveQuotation', q.id))).toMatchObject({ code: 'CONFLICT', reason: 'QUOTATION_NOT_AWAITING_APPROVAL' });
    expect((await read(q.id)).approval!.status).toBe('VOIDED');
  });

  it('does not carry an approval to a copy or a revision', async () => {
    const q = await awaiting();
    await ok(head, 'approveQuotation', q.id);
    const copy = await ok(rep, 'copyQuotation', q.id);
    expect(copy).toMatchObject({ status: 'DRAFT', approval: null });
    expect(refusal(await step(rep, 'sendQuotation', copy.id))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });

    await ok(rep, 'sendQuotation', q.id);
    const revision = await ok(rep, 'reviseQuotation', q.id);
    expect(revision).toMatchObject({ status: 'DRAFT', approval: null });
    expect(refusal(await step(rep, 'sendQuotation', revision.id))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });
  });

  it('refuses a direct order over the limits, writing nothing; a director may place it', async () => {
    const placeOrder = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }';
    const before = [await count('sales_order'), await count('outbox_message')];
    for (const lines of [[line('20')], [line('0', { unitPrice: eur('1.00') })], [line('8'), line('8')]]) {
      const r = await as(rep, placeOrder, { input: { customerId, currency: 'EUR', lines } });
      expect(refusal(r)).toMatchObject({ code: 'CONFLICT', reason: 'APPROVAL_REQUIRED', field: 'input.lines' });
    }
    expect([await count('sales_order'), await count('outbox_message')]).toEqual(before);
    expect((await as(director, placeOrder, { input: { customerId, currency: 'EUR', lines: [line('20')] } })).errors).toBeUndefined();
  });

  it('refuses converting an accepted quotation over the converter’s limits without an approval, and a partial conversion beyond what the approver could approve', async () => {
    const convert = (who: TestPrincipal, id: string, lines?: unknown) =>
      as(who, 'mutation($id: ID!, $lines: [ConvertQuotationLineInput!]) { convertQuotation(id: $id, lines: $lines) { id } }', { id, lines });
    // Sent by a director within their limits, converted by the rep: the rep's limits apply.
    const byDirector = await draft(director, [line('20')]);
    await ok(director, 'sendQuotation', byDirector.id);
    await ok(director, 'acceptQuotation', byDirector.id);
    expect(refusal(await convert(rep, byDirector.id))).toMatchObject({ code: 'CONFLICT', reason: 'APPROVAL_REQUIRED' });
    expect((await read(byDirector.id)).status).toBe('ACCEPTED');

    // Approved by the head as a whole (a 20 % line and a 0 % one nine times its size: 2 % overall, within his 15 %); the 20 % line alone is 20 % overall.
    const q = await awaiting([line('20'), line('0', { quantity: '9' })]);
    await ok(head, 'approveQuotation', q.id);
    await ok(rep, 'sendQuotation', q.id);
    await ok(rep, 'acceptQuotation', q.id);
    expect(refusal(await convert(rep, q.id, [{ quotationLineId: q.lines[0]!.id }]))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });
    expect((await convert(rep, q.id)).errors).toBeUndefined();
  });

  it('lets concurrent approval and edit end with no approval standing over changed lines', async () => {
    for (let round = 0; round < 4; round += 1) {
      const q = await awaiting();
      const [approved, edited] = await Promise.all([step(head, 'approveQuotation', q.id), addLine(rep, q.id, line('30'))]);
      expect(edited.errors).toBeUndefined();
      const after = await read(q.id);
      // Whichever went first, the edit leaves the quotation a draft whose approval no longer counts.
      expect(after).toMatchObject({ status: 'DRAFT', approval: { status: 'VOIDED' } });
      // The approval either went first (then was voided) or found the request voided: CONFLICT, never another refusal.
      expect(refusal(approved)?.code ?? 'APPROVED').toMatch(/^(APPROVED|CONFLICT)$/);
      expect(refusal(await step(rep, 'sendQuotation', q.id))).toMatchObject({ reason: 'APPROVAL_REQUIRED' });
    }
  });
});
