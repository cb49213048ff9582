import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';
import { as, createSupplier, must } from '../order/order.testing.js';

let subgraph: TestSubgraph;
const buyer = as('BUYER');
let supplierId = '';

const addContact = 'mutation($s: ID!, $i: SupplierContactInput!) { addSupplierContact(supplierId: $s, input: $i) { id name email } }';
const addAddress = 'mutation($s: ID!, $i: SupplierAddressInput!) { addSupplierAddress(supplierId: $s, input: $i) { id kind city country } }';
const read = 'query($id: ID!) { supplier(id: $id) { contacts { name position email } addresses { kind street postalCode city country } } }';

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
  supplierId = await createSupplier(subgraph, buyer, 'Contact Castings GmbH');
});
afterAll(async () => subgraph?.stop());

describe('supplier contacts and addresses', () => {
  it('keeps several contacts and addresses per supplier, and removes them softly', async () => {
    const ola = (
      await must<{ addSupplierContact: { id: string } }>(subgraph, buyer, addContact, {
        s: supplierId,
        i: { name: 'Ola Berg', position: 'Key account', email: 'Ola@Castings.example' },
      })
    ).addSupplierContact;
    await must(subgraph, buyer, addContact, { s: supplierId, i: { name: 'Ines Kurz', phone: '+49 40 123' } });
    await must(subgraph, buyer, addAddress, { s: supplierId, i: { kind: 'BILLING', street: 'Ring 2', postalCode: '10115', city: 'Berlin', country: 'de' } });
    await must(subgraph, buyer, addAddress, { s: supplierId, i: { kind: 'OFFICE', street: 'Hafenstr. 1', postalCode: '20457', city: 'Hamburg', country: 'DE' } });
    const seen = (await must<{ supplier: { contacts: unknown[]; addresses: unknown[] } }>(subgraph, as('ACCOUNTANT'), read, { id: supplierId })).supplier;
    expect(seen.contacts).toEqual([
      { name: 'Ines Kurz', position: null, email: null },
      { name: 'Ola Berg', position: 'Key account', email: 'ola@castings.example' },
    ]);
    expect(seen.addresses).toEqual([
      { kind: 'BILLING', street: 'Ring 2', postalCode: '10115', city: 'Berlin', country: 'DE' },
      { kind: 'OFFICE', street: 'Hafenstr. 1', postalCode: '20457', city: 'Hamburg', country: 'DE' },
    ]);
    await must(subgraph, buyer, 'mutation($id: ID!) { removeSupplierContact(id: $id) { id } }', { id: ola.id });
    expect((await must<{ supplier: { contacts: { name: string }[] } }>(subgraph, buyer, read, { id: supplierId })).supplier.contacts.map((c) => c.name)).toEqual(['Ines Kurz']);
    const again = await subgraph.gqlAs(buyer, 'mutation($id: ID!) { removeSupplierContact(id: $id) { id } }', { id: ola.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses bad input naming the field, and sales may not touch suppliers', async () => {
    const error = async (query: string, variables: Record<string, unknown>, principal = buyer) => (await subgraph.gqlAs(principal, query, variables)).errors?.[0]?.extensions;
    expect(await error(addAddress, { s: supplierId, i: { kind: 'OFFICE', street: 'X', postalCode: '1', city: 'Y', country: 'Germany' } })).toMatchObject({
      field: 'input.country',
    });
    expect(await error(addContact, { s: supplierId, i: { name: 'A', email: 'not-an-email' } })).toMatchObject({ field: 'input.email' });
    expect(await error(addContact, { s: randomUUID(), i: { name: 'A' } })).toMatchObject({ code: 'NOT_FOUND', field: 'supplierId' });
    expect(await error(addContact, { s: supplierId, i: { name: 'A' } }, as('SALES_REP'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await error(addContact, { s: supplierId, i: { name: 'A' } }, as('ACCOUNTANT'))).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
  });
});
