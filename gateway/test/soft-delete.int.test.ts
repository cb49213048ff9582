import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Issue 9, item 2: one soft-deletion vocabulary across the graph. Deleting (removing, archiving) a
// record that is deleted already is CONFLICT `<ENTITY>_ALREADY_DELETED`, restoring a live one is
// CONFLICT `<ENTITY>_NOT_DELETED`, both naming `id`; a deleted record can be restored, once.

let system: TestSystem;
const must = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => system.must<T>(system.adminToken, query, variables);

interface Deletable {
  entity: string;
  delete: string;
  restore: string;
  create: () => Promise<string>;
}

let customerId = '';
const created = async (query: string, variables: Record<string, unknown> = {}): Promise<string> => {
  const data = await must<Record<string, { id: string }>>(query, variables);
  return Object.values(data)[0]!.id;
};

const DELETABLE: Deletable[] = [
  {
    entity: 'CUSTOMER',
    delete: 'deleteCustomer',
    restore: 'restoreCustomer',
    create: () => created(`mutation { createCustomer(input: { name: "Soft Delete Ltd", kind: COMPANY }) { id } }`),
  },
  {
    entity: 'CONTACT',
    delete: 'removeContact',
    restore: 'restoreContact',
    create: () => created(`mutation($c: ID!) { addContact(input: { customerId: $c, name: "Carla Contact" }) { id } }`, { c: customerId }),
  },
  {
    entity: 'ADDRESS',
    delete: 'removeAddress',
    restore: 'restoreAddress',
    create: () =>
      created(`mutation($c: ID!) { addAddress(input: { customerId: $c, kind: BILLING, street: "1 Main St", city: "Springfield", country: "DE" }) { id } }`, { c: customerId }),
  },
  {
    entity: 'TICKET',
    delete: 'deleteTicket',
    restore: 'restoreTicket',
    create: () => created(`mutation($c: ID!) { openTicket(input: { customerId: $c, subject: "Soft" }) { id } }`, { c: customerId }),
  },
  {
    entity: 'OPPORTUNITY',
    delete: 'deleteOpportunity',
    restore: 'restoreOpportunity',
    create: () =>
      created(`mutation($c: ID!) { openOpportunity(input: { customerId: $c, title: "Soft deal", amount: { amount: "10.00", currency: "EUR" } }) { id } }`, { c: customerId }),
  },
  {
    entity: 'PRODUCT',
    delete: 'deleteProduct',
    restore: 'restoreProduct',
    create: () => created(`mutation { createProduct(input: { sku: "SOFT-1", name: "Soft", listPrice: { amount: "1.00", currency: "EUR" } }) { id } }`),
  },
  {
    entity: 'SUPPLIER',
    delete: 'deleteSupplier',
    restore: 'restoreSupplier',
    create: () => created(`mutation { createSupplier(input: { name: "Soft Supplies", currency: "EUR" }) { id } }`),
  },
  {
    entity: 'ARTICLE',
    delete: 'archiveArticle',
    restore: 'restoreArticle',
    create: () => created(`mutation { createArticle(input: { category: "Soft", title: "Soft deletion", body: "How it works." }) { id } }`),
  },
];

beforeAll(async () => {
  system = await startTestSystem('soft-delete-test');
  customerId = await created(`mutation { createCustomer(input: { name: "Soft Parent Ltd", kind: COMPANY }) { id } }`);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe('deleting and restoring speak one vocabulary', () => {
  for (const record of DELETABLE) {
    it(`${record.delete} / ${record.restore}: CONFLICT ${record.entity}_NOT_DELETED, then ${record.entity}_ALREADY_DELETED`, async () => {
      const id = await record.create();
      const call = (mutation: string) => system.as(system.adminToken, `mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id });
      expect((await call(record.restore)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: `${record.entity}_NOT_DELETED`, field: 'id' });
      expect((await call(record.delete)).errors).toBeUndefined();
      expect((await call(record.delete)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: `${record.entity}_ALREADY_DELETED`, field: 'id' });
      expect((await call(record.restore)).errors).toBeUndefined();
      expect((await call(record.restore)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: `${record.entity}_NOT_DELETED`, field: 'id' });
    });
  }
});
