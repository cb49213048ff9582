import { randomUUID } from 'node:crypto';
import { testCast, type TestPrincipal, testPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { createCustomerAs, useCustomersSubgraph } from '../../testing.js';

const { team, rep, otherRep, head } = testCast();
const subgraph = useCustomersSubgraph();

type AddressView = {
  id: string;
  kind: string;
  street: string;
  postalCode: string | null;
  city: string;
  region: string | null;
  country: string;
  customer: { id: string; name: string };
};
const add = `mutation($input: AddAddressInput!) { addAddress(input: $input) { id kind street postalCode city region country customer { id name } } }`;
const remove = `mutation($id: ID!) { removeAddress(id: $id) { id deletedAt } }`;
const restore = `mutation($id: ID!) { restoreAddress(id: $id) { id deletedAt } }`;
const addressesOf = `query($id: ID!) { customer(id: $id) { addresses { kind city country } } }`;

const newCustomer = (who: TestPrincipal, name: string): Promise<string> => createCustomerAs(subgraph, who, name);

async function addAs(who: TestPrincipal, input: Record<string, unknown>): Promise<AddressView> {
  const r = await subgraph.gqlAs<{ addAddress: AddressView }>(who, add, { input: { kind: 'BILLING', street: 'Main St 1', city: 'Hamburg', country: 'DE', ...input } });
  expect(r.errors).toBeUndefined();
  return r.data!.addAddress;
}

const addresses = async (who: TestPrincipal, id: string) =>
  (await subgraph.gqlAs<{ customer: { addresses: { kind: string; city: string; country: string }[] } }>(who, addressesOf, { id })).data!.customer.addresses;

describe('addresses', () => {
  it('adds billing, shipping and site addresses, country upper-cased, listed by kind', async () => {
    const customerId = await newCustomer(rep, 'Address Co');
    const billing = await addAs(rep, { customerId, street: ' Hafenstraße 5 ', postalCode: '20457', city: 'Hamburg', country: 'de' });
    expect(billing).toMatchObject({
      kind: 'BILLING',
      street: 'Hafenstraße 5',
      postalCode: '20457',
      city: 'Hamburg',
      region: null,
      country: 'DE',
      customer: { id: customerId, name: 'Address Co' },
    });
    await addAs(rep, { customerId, kind: 'SITE', city: 'Lyon', country: 'FR', region: 'Auvergne-Rhône-Alpes' });
    await addAs(rep, { customerId, kind: 'SHIPPING', city: 'Bremen', country: 'DE' });
    expect(await addresses(rep, customerId)).toEqual([
      { kind: 'BILLING', city: 'Hamburg', country: 'DE' },
      { kind: 'SHIPPING', city: 'Bremen', country: 'DE' },
      { kind: 'SITE', city: 'Lyon', country: 'FR' },
    ]);
  });

  it('rejects bad input naming the field, including a country that is not ISO 3166-1 alpha-2', async () => {
    const customerId = await newCustomer(rep, 'Bad Address Co');
    const cases: [Record<string, unknown>, string][] = [
      [{ country: 'XX' }, 'input.country'],
      [{ country: 'Germany' }, 'input.country'],
      [{ city: ' ' }, 'input.city'],
      [{ street: '' }, 'input.street'],
      [{ postalCode: '1'.repeat(21) }, 'input.postalCode'],
    ];
    for (const [changes, field] of cases) {
      const r = await subgraph.gqlAs(rep, add, { input: { customerId, kind: 'BILLING', street: 'S 1', city: 'C', country: 'DE', ...changes } });
      expect({ field, ext: r.errors?.[0]?.extensions }).toMatchObject({ field, ext: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await addresses(rep, customerId)).toEqual([]);
    const unknown = await subgraph.gqlAs(rep, add, { input: { customerId: randomUUID(), kind: 'BILLING', street: 'S 1', city: 'C', country: 'DE' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
  });

  it('removes an address softly and lets only a team head restore it', async () => {
    const customerId = await newCustomer(rep, 'Moving Co');
    const a = await addAs(rep, { customerId, city: 'Kiel' });
    const removed = await subgraph.gqlAs<{ removeAddress: { deletedAt: string | null } }>(rep, remove, { id: a.id });
    expect(removed.data!.removeAddress.deletedAt).toBeTruthy();
    expect(await addresses(rep, customerId)).toEqual([]);
    expect((await subgraph.gqlAs(rep, remove, { id: a.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await subgraph.gqlAs(rep, restore, { id: a.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.gqlAs<{ restoreAddress: { deletedAt: string | null } }>(head, restore, { id: a.id })).data!.restoreAddress.deletedAt).toBeNull();
    expect(await addresses(rep, customerId)).toEqual([{ kind: 'BILLING', city: 'Kiel', country: 'DE' }]);
  });

  it('keeps addresses to those who may see the customer: another rep can neither add nor remove', async () => {
    const customerId = await newCustomer(rep, 'Hidden Address Co');
    const a = await addAs(rep, { customerId });
    const addByOther = await subgraph.gqlAs(otherRep, add, { input: { customerId, kind: 'SITE', street: 'S 1', city: 'C', country: 'DE' } });
    expect(addByOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await subgraph.gqlAs(otherRep, remove, { id: a.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await addresses(head, customerId)).toHaveLength(1);
  });

  it('finds customers by the city of any of their live addresses, ignoring case', async () => {
    const owner = testPrincipal('SALES_REP', [randomUUID()]);
    const oslo = await newCustomer(owner, 'City Oslo');
    const both = await newCustomer(owner, 'City Both');
    const gone = await newCustomer(owner, 'City Gone');
    await newCustomer(owner, 'City None');
    await addAs(owner, { customerId: oslo, city: 'Oslo', country: 'NO' });
    await addAs(owner, { customerId: both, kind: 'BILLING', city: 'Bergen', country: 'NO' });
    await addAs(owner, { customerId: both, kind: 'SITE', city: 'oslo', country: 'NO' });
    const removed = await addAs(owner, { customerId: gone, city: 'Oslo', country: 'NO' });
    await subgraph.gqlAs(owner, remove, { id: removed.id });
    const r = await subgraph.gqlAs<{ customers: { edges: { node: { name: string } }[] } }>(owner, `{ customers(filter: { city: "OSLO" }) { edges { node { name } } } }`);
    expect(r.data!.customers.edges.map((e) => e.node.name)).toEqual(['City Both', 'City Oslo']);
  });

  it('resolves the addresses of N customers with one SQL query', async () => {
    const ids: string[] = [];
    for (const name of ['Addr 1', 'Addr 2', 'Addr 3']) {
      const customerId = await newCustomer(rep, name);
      await addAs(rep, { customerId, city: name });
      ids.push(customerId);
    }
    subgraph.resetQueries();
    const r = await subgraph.gqlAs<{ _entities: { addresses: { city: string }[] }[] }>(
      rep,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { addresses { city } } } }`,
      { r: ids.map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities.map((e) => e.addresses.map((a) => a.city))).toEqual([['Addr 1'], ['Addr 2'], ['Addr 3']]);
    expect(subgraph.queries.filter((q) => /from "customer_address"/.test(q))).toHaveLength(1);
  });
});
