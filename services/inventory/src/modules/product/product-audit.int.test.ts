import { randomUUID } from 'node:crypto';
import { type HistoryEntry, historyOf, startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from '../../create-inventory-service.js';

let subgraph: TestSubgraph;
const clerk: TestPrincipal = { userId: randomUUID(), role: 'WAREHOUSE_CLERK' };
const director: TestPrincipal = { userId: randomUUID(), role: 'DIRECTOR' };
const rep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };

const historyQuery = `query($id: ID!) { product(id: $id) { history { action } } }`;
const historyAs = (principal: TestPrincipal, id: string): Promise<HistoryEntry[]> => historyOf(subgraph, principal, 'product', id);
const deleteProduct = `mutation($id: ID!) { deleteProduct(id: $id) { id deletedAt } }`;
const restoreProduct = `mutation($id: ID!) { restoreProduct(id: $id) { id deletedAt } }`;
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService);
});
afterAll(async () => subgraph?.stop());

describe('product audit trail and soft deletion', () => {
  let id = '';

  it('records who created a product, with every field from nothing', async () => {
    const created = await subgraph.gqlAs<{ createProduct: { id: string } }>(clerk, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { sku: 'audit-pump', name: 'Audited pump', listPrice: { amount: '99.5', currency: 'EUR' } },
    });
    expect(created.errors).toBeUndefined();
    id = created.data!.createProduct.id;

    const history = await historyAs(rep, id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'CREATE', actorId: clerk.userId });
    expect(history[0]!.requestId).toBeTruthy();
    expect(history[0]!.changes).toContainEqual({ field: 'sku', from: null, to: '"AUDIT-PUMP"' });
    expect(history[0]!.changes).toContainEqual({ field: 'name', from: null, to: '"Audited pump"' });
    expect(history[0]!.changes).toContainEqual({ field: 'currency', from: null, to: '"EUR"' });
  });

  it('deletes softly: the product vanishes from the catalogue, lookups and references, and a second delete is a CONFLICT', async () => {
    const deleted = await subgraph.gqlAs<{ deleteProduct: { id: string; deletedAt: string | null } }>(clerk, deleteProduct, { id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteProduct.deletedAt).toBeTruthy();

    const listed = await subgraph.gqlAs<{ products: { edges: unknown[] } }>(director, '{ products(filter: { search: "AUDIT-PUMP" }) { edges { cursor } } }');
    expect(listed.data!.products.edges).toEqual([]);
    expect(codeOf(await subgraph.gqlAs(director, 'query($id: ID!) { product(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
    const refs = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(director, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id } } }', {
      r: [{ __typename: 'Product', id }],
    });
    expect(refs.data!._entities).toEqual([null]);

    expect(codeOf(await subgraph.gqlAs(clerk, deleteProduct, { id }))).toBe('CONFLICT');
  });

  it('keeps the SKU of a deleted product taken, pointing at restoring it', async () => {
    const again = await subgraph.gqlAs(clerk, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { sku: 'AUDIT-PUMP', name: 'Another pump', listPrice: { amount: '1', currency: 'EUR' } },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.sku', reason: 'SKU_TAKEN' });
    expect(again.errors?.[0]?.message).toMatch(/restore/);
  });

  it('refuses deleting and restoring to roles that only read the catalogue (FORBIDDEN)', async () => {
    const other = await subgraph.gqlAs<{ createProduct: { id: string } }>(clerk, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { sku: 'audit-valve', name: 'Audited valve', listPrice: { amount: '5', currency: 'EUR' } },
    });
    expect(codeOf(await subgraph.gqlAs(rep, deleteProduct, { id: other.data!.createProduct.id }))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs(rep, restoreProduct, { id }))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs({ role: 'SALES_MANAGER', teamIds: [] }, restoreProduct, { id }))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs(null, restoreProduct, { id }))).toBe('UNAUTHENTICATED');
  });

  it('restores a deleted product to the catalogue; restoring a live one is a CONFLICT and an unknown one NOT_FOUND', async () => {
    const restored = await subgraph.gqlAs<{ restoreProduct: { id: string; deletedAt: string | null } }>(director, restoreProduct, { id });
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreProduct).toEqual({ id, deletedAt: null });
    const byId = await subgraph.gqlAs<{ product: { sku: string } }>(rep, 'query($id: ID!) { product(id: $id) { sku } }', { id });
    expect(byId.data!.product.sku).toBe('AUDIT-PUMP');

    expect(codeOf(await subgraph.gqlAs(director, restoreProduct, { id }))).toBe('CONFLICT');
    expect(codeOf(await subgraph.gqlAs(director, restoreProduct, { id: randomUUID() }))).toBe('NOT_FOUND');
    expect((await subgraph.gqlAs(director, restoreProduct, { id: 'PUMP-1' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('records the deletion and the restoration with their actors, newest first, readable by every role that sees products', async () => {
    const history = await historyAs(rep, id);
    expect(history.map((h) => [h.action, h.actorId])).toEqual([
      ['RESTORE', director.userId],
      ['DELETE', clerk.userId],
      ['CREATE', clerk.userId],
    ]);
    expect(history[1]!.changes).toEqual([{ field: 'deletedAt', from: null, to: expect.stringMatching(/^"\d{4}-\d\d-\d\dT/) }]);
    expect(history[0]!.changes).toEqual([{ field: 'deletedAt', from: expect.stringMatching(/^"\d{4}-/), to: null }]);
    expect(codeOf(await subgraph.gqlAs(null, historyQuery, { id }))).toBe('UNAUTHENTICATED');
  });
});
