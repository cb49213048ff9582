import { randomUUID } from 'node:crypto';
import { countAuditEntries, countOutboxEvents, raceBehindRow, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomersService } from './create-customers-service.js';

let subgraph: TestSubgraph;
const RACERS = 20;
const em = () => subgraph.service.orm.em.fork();

async function createCustomer(name = `Raced ${randomUUID().slice(0, 8)} GmbH`): Promise<string> {
  const created = await subgraph.gql<{ createCustomer: { id: string } }>('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
    input: { name, kind: 'COMPANY' },
  });
  expect(created.errors).toBeUndefined();
  return created.data!.createCustomer.id;
}

async function captureLead(): Promise<string> {
  const captured = await subgraph.gql<{ captureLead: { id: string } }>('mutation($input: CaptureLeadInput!) { captureLead(input: $input) { id } }', {
    input: { name: 'Raced Lead', company: `Raced ${randomUUID().slice(0, 8)} Ltd` },
  });
  expect(captured.errors).toBeUndefined();
  return captured.data!.captureLead.id;
}

function expectOneWinner(outcome: { won: unknown[]; conflicts: unknown[]; other: unknown[] }): void {
  expect(outcome.other).toEqual([]);
  expect(outcome.won).toHaveLength(1);
  expect(outcome.conflicts).toHaveLength(RACERS - 1);
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('customers', createCustomersService);
});
afterAll(async () => subgraph?.stop());

describe('concurrent transitions of one customer', () => {
  it('20 concurrent deleteCustomer calls, then 20 restoreCustomer: one of each wins, one audit entry each', async () => {
    const id = await createCustomer();
    expectOneWinner(await raceBehindRow(subgraph.database.url, 'customer', id, () => subgraph.gql('mutation($id: ID!) { deleteCustomer(id: $id) { id } }', { id }), RACERS));
    expect(await countAuditEntries(em(), 'Customer', id, 'DELETE')).toBe(1);
    expectOneWinner(await raceBehindRow(subgraph.database.url, 'customer', id, () => subgraph.gql('mutation($id: ID!) { restoreCustomer(id: $id) { id } }', { id }), RACERS));
    expect(await countAuditEntries(em(), 'Customer', id, 'RESTORE')).toBe(1);
  });

  it('20 concurrent merges of one customer into another: one wins, one merged event', async () => {
    const survivorId = await createCustomer();
    const mergedId = await createCustomer();
    const outcome = await raceBehindRow(subgraph.database.url, 'customer', mergedId, () =>
      subgraph.gql('mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id } }', { s: survivorId, m: mergedId }),
    );
    expectOneWinner(outcome);
    expect(await countOutboxEvents(em(), survivorId, 'customers.customer.merged.v1')).toBe(1);
  });
});

describe('concurrent transitions of one contact', () => {
  it('20 concurrent removeContact calls, then 20 restoreContact: one of each wins, one audit entry each', async () => {
    const customerId = await createCustomer();
    const added = await subgraph.gql<{ addContact: { id: string } }>('mutation($input: AddContactInput!) { addContact(input: $input) { id } }', {
      input: { customerId, name: 'Raced Contact' },
    });
    expect(added.errors).toBeUndefined();
    const id = added.data!.addContact.id;
    expectOneWinner(await raceBehindRow(subgraph.database.url, 'contact', id, () => subgraph.gql('mutation($id: ID!) { removeContact(id: $id) { id } }', { id })));
    expect(await countAuditEntries(em(), 'Contact', id, 'DELETE')).toBe(1);
    expectOneWinner(await raceBehindRow(subgraph.database.url, 'contact', id, () => subgraph.gql('mutation($id: ID!) { restoreContact(id: $id) { id } }', { id })));
    expect(await countAuditEntries(em(), 'Contact', id, 'RESTORE')).toBe(1);
  });
});

describe('concurrent transitions of one lead', () => {
  it('20 concurrent qualifyLead, then 20 concurrent convertLead: one of each wins, one customer and one converted event', async () => {
    const id = await captureLead();
    expectOneWinner(await raceBehindRow(subgraph.database.url, 'lead', id, () => subgraph.gql('mutation($id: ID!) { qualifyLead(id: $id) { id } }', { id })));
    expect(await countAuditEntries(em(), 'Lead', id, 'UPDATE')).toBe(1);

    expectOneWinner(
      await raceBehindRow(subgraph.database.url, 'lead', id, () =>
        subgraph.gql('mutation($id: ID!, $input: ConvertLeadInput!) { convertLead(id: $id, input: $input) { id } }', { id, input: { customerKind: 'COMPANY' } }),
      ),
    );
    expect(await countAuditEntries(em(), 'Lead', id, 'UPDATE')).toBe(2);
    expect(await countOutboxEvents(em(), id, 'customers.lead.converted.v1')).toBe(1);
    const customers = await em()
      .getConnection()
      .execute<{ n: string }[]>('select count(*) as n from customer where id = (select converted_customer_id from lead where id = ?)', [id]);
    expect(Number(customers[0]!.n)).toBe(1);
  });

  it('20 concurrent disqualifyLead calls: one wins, one audit entry', async () => {
    const id = await captureLead();
    expectOneWinner(
      await raceBehindRow(subgraph.database.url, 'lead', id, () => subgraph.gql('mutation($id: ID!) { disqualifyLead(id: $id, reason: "No budget") { id } }', { id })),
    );
    expect(await countAuditEntries(em(), 'Lead', id, 'UPDATE')).toBe(1);
  });
});

describe('concurrent transitions of one activity', () => {
  it('20 concurrent reviews: one decides, 19 get CONFLICT, one audit entry', async () => {
    const customerId = await createCustomer();
    const logged = await subgraph.gql<{ logActivity: { id: string } }>('mutation($input: LogActivityInput!) { logActivity(input: $input) { id } }', {
      input: { customerId, kind: 'CALL', subject: 'Raced call' },
    });
    expect(logged.errors).toBeUndefined();
    const id = logged.data!.logActivity.id;
    expectOneWinner(
      await raceBehindRow(subgraph.database.url, 'activity', id, (i) =>
        subgraph.gql('mutation($id: ID!, $d: ReviewDecision!) { reviewActivity(id: $id, decision: $d) { id } }', { id, d: i % 2 ? 'APPROVED' : 'REJECTED' }),
      ),
    );
    expect(await countAuditEntries(em(), 'Activity', id, 'UPDATE')).toBe(1);
  });
});
