import { randomUUID } from 'node:crypto';
import { testCast, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { createCustomerAs, useCustomersSubgraph } from '../../testing.js';

const { team, rep, otherRep, head, agent } = testCast();
const subgraph = useCustomersSubgraph();

type ContactView = { id: string; name: string; emails: string[]; phones: string[]; preferredChannel: string | null; primary: boolean; customer: { id: string } };
const view = 'id name emails phones preferredChannel primary customer { id }';
const add = `mutation($input: AddContactInput!) { addContact(input: $input) { ${view} } }`;
const update = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { ${view} } }`;
const remove = `mutation($id: ID!) { removeContact(id: $id) { id primary deletedAt } }`;
const restore = `mutation($id: ID!) { restoreContact(id: $id) { id primary deletedAt } }`;
const contactsOf = `query($id: ID!) { customer(id: $id) { contacts { name primary } } }`;

const sql = subgraph.sql;

const newCustomer = (who: TestPrincipal, name: string): Promise<string> => createCustomerAs(subgraph, who, name);

async function addAs(who: TestPrincipal, input: Record<string, unknown>): Promise<ContactView> {
  const r = await subgraph.gqlAs<{ addContact: ContactView }>(who, add, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.addContact;
}

const contactNames = async (who: TestPrincipal, id: string) =>
  (await subgraph.gqlAs<{ customer: { contacts: { name: string; primary: boolean }[] } }>(who, contactsOf, { id })).data!.customer.contacts;

describe('contacts', () => {
  it('adds a contact with normalised emails, de-duplicated phones and a preferred channel', async () => {
    const customerId = await newCustomer(rep, 'Contact Co');
    const c = await addAs(rep, {
      customerId,
      name: ' Ann Berg ',
      title: 'Buyer',
      emails: ['Ann@Contact.example', 'ann@contact.example'],
      phones: ['+46 8 123', '+46 8 123'],
      preferredChannel: 'PHONE',
    });
    expect(c).toMatchObject({ name: 'Ann Berg', emails: ['ann@contact.example'], phones: ['+46 8 123'], preferredChannel: 'PHONE', primary: false, customer: { id: customerId } });
    const history = await subgraph.gqlAs<{ customer: { contacts: { history: { action: string; actorId: string }[] }[] } }>(
      rep,
      `query($id: ID!) { customer(id: $id) { contacts { history { action actorId } } } }`,
      { id: customerId },
    );
    expect(history.data!.customer.contacts[0]!.history).toEqual([{ action: 'CREATE', actorId: rep.userId }]);
  });

  it('keeps at most one primary contact: a new primary unsets the old one in the same write', async () => {
    const customerId = await newCustomer(rep, 'Primary Co');
    const first = await addAs(rep, { customerId, name: 'First', primary: true });
    await addAs(rep, { customerId, name: 'Second', primary: true });
    expect(await contactNames(rep, customerId)).toEqual([
      { name: 'Second', primary: true },
      { name: 'First', primary: false },
    ]);
    const promoted = await subgraph.gqlAs<{ updateContact: ContactView }>(rep, update, { input: { id: first.id, primary: true } });
    expect(promoted.data!.updateContact.primary).toBe(true);
    expect(await contactNames(rep, customerId)).toEqual([
      { name: 'First', primary: true },
      { name: 'Second', primary: false },
    ]);
    const rows = await sql('select count(*)::int as n from contact where customer_id = ? and is_primary and deleted_at is null', [customerId]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('refuses a second primary contact in SQL too, whatever the code does', async () => {
    const customerId = await newCustomer(rep, 'Sql Guard Co');
    await addAs(rep, { customerId, name: 'One', primary: true });
    const two = await addAs(rep, { customerId, name: 'Two' });
    await expect(sql('update contact set is_primary = true where id = ?', [two.id])).rejects.toThrow(/contact_one_primary_per_customer/);
  });

  it('removes a contact softly, no longer primary; only a team head restores it, as an ordinary contact', async () => {
    const customerId = await newCustomer(rep, 'Removal Co');
    const c = await addAs(rep, { customerId, name: 'Leaving', primary: true });
    const removed = await subgraph.gqlAs<{ removeContact: { primary: boolean; deletedAt: string | null } }>(rep, remove, { id: c.id });
    expect(removed.data!.removeContact).toMatchObject({ primary: false });
    expect(removed.data!.removeContact.deletedAt).toBeTruthy();
    expect(await contactNames(rep, customerId)).toEqual([]);
    expect((await subgraph.gqlAs(rep, remove, { id: c.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await subgraph.gqlAs(rep, restore, { id: c.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const restored = await subgraph.gqlAs<{ restoreContact: { primary: boolean; deletedAt: string | null } }>(head, restore, { id: c.id });
    expect(restored.data!.restoreContact).toEqual({ id: c.id, primary: false, deletedAt: null });
    expect(await contactNames(rep, customerId)).toEqual([{ name: 'Leaving', primary: false }]);
  });

  it('rejects bad input naming the field, writing nothing, and unknown customers with NOT_FOUND', async () => {
    const customerId = await newCustomer(rep, 'Bad Input Co');
    const cases: [Record<string, unknown>, string][] = [
      [{ customerId, name: '  ' }, 'input.name'],
      [{ customerId, name: 'X', emails: ['ok@x.example', 'nope'] }, 'input.emails.1'],
      [{ customerId, name: 'X', phones: ['1'.repeat(41)] }, 'input.phones.0'],
      [{ customerId, name: 'X', emails: Array.from({ length: 11 }, (_, i) => `p${i}@x.example`) }, 'input.emails'],
      [{ customerId: 'nope', name: 'X' }, 'input.customerId'],
    ];
    for (const [input, field] of cases) {
      const r = await subgraph.gqlAs(rep, add, { input });
      expect({ field, ext: r.errors?.[0]?.extensions }).toMatchObject({ field, ext: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await sql('select count(*)::int as n from contact where customer_id = ?', [customerId])).toEqual([{ n: 0 }]);
    const unknown = await subgraph.gqlAs(rep, add, { input: { customerId: randomUUID(), name: 'X' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
    const unknownContact = await subgraph.gqlAs(rep, update, { input: { id: randomUUID(), name: 'Y' } });
    expect(unknownContact.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
  });

  it('shows and lets change contacts only to those who may see and change the customer', async () => {
    const customerId = await newCustomer(rep, 'Private Co');
    const c = await addAs(rep, { customerId, name: 'Secret Person' });
    const addByOther = await subgraph.gqlAs(otherRep, add, { input: { customerId, name: 'Intruder' } });
    expect(addByOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const updateByOther = await subgraph.gqlAs(otherRep, update, { input: { id: c.id, name: 'Renamed' } });
    expect(updateByOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const removeByOther = await subgraph.gqlAs(otherRep, remove, { id: c.id });
    expect(removeByOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const refs = await subgraph.gqlAs<{ _entities: ({ contacts: { name: string }[] } | null)[] }>(
      otherRep,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { contacts { name } } } }`,
      { r: [{ __typename: 'Customer', id: customerId }] },
    );
    expect(refs.data!._entities).toEqual([null]);
    expect(await contactNames(head, customerId)).toEqual([{ name: 'Secret Person', primary: false }]);
    expect(await contactNames(agent, customerId)).toEqual([{ name: 'Secret Person', primary: false }]);
    const addByAgent = await subgraph.gqlAs(agent, add, { input: { customerId, name: 'Agent Added' } });
    expect(addByAgent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves the contacts of N customers with one SQL query', async () => {
    const ids: string[] = [];
    for (const name of ['Batch 1', 'Batch 2', 'Batch 3']) {
      const customerId = await newCustomer(rep, name);
      await addAs(rep, { customerId, name: `${name} contact`, primary: true });
      ids.push(customerId);
    }
    subgraph.resetQueries();
    const r = await subgraph.gqlAs<{ _entities: { contacts: { name: string }[] }[] }>(
      rep,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { contacts { name } } } }`,
      { r: ids.map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities.map((e) => e.contacts.map((c) => c.name))).toEqual([['Batch 1 contact'], ['Batch 2 contact'], ['Batch 3 contact']]);
    expect(subgraph.queries.filter((q) => /from "contact"/.test(q))).toHaveLength(1);
  });
});
