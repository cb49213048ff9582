import { randomUUID } from 'node:crypto';
import { testCast, testPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useCustomersSubgraph } from '../../testing.js';

const { team, rep, otherRep, head } = testCast();
const subgraph = useCustomersSubgraph();

type History = {
  customer: { history: { action: string; actorId: string | null; requestId: string | null; changes: { field: string; from: string | null; to: string | null }[] }[] };
};
const history = `query($id: ID!) { customer(id: $id) { history { action actorId requestId changes { field from to } } } }`;

describe('customer audit trail and soft deletion', () => {
  let id = '';

  it('records who created a customer, in the same transaction, with every field from nothing', async () => {
    const created = await subgraph.gqlAs<{ createCustomer: { id: string } }>(rep, `mutation { createCustomer(input: { name: "Audit Ltd", kind: COMPANY }) { id } }`);
    id = created.data!.createCustomer.id;
    const trail = await subgraph.gqlAs<History>(rep, history, { id });
    expect(trail.data!.customer.history).toHaveLength(1);
    const [entry] = trail.data!.customer.history;
    expect(entry).toMatchObject({ action: 'CREATE', actorId: rep.userId });
    expect(entry!.requestId).toBeTruthy();
    expect(entry!.changes).toContainEqual({ field: 'name', from: null, to: '"Audit Ltd"' });
  });

  it('records a transfer as an update from the old owner to the new', async () => {
    await subgraph.gqlAs(head, `mutation($i: TransferCustomerInput!) { transferCustomer(input: $i) { id } }`, { i: { customerId: id, toOwnerId: otherRep.userId } });
    const trail = await subgraph.gqlAs<History>(head, history, { id });
    const [latest] = trail.data!.customer.history;
    expect(latest).toMatchObject({ action: 'UPDATE', actorId: head.userId });
    expect(latest!.changes).toContainEqual({ field: 'ownerId', from: JSON.stringify(rep.userId), to: JSON.stringify(otherRep.userId) });
  });

  it('deletes softly: the customer vanishes from lists and lookups, and only a team head may restore it', async () => {
    const deleted = await subgraph.gqlAs<{ deleteCustomer: { deletedAt: string } }>(otherRep, `mutation($id: ID!) { deleteCustomer(id: $id) { deletedAt } }`, { id });
    expect(deleted.data!.deleteCustomer.deletedAt).toBeTruthy();
    const lookup = await subgraph.gqlAs(otherRep, `query($id: ID!) { customer(id: $id) { id } }`, { id });
    expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await subgraph.gqlAs<{ customers: { edges: unknown[] } }>(head, `{ customers(filter: { search: "Audit" }) { edges { cursor } } }`);
    expect(list.data!.customers.edges).toEqual([]);
    const restoreByRep = await subgraph.gqlAs(otherRep, `mutation($id: ID!) { restoreCustomer(id: $id) { id } }`, { id });
    expect(restoreByRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const restored = await subgraph.gqlAs<{ restoreCustomer: { deletedAt: string | null } }>(head, `mutation($id: ID!) { restoreCustomer(id: $id) { deletedAt } }`, { id });
    expect(restored.data!.restoreCustomer.deletedAt).toBeNull();
    const again = await subgraph.gqlAs(head, `mutation($id: ID!) { restoreCustomer(id: $id) { id } }`, { id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const trail = await subgraph.gqlAs<History>(head, history, { id });
    expect(trail.data!.customer.history.map((h) => h.action)).toEqual(['RESTORE', 'DELETE', 'UPDATE', 'CREATE']);
  });

  it('shows the history only to those who may see the customer', async () => {
    const outsider = testPrincipal('SALES_REP', [randomUUID()]);
    const trail = await subgraph.gqlAs(outsider, history, { id });
    expect(trail.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('sharing and handover in the audit trail', () => {
  const colleague = randomUUID();
  const share = `mutation($i: ShareCustomerInput!) { shareCustomer(input: $i) { id } }`;
  const unshare = `mutation($i: ShareCustomerInput!) { unshareCustomer(input: $i) { id } }`;
  const transfer = `mutation($i: TransferCustomerInput!) { transferCustomer(input: $i) { id owner { id } } }`;
  const timeline = `query($id: ID!) { customer(id: $id) { timeline(first: 10) { edges { node { kind summary sourceService } } } } }`;

  async function newCustomer(): Promise<string> {
    const created = await subgraph.gqlAs<{ createCustomer: { id: string } }>(rep, `mutation { createCustomer(input: { name: "Handover Ltd", kind: COMPANY }) { id } }`);
    return created.data!.createCustomer.id;
  }

  it('audits sharing and unsharing a customer: who, and whom it was shared with from → to', async () => {
    const id = await newCustomer();
    expect((await subgraph.gqlAs(rep, share, { i: { customerId: id, userId: colleague } })).errors).toBeUndefined();
    expect((await subgraph.gqlAs(rep, unshare, { i: { customerId: id, userId: colleague } })).errors).toBeUndefined();
    const trail = (await subgraph.gqlAs<History>(rep, history, { id })).data!.customer.history;
    const sharing = trail.filter((e) => e.changes.some((c) => c.field === 'sharedWith'));
    expect(sharing).toHaveLength(2);
    for (const entry of sharing) expect(entry).toMatchObject({ action: 'UPDATE', actorId: rep.userId });
    expect(sharing[0]!.requestId).toBeTruthy();
    expect(sharing.map((e) => e.changes[0])).toEqual([
      { field: 'sharedWith', from: JSON.stringify([colleague]), to: '[]' },
      { field: 'sharedWith', from: '[]', to: JSON.stringify([colleague]) },
    ]);
    // Sharing with someone it is already shared with changes nothing and records nothing.
    await subgraph.gqlAs(rep, unshare, { i: { customerId: id, userId: colleague } });
    expect((await subgraph.gqlAs<History>(rep, history, { id })).data!.customer.history).toHaveLength(trail.length);
  });

  it('puts a transfer with its handover note on the timeline at once, and audits the note', async () => {
    const id = await newCustomer();
    const note = 'Call Priya before Friday: the January shutdown order is still open.';
    const moved = await subgraph.gqlAs<{ transferCustomer: { owner: { id: string } } }>(head, transfer, { i: { customerId: id, toOwnerId: otherRep.userId, note } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.transferCustomer.owner.id).toBe(otherRep.userId);
    const entries = (
      await subgraph.gqlAs<{ customer: { timeline: { edges: { node: { kind: string; summary: string; sourceService: string } }[] } } }>(head, timeline, { id })
    ).data!.customer.timeline.edges.map((e) => e.node);
    expect(entries).toContainEqual({ kind: 'CUSTOMER_TRANSFERRED', summary: `Customer transferred to a new owner. Handover note: ${note}`, sourceService: 'customers' });
    const trail = (await subgraph.gqlAs<History>(head, history, { id })).data!.customer.history;
    expect(trail.filter((e) => e.actorId === head.userId).flatMap((e) => e.changes)).toEqual(
      expect.arrayContaining([
        { field: 'handoverNote', from: null, to: JSON.stringify(note) },
        { field: 'ownerId', from: JSON.stringify(rep.userId), to: JSON.stringify(otherRep.userId) },
      ]),
    );
  });

  it('transfers without a note too, and refuses a note that is too long', async () => {
    const id = await newCustomer();
    const tooLong = await subgraph.gqlAs(head, transfer, { i: { customerId: id, toOwnerId: otherRep.userId, note: 'x'.repeat(2001) } });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    expect((await subgraph.gqlAs(head, transfer, { i: { customerId: id, toOwnerId: otherRep.userId } })).errors).toBeUndefined();
    const kinds = (
      await subgraph.gqlAs<{ customer: { timeline: { edges: { node: { kind: string; summary: string } }[] } } }>(head, timeline, { id })
    ).data!.customer.timeline.edges.map((e) => e.node);
    expect(kinds).toContainEqual(expect.objectContaining({ kind: 'CUSTOMER_TRANSFERRED', summary: 'Customer transferred to a new owner' }));
  });
});
