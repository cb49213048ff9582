import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type GraphQLResult, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';

let subgraph: TestSubgraph;
const buyer: TestPrincipal = { userId: randomUUID(), role: 'BUYER' };
const director: TestPrincipal = { userId: randomUUID(), role: 'DIRECTOR' };
const accountant: TestPrincipal = { userId: randomUUID(), role: 'ACCOUNTANT' };
const clerk: TestPrincipal = { userId: randomUUID(), role: 'WAREHOUSE_CLERK' };

interface Entry {
  action: string;
  actorId: string | null;
  requestId: string | null;
  changes: { field: string; from: string | null; to: string | null }[];
}
type History = { supplier: { history: Entry[] } };
const historyQuery = 'query($id: ID!) { supplier(id: $id) { history { action actorId requestId changes { field from to } } } }';
const createMutation = 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';
const deleteMutation = 'mutation($id: ID!) { deleteSupplier(id: $id) { id deletedAt } }';
const restoreMutation = 'mutation($id: ID!) { restoreSupplier(id: $id) { id deletedAt } }';
const supplierEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier { id name } } }';

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const auditCount = async () => (await sql<{ n: number }>('select count(*)::int as n from audit_entry'))[0]!.n;

async function historyOf(principal: TestPrincipal, id: string): Promise<Entry[]> {
  const result = await subgraph.gqlAs<History>(principal, historyQuery, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.supplier.history;
}

async function createSupplier(name: string): Promise<string> {
  const result = await subgraph.gqlAs<{ createSupplier: { id: string } }>(buyer, createMutation, { input: { name, currency: 'EUR' } });
  expect(result.errors).toBeUndefined();
  return result.data!.createSupplier.id;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
});
afterAll(async () => subgraph?.stop());

describe('supplier audit trail and soft deletion', () => {
  let id = '';

  it('records who created a supplier, with every field from nothing', async () => {
    const created = await subgraph.gqlAs<{ createSupplier: { id: string } }>(buyer, createMutation, {
      input: { name: 'Audit Valves AB', email: 'Orders@AuditValves.example', currency: 'SEK', paymentTermsDays: 45 },
    });
    expect(created.errors).toBeUndefined();
    id = created.data!.createSupplier.id;
    const history = await historyOf(buyer, id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'CREATE', actorId: buyer.userId });
    expect(history[0]!.requestId).toBeTruthy();
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: null, to: '"Audit Valves AB"' },
        { field: 'email', from: null, to: '"orders@auditvalves.example"' },
        { field: 'currency', from: null, to: '"SEK"' },
        { field: 'paymentTermsDays', from: null, to: '45' },
      ]),
    );
  });

  it('deletes softly: the supplier vanishes from the list and lookups (NOT_FOUND like an unknown id), and its references resolve to null in one query', async () => {
    const live = await createSupplier('Audit Castings');
    const deleted = await subgraph.gqlAs<{ deleteSupplier: { id: string; deletedAt: string | null } }>(buyer, deleteMutation, { id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteSupplier.deletedAt).toBeTruthy();

    const lookup = await subgraph.gqlAs(accountant, 'query($id: ID!) { supplier(id: $id) { id } }', { id });
    const unknown = await subgraph.gqlAs(accountant, 'query($id: ID!) { supplier(id: $id) { id } }', { id: randomUUID() });
    expect(lookup.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(lookup.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions);
    const list = await subgraph.gqlAs<{ suppliers: { edges: { node: { id: string } }[] } }>(clerk, '{ suppliers(filter: { search: "Audit" }) { edges { node { id } } } }');
    expect(list.data!.suppliers.edges.map((e) => e.node.id)).toEqual([live]);

    subgraph.resetQueries();
    const refs = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(buyer, supplierEntities, {
      r: [
        { __typename: 'Supplier', id },
        { __typename: 'Supplier', id: live },
      ],
    });
    expect(refs.data!._entities).toEqual([null, { id: live, name: 'Audit Castings' }]);
    expect(subgraph.queries.filter((q) => /from "supplier"/.test(q))).toHaveLength(1);

    expect(codeOf(await subgraph.gqlAs(buyer, deleteMutation, { id }))).toBe('CONFLICT');
    expect(codeOf(await subgraph.gqlAs(buyer, deleteMutation, { id: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('lets only roles with full access restore a deleted supplier, and read-only roles neither delete nor restore, writing nothing', async () => {
    const before = await auditCount();
    for (const caller of [accountant, clerk, { userId: randomUUID(), role: 'SALES_REP' } as TestPrincipal]) {
      expect(codeOf(await subgraph.gqlAs(caller, restoreMutation, { id })), caller.role).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(caller, deleteMutation, { id })), caller.role).toBe('FORBIDDEN');
    }
    expect(await auditCount()).toBe(before);
    const [row] = await sql<{ deleted_at: Date | null }>('select deleted_at from supplier where id = ?', [id]);
    expect(row!.deleted_at).not.toBeNull();
  });

  it('records deletion and restoration by whom, and refuses to restore a live supplier', async () => {
    const restored = await subgraph.gqlAs<{ restoreSupplier: { id: string; deletedAt: string | null } }>(director, restoreMutation, { id });
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreSupplier).toEqual({ id, deletedAt: null });
    expect(codeOf(await subgraph.gqlAs(director, restoreMutation, { id }))).toBe('CONFLICT');
    expect(codeOf(await subgraph.gqlAs(director, restoreMutation, { id: randomUUID() }))).toBe('NOT_FOUND');
    const refs = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(buyer, supplierEntities, { r: [{ __typename: 'Supplier', id }] });
    expect(refs.data!._entities).toEqual([{ id, name: 'Audit Valves AB' }]);

    const history = await historyOf(buyer, id);
    expect(history.map((h) => [h.action, h.actorId])).toEqual([
      ['RESTORE', director.userId],
      ['DELETE', buyer.userId],
      ['CREATE', buyer.userId],
    ]);
    const deletedAt = history[1]!.changes.find((c) => c.field === 'deletedAt');
    expect(deletedAt).toMatchObject({ from: null });
    expect(Date.parse(JSON.parse(deletedAt!.to!) as string)).not.toBeNaN();
    expect(history[0]!.changes).toEqual([{ field: 'deletedAt', from: deletedAt!.to, to: null }]);
  });

  it('shows the history to every role that may see suppliers, and forbids it to the others', async () => {
    for (const caller of [accountant, clerk, director]) expect((await historyOf(caller, id)).map((h) => h.action)).toEqual(['RESTORE', 'DELETE', 'CREATE']);
    expect(codeOf(await subgraph.gqlAs({ userId: randomUUID(), role: 'SUPPORT_AGENT' }, historyQuery, { id }))).toBe('FORBIDDEN');
    const paged = await subgraph.gqlAs<History>(buyer, 'query($id: ID!) { supplier(id: $id) { history(first: 1) { action } } }', { id });
    expect(paged.data!.supplier.history.map((h) => h.action)).toEqual(['RESTORE']);
  });
});
