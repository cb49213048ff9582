import { randomUUID } from 'node:crypto';
import { beforeAll, expect } from 'vitest';
import { testCast, type TestCast, type TestPrincipal, type TestSubgraph, type TestUser } from './test-client.js';

/**
 * Asks `query` as `who` for a record they may not see (`hiddenId`) and for an id that does not
 * exist, passed as variable `field`: both must be answered alike — NOT_FOUND naming `field`, the
 * same extensions — so a caller cannot tell a hidden record from a missing one.
 */
export async function expectHiddenLikeUnknown(subgraph: TestSubgraph, who: TestPrincipal, query: string, hiddenId: string, field = 'id'): Promise<void> {
  const hidden = await subgraph.gqlAs(who, query, { [field]: hiddenId });
  const unknown = await subgraph.gqlAs(who, query, { [field]: randomUUID() });
  expect(hidden.errors?.[0]?.extensions, 'a hidden record').toMatchObject({ code: 'NOT_FOUND', field });
  expect(hidden.errors?.[0]?.extensions, 'a hidden record answered like an unknown id').toEqual({ ...unknown.errors?.[0]?.extensions });
}

/** Who may see a customer's records, as a service keeps it from customers' events. */
export interface CustomerAccess {
  customerId: string;
  ownerId: string;
  teamId?: string | null;
  sharedWith?: string[];
}

/** Writes customer access rows directly, standing in for the customers events that carry them. */
export async function grantCustomerAccess(subgraph: TestSubgraph, ...rows: CustomerAccess[]): Promise<void> {
  for (const row of rows) {
    await subgraph.sql('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)', [
      row.customerId,
      row.ownerId,
      row.teamId ?? null,
      `{${(row.sharedWith ?? []).join(',')}}`,
    ]);
  }
}

/** Two reps of one team, each owning one customer: the cast of most "who sees what" tests. */
export interface TwoRepsOwningCustomers {
  team: string;
  repA: TestUser;
  repB: TestUser;
  customerA: string;
  customerB: string;
}

/**
 * Two reps of one team, each owning one new customer, whose access rows are written before the
 * tests of the enclosing file or describe (beforeAll) into `subgraph()` (a function: the subgraph
 * may start in an earlier beforeAll). The reps are `cast`'s rep and otherRep (a fresh cast unless given).
 */
export function useTwoRepsOwningCustomers(subgraph: () => TestSubgraph, cast: TestCast = testCast()): TwoRepsOwningCustomers {
  const { team, rep: repA, otherRep: repB } = cast;
  const owners = { team, repA, repB, customerA: randomUUID(), customerB: randomUUID() };
  beforeAll(() =>
    grantCustomerAccess(subgraph(), { customerId: owners.customerA, ownerId: repA.userId, teamId: team }, { customerId: owners.customerB, ownerId: repB.userId, teamId: team }),
  );
  return owners;
}

/** Asks a connection `query` (taking `$after`) for the page after a garbled cursor: refused as BAD_USER_INPUT naming `after`. */
export async function expectGarbledCursorRefused(subgraph: TestSubgraph, query: string): Promise<void> {
  const answer = await subgraph.gql(query, { after: 'garbage' });
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
}

/** One entry of a record's `history`, as the schema answers it. */
export interface HistoryEntry {
  action: string;
  actorId: string | null;
  requestId: string | null;
  changes: { field: string; from: string | null; to: string | null }[];
}

/** The `history` of the record `rootField(id:)` answers (e.g. `product`, `shipment`), as `who` sees it; fails the test on errors. */
export async function historyOf(subgraph: TestSubgraph, who: TestPrincipal, rootField: string, id: string): Promise<HistoryEntry[]> {
  const result = await subgraph.gqlAs<Record<string, { history: HistoryEntry[] }>>(
    who,
    `query($id: ID!) { ${rootField}(id: $id) { history { action actorId requestId changes { field from to } } } }`,
    {
      id,
    },
  );
  expect(result.errors).toBeUndefined();
  return result.data![rootField]!.history;
}
