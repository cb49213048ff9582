import { randomUUID } from 'node:crypto';
import { expectHiddenLikeUnknown, leanAndHydrated, startTestSubgraph, useTwoRepsOwningCustomers, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';
import { representations } from '../../testing.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { STAGE_COPY_MS } from '../pipeline/pipeline.loaders.js';

let subgraph: TestSubgraph;
const customerId = '0191b3a0-0000-7000-8000-0000000000c1';
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

interface Stage {
  id: string;
  name: string;
  probability: number;
  position: number;
  closing: boolean;
}
interface OpportunityResult {
  id: string;
  title: string;
  status: string;
  amount: { amount: string; currency: string };
  stage: { name: string };
  customer: { id: string };
  expectedCloseDate: string | null;
  closedAt: string | null;
}

const fields = 'id title status amount { amount currency } stage { name } customer { id } expectedCloseDate closedAt';
const openOpportunity = `mutation Open($input: OpenOpportunityInput!) { openOpportunity(input: $input) { ${fields} } }`;
const moveOpportunity = `mutation Move($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { ${fields} } }`;

const opportunityFactory = (overrides: Record<string, unknown> = {}) => ({
  customerId,
  title: 'Pumps for the new plant',
  amount: { amount: '12500.5', currency: 'eur' },
  ...overrides,
});

const count = async (table: string): Promise<number> => {
  const [row] = await subgraph.service.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from ${table}`);
  return row?.n ?? 0;
};

let stages: Stage[] = [];
const stageNamed = (name: string): Stage => {
  const stage = stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage;
};

async function open(overrides: Record<string, unknown> = {}): Promise<OpportunityResult> {
  const result = await subgraph.gql<{ openOpportunity: OpportunityResult }>(openOpportunity, { input: opportunityFactory(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.openOpportunity;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService);
  const result = await subgraph.gql<{ pipelineStages: Stage[] }>('{ pipelineStages { id name probability position closing } }');
  stages = result.data!.pipelineStages;
});
afterAll(async () => subgraph?.stop());

describe('pipeline and opportunities', () => {
  it('seeds the default pipeline with probabilities, Won and Lost closing it', () => {
    expect(stages.map(({ name, probability, position, closing }) => ({ name, probability, position, closing }))).toEqual([
      { name: 'Qualification', probability: 10, position: 1, closing: false },
      { name: 'Needs analysis', probability: 25, position: 2, closing: false },
      { name: 'Proposal', probability: 50, position: 3, closing: false },
      { name: 'Negotiation', probability: 75, position: 4, closing: false },
      { name: 'Won', probability: 100, position: 5, closing: true },
      { name: 'Lost', probability: 0, position: 6, closing: true },
    ]);
  });

  it('opens an opportunity in the first stage and writes its event to the outbox in the same transaction', async () => {
    const opportunity = await open({ expectedCloseDate: '2027-03-31' });
    expect(opportunity).toMatchObject({
      status: 'OPEN',
      amount: { amount: '12500.50', currency: 'EUR' },
      stage: { name: 'Qualification' },
      customer: { id: customerId },
      expectedCloseDate: '2027-03-31',
      closedAt: null,
    });
    const outbox = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ type: string; payload: { data: Record<string, unknown> } }[]>('select type, payload from outbox_message where message_key = ?', [opportunity.id]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.type).toBe('sales.opportunity.opened.v1');
    expect(outbox[0]?.payload.data).toEqual({
      opportunityId: opportunity.id,
      customerId,
      title: 'Pumps for the new plant',
      amount: { amount: '12500.50', currency: 'EUR' },
      stage: 'Qualification',
    });
  });

  it('opens an opportunity in the stage given', async () => {
    const opportunity = await open({ stageId: stageNamed('Proposal').id });
    expect(opportunity.stage.name).toBe('Proposal');
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const opportunitiesBefore = await count('opportunity');
    const outboxBefore = await count('outbox_message');
    const cases: [Record<string, unknown>, string][] = [
      [{ customerId: 'nope' }, 'input.customerId'],
      [{ title: '  ' }, 'input.title'],
      [{ amount: { amount: '-5', currency: 'EUR' } }, 'input.amount.amount'],
      [{ amount: { amount: '1.5', currency: 'EURO' } }, 'input.amount.currency'],
      [{ expectedCloseDate: '2027-02-30' }, 'input.expectedCloseDate'],
      [{ stageId: 'x' }, 'input.stageId'],
      [{ stageId: stageNamed('Won').id }, 'input.stageId'],
    ];
    for (const [overrides, field] of cases) {
      const result = await subgraph.gql(openOpportunity, { input: opportunityFactory(overrides) });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count('opportunity')).toBe(opportunitiesBefore);
    expect(await count('outbox_message')).toBe(outboxBefore);
  });

  it('answers an unknown stage or opportunity with NOT_FOUND naming the field', async () => {
    const unknownStage = await subgraph.gql(openOpportunity, { input: opportunityFactory({ stageId: unknownId }) });
    expect(unknownStage.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.stageId' });
    const unknownOpportunity = await subgraph.gql(`{ opportunity(id: "${unknownId}") { id } }`);
    expect(unknownOpportunity.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const moveUnknown = await subgraph.gql(moveOpportunity, { id: unknownId, stageId: stageNamed('Proposal').id });
    expect(moveUnknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const opportunity = await open();
    const toUnknownStage = await subgraph.gql(moveOpportunity, { id: opportunity.id, stageId: unknownId });
    expect(toUnknownStage.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'stageId' });
  });

  it('moves an opportunity through open stages, closes it as won at Won and then refuses to move it', async () => {
    const opportunity = await open();
    const negotiating = await subgraph.gql<{ moveOpportunity: OpportunityResult }>(moveOpportunity, { id: opportunity.id, stageId: stageNamed('Negotiation').id });
    expect(negotiating.data!.moveOpportunity).toMatchObject({ status: 'OPEN', stage: { name: 'Negotiation' }, closedAt: null });
    const won = await subgraph.gql<{ moveOpportunity: OpportunityResult }>(moveOpportunity, { id: opportunity.id, stageId: stageNamed('Won').id });
    expect(won.data!.moveOpportunity).toMatchObject({ status: 'WON', stage: { name: 'Won' } });
    expect(won.data!.moveOpportunity.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    const again = await subgraph.gql(moveOpportunity, { id: opportunity.id, stageId: stageNamed('Proposal').id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OPPORTUNITY_CLOSED' });
    const reread = await subgraph.gql<{ opportunity: OpportunityResult }>(`{ opportunity(id: "${opportunity.id}") { ${fields} } }`);
    expect(reread.data!.opportunity).toMatchObject({ status: 'WON', stage: { name: 'Won' } });
  });

  it('closes an opportunity as lost at Lost', async () => {
    const opportunity = await open();
    const lost = await subgraph.gql<{ moveOpportunity: OpportunityResult }>(moveOpportunity, { id: opportunity.id, stageId: stageNamed('Lost').id });
    expect(lost.data!.moveOpportunity).toMatchObject({ status: 'LOST', stage: { name: 'Lost' } });
  });

  it('lists opportunities newest first, filtered by customer and status, paged by cursor', async () => {
    const otherCustomer = '0191b3a0-0000-7000-8000-0000000000c2';
    const titles = ['First deal', 'Second deal', 'Third deal'];
    for (const title of titles) await open({ customerId: otherCustomer, title });
    const page = `query Page($after: String) { opportunities(filter: { customerId: "${otherCustomer}", status: OPEN }, first: 2, after: $after) {
      edges { node { title } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { opportunities: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const one = await subgraph.gql<Page>(page);
    expect(one.data!.opportunities.edges.map((e) => e.node.title)).toEqual(['Third deal', 'Second deal']);
    expect(one.data!.opportunities.pageInfo.hasNextPage).toBe(true);
    const two = await subgraph.gql<Page>(page, { after: one.data!.opportunities.pageInfo.endCursor });
    expect(two.data!.opportunities.edges.map((e) => e.node.title)).toEqual(['First deal']);
    expect(two.data!.opportunities.pageInfo.hasNextPage).toBe(false);
    const won = await subgraph.gql<Page>(`{ opportunities(filter: { status: WON }) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`);
    expect(won.data!.opportunities.edges).toHaveLength(1);
    const bad = await subgraph.gql(`{ opportunities(first: 500) { edges { cursor } } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('resolves N Opportunity references with one SQL query (_entities batches)', async () => {
    const ids = [(await open()).id, (await open()).id, (await open()).id];
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; title: string; stage: { name: string } } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { id title stage { name } } } }',
      { r: [...ids, unknownId].map((id) => ({ __typename: 'Opportunity', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, ids.length).map((o) => o?.id)).toEqual(ids);
    expect(result.data!._entities.at(-1)).toBeNull();
    expect(subgraph.queries.filter((q) => /from "opportunity"/.test(q))).toHaveLength(1);
    // The stages come from the process's copy of the stage table: one read at most.
    expect(subgraph.queries.filter((q) => /from "pipeline_stage"/.test(q)).length).toBeLessThanOrEqual(1);
  });
});

describe("the process's copy of the pipeline stages", () => {
  const stageOf = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { id stage { id name probability position closing } } } }';
  type Entities = { _entities: ({ id: string; stage: Stage } | null)[] };
  let opportunity: string;
  let stage: Stage;

  beforeAll(async () => {
    const pipeline = (await subgraph.must<{ createPipeline: { id: string } }>('mutation { createPipeline(input: { name: "Copy test" }) { id } }')).createPipeline;
    stage = (
      await subgraph.must<{ addPipelineStage: Stage }>(
        'mutation($p: ID!) { addPipelineStage(pipelineId: $p, input: { name: "Scoping", probability: 20 }) { id name probability position closing } }',
        { p: pipeline.id },
      )
    ).addPipelineStage;
    opportunity = (await open({ pipelineId: pipeline.id, stageId: stage.id })).id;
  });

  const readStage = async (): Promise<Stage> => {
    const result = await subgraph.gql<Entities>(stageOf, { r: [{ __typename: 'Opportunity', id: opportunity }] });
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!.stage;
  };

  it('answers the stages of later requests without reading the stage table, with what the table holds', async () => {
    await waitFor(
      async () => {
        subgraph.resetQueries();
        await readStage();
        subgraph.resetQueries();
        const again = await readStage();
        return subgraph.queries.some((q) => /from "pipeline_stage"/.test(q)) ? undefined : again;
      },
      { what: 'a stage answered from the copy', timeoutMs: 10 * STAGE_COPY_MS },
    );
    expect(await readStage()).toEqual(stage);
    const { lean, hydrated } = await leanAndHydrated(subgraph.service.orm.em.fork(), (em) => em.createQueryBuilder(PipelineStage).select('*'));
    expect(lean).toEqual(hydrated);
  });

  it("shows this process's own change to a stage at once", async () => {
    await readStage();
    await subgraph.must('mutation($id: ID!) { updatePipelineStage(id: $id, input: { name: "Scoping (renamed)", probability: 30 }) { id } }', { id: stage.id });
    expect(await readStage()).toMatchObject({ id: stage.id, name: 'Scoping (renamed)', probability: 30 });
  });

  it("shows another instance's change within STAGE_COPY_MS, and a stage it never saw at once", async () => {
    // Filled after its own change's bypass has passed.
    await waitFor(
      async () => {
        subgraph.resetQueries();
        await readStage();
        return subgraph.queries.some((q) => /from "pipeline_stage"/.test(q)) ? undefined : true;
      },
      { what: 'the copy in use', timeoutMs: 10 * STAGE_COPY_MS },
    );
    // Another instance of sales renames it: only the database changes.
    await subgraph.sql('update pipeline_stage set name = ? where id = ?', ['Scoping (elsewhere)', stage.id]);
    const seen = await waitFor(
      async () => {
        const now = await readStage();
        return now.name === 'Scoping (elsewhere)' ? now : undefined;
      },
      { what: 'the rename seen', timeoutMs: 10 * STAGE_COPY_MS, intervalMs: 50 },
    );
    expect(seen).toMatchObject({ id: stage.id, name: 'Scoping (elsewhere)' });
    // A stage added elsewhere is read at once: the copy does not know its id.
    const added = randomUUID();
    await subgraph.sql(
      'insert into pipeline_stage (id, pipeline_id, name, position, probability, forecast_category) select ?, pipeline_id, ?, 2, 40, ? from pipeline_stage where id = ?',
      [added, 'Added elsewhere', 'PIPELINE', stage.id],
    );
    await subgraph.sql('update opportunity set stage_id = ? where id = ?', [added, opportunity]);
    expect(await readStage()).toMatchObject({ id: added, name: 'Added elsewhere', probability: 40 });
  });
});

describe('who sees opportunities', () => {
  const { team, repA, repB, customerA, customerB } = useTwoRepsOwningCustomers(() => subgraph);
  let opportunityA: string;
  let opportunityB: string;

  type Page = { opportunities: { edges: { node: { id: string; customer: { id: string } } }[] } };
  const list = '{ opportunities(first: 100) { edges { node { id customer { id } } } } }';
  const listedBy = async (principal: TestPrincipal): Promise<string[]> => {
    const result = await subgraph.gqlAs<Page>(principal, list);
    expect(result.errors).toBeUndefined();
    return result.data!.opportunities.edges.map((e) => e.node.id);
  };
  const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
  const shareB = (userIds: string[]) => sql('update customer_access set shared_with = ? where customer_id = ?', [`{${userIds.join(',')}}`, customerB]);

  beforeAll(async () => {
    opportunityA = (await open({ customerId: customerA, title: "A's deal" })).id;
    opportunityB = (await open({ customerId: customerB, title: "B's deal" })).id;
  });

  it("lists to a rep only their own customers' opportunities", async () => {
    const result = await subgraph.gqlAs<Page>(repA, list);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.opportunities.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toContain(opportunityA);
    expect(nodes.every((n) => n.customer.id === customerA)).toBe(true);
    expect(await listedBy(repB)).toEqual([opportunityB]);
  });

  it("answers a rep asking for another rep's opportunity by id with NOT_FOUND, as for an unknown id", async () => {
    const own = await subgraph.gqlAs<{ opportunity: { id: string } }>(repA, `{ opportunity(id: "${opportunityA}") { id } }`);
    expect(own.data!.opportunity.id).toBe(opportunityA);
    await expectHiddenLikeUnknown(subgraph, repA, 'query($id: ID!) { opportunity(id: $id) { id } }', opportunityB);
  });

  it("resolves no Opportunity reference or Customer deal of another rep's customer, still in one query", async () => {
    subgraph.resetQueries();
    const result = await subgraph.gqlAs<{ _entities: ({ id: string; openOpportunities?: { id: string }[] } | null)[] }>(
      repA,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { id } ... on Customer { id openOpportunities { id } } } }`,
      {
        r: [...representations('Opportunity', opportunityA, opportunityB), ...representations('Customer', customerA, customerB)],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([{ id: opportunityA }, null, { id: customerA, openOpportunities: [{ id: opportunityA }] }, { id: customerB, openOpportunities: [] }]);
    expect(subgraph.queries.filter((q) => /from "opportunity"/.test(q))).toHaveLength(2);
  });

  it("lets a rep open and move deals for their own customers but not for another rep's (NOT_FOUND, nothing written)", async () => {
    const mine = await subgraph.gqlAs<{ openOpportunity: OpportunityResult }>(repA, openOpportunity, { input: opportunityFactory({ customerId: customerA }) });
    expect(mine.errors).toBeUndefined();
    const moved = await subgraph.gqlAs<{ moveOpportunity: OpportunityResult }>(repA, moveOpportunity, { id: mine.data!.openOpportunity.id, stageId: stageNamed('Proposal').id });
    expect(moved.data!.moveOpportunity.stage.name).toBe('Proposal');

    const opportunitiesBefore = await count('opportunity');
    const outboxBefore = await count('outbox_message');
    const openForB = await subgraph.gqlAs(repA, openOpportunity, { input: opportunityFactory({ customerId: customerB }) });
    expect(openForB.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
    const moveB = await subgraph.gqlAs(repA, moveOpportunity, { id: opportunityB, stageId: stageNamed('Won').id });
    expect(moveB.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await count('opportunity')).toBe(opportunitiesBefore);
    expect(await count('outbox_message')).toBe(outboxBefore);
    const [b] = await sql<{ status: string }>('select status from opportunity where id = ?', [opportunityB]);
    expect(b?.status).toBe('OPEN');
  });

  it("shows a rep another rep's opportunities once that customer is shared with them", async () => {
    await shareB([repA.userId]);
    try {
      expect(await listedBy(repA)).toEqual(expect.arrayContaining([opportunityA, opportunityB]));
      const shared = await subgraph.gqlAs<{ opportunity: { id: string } }>(repA, `{ opportunity(id: "${opportunityB}") { id } }`);
      expect(shared.data!.opportunity.id).toBe(opportunityB);
    } finally {
      await shareB([]);
    }
    expect(await listedBy(repA)).not.toContain(opportunityB);
  });

  it("shows a team head their team's opportunities, and a head of another team none of them", async () => {
    const head = await listedBy({ role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [team] });
    expect(head).toEqual(expect.arrayContaining([opportunityA, opportunityB]));
    const otherHead = await listedBy({ role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [randomUUID()] });
    expect(otherHead).not.toContain(opportunityA);
    expect(otherHead).not.toContain(opportunityB);
  });

  it('shows a director every opportunity', async () => {
    const all = await listedBy({ role: 'DIRECTOR', userId: randomUUID() });
    expect(all).toEqual(expect.arrayContaining([opportunityA, opportunityB]));
    expect(all.length).toBe(await count('opportunity'));
  });

  it('refuses opportunities and pipeline stages to roles outside sales (FORBIDDEN), and resolves no references for them', async () => {
    for (const role of ['SUPPORT_AGENT', 'WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT'] as const) {
      const listed = await subgraph.gqlAs({ role }, list);
      expect(listed.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
      const opened = await subgraph.gqlAs({ role }, openOpportunity, { input: opportunityFactory({ customerId: customerA }) });
      expect(opened.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
      const stagesRead = await subgraph.gqlAs({ role }, '{ pipelineStages { id } }');
      expect(stagesRead.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
    subgraph.resetQueries();
    const refs = await subgraph.gqlAs<{ _entities: unknown[] }>({ role: 'SUPPORT_AGENT' }, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { id } } }', {
      r: [{ __typename: 'Opportunity', id: opportunityA }],
    });
    expect(refs.errors).toBeUndefined();
    expect(refs.data!._entities).toEqual([null]);
    expect(subgraph.queries.filter((q) => /from "opportunity"/.test(q))).toHaveLength(0);
  });

  it('lets a rep read the pipeline stages', async () => {
    const result = await subgraph.gqlAs<{ pipelineStages: Stage[] }>(repA, '{ pipelineStages { id name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.pipelineStages).toHaveLength(stages.length);
  });
});
