import { graphqlRequest } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS, type SubgraphName } from '../src/subgraphs.js';
import { startTestSystem, type TestSystem } from './harness.js';

// Revoked access ends at once, not when the token expires: a signed-out access token and every
// token of a deactivated user are refused by the gateway and by every subgraph as soon as each has
// handled identity's `identity.access.revoked.v1`; an unshared customer disappears as soon as each
// subgraph has handled `customers.customer.unshared.v1`. The lags measured here are printed (the
// README quotes them).

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('revocation-test');
});

afterAll(async () => {
  await system?.stop();
});

const SESSION = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken } }`;

type Refusal = { code: unknown; reason: unknown } | null;

/** How `target` (the gateway, or one subgraph called directly) answers a request carrying `token`. */
async function refusalAt(target: 'gateway' | SubgraphName, token: string): Promise<Refusal> {
  const url = target === 'gateway' ? system.url : system.subgraphs[target].url;
  const result = await graphqlRequest(url, '{ __typename }', {}, { authorization: `Bearer ${token}` });
  const error = result.errors?.[0];
  return error ? { code: error.extensions?.code, reason: error.extensions?.reason } : null;
}

const TARGETS: ('gateway' | SubgraphName)[] = ['gateway', ...SUBGRAPHS.map((s) => s.name)];

/**
 * Waits, for each target, until it refuses `token` as revoked; returns the milliseconds from
 * `since` to the first refusal seen at each.
 */
async function waitUntilRefusedEverywhere(token: string, since: number): Promise<Record<string, number>> {
  const lags: Record<string, number> = {};
  await Promise.all(
    TARGETS.map(async (target) => {
      await waitFor(async () => ((await refusalAt(target, token))?.reason === 'TOKEN_REVOKED' ? true : undefined), { intervalMs: 5, what: `${target} to refuse the token` });
      lags[target] = Date.now() - since;
    }),
  );
  return lags;
}

const report = (what: string, lags: Record<string, number>): void => {
  const values = Object.values(lags);
  // Printed for the README's figures (vitest shows it with the test output).
  console.info(`${what}: max ${Math.max(...values)} ms`, JSON.stringify(lags));
};

describe('revoking access', () => {
  it('refuses a signed-out access token at the gateway and in every subgraph, and keeps the user’s other sessions', async () => {
    const user = await system.createUser({ email: 'leaving@revoke.example', role: 'SALES_REP' });
    const credentials = { email: 'leaving@revoke.example', password: 'leaving@revoke.example-password' };
    const session = (await system.must<{ signIn: { accessToken: string; refreshToken: string } }>(null, SESSION, { i: credentials })).signIn;
    for (const target of TARGETS) expect(await refusalAt(target, session.accessToken), target).toBeNull();

    const began = Date.now();
    await system.must(session.accessToken, `mutation($t: String!) { signOut(refreshToken: $t) }`, { t: session.refreshToken });
    report('signed-out token refused after', await waitUntilRefusedEverywhere(session.accessToken, began));

    const refused = await system.as(session.accessToken, `{ me { id } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' });
    // Only that session ended: the token from the user's first sign-in still works everywhere.
    for (const target of TARGETS) expect(await refusalAt(target, user.token), target).toBeNull();
    expect((await system.must<{ me: { id: string } }>(user.token, `{ me { id } }`)).me.id).toBe(user.id);
  });

  it('refuses every token of a deactivated user at the gateway and in every subgraph', async () => {
    const user = await system.createUser({ email: 'deactivated@revoke.example', role: 'SALES_REP' });
    const second = await system.signIn('deactivated@revoke.example', 'deactivated@revoke.example-password');
    for (const target of TARGETS) expect(await refusalAt(target, user.token), target).toBeNull();

    const began = Date.now();
    await system.must(system.adminToken, `mutation($id: ID!) { deactivateUser(id: $id) { active } }`, { id: user.id });
    report('deactivated user refused after', await waitUntilRefusedEverywhere(user.token, began));
    for (const target of TARGETS) expect(await refusalAt(target, second), target).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' });
    // Others are not affected.
    expect(await refusalAt('sales', system.adminToken)).toBeNull();
  });

  it('hides an unshared customer’s records in other subgraphs as soon as they handle the event', async () => {
    const owner = await system.createUser({ email: 'owner@revoke.example', role: 'SALES_REP' });
    const colleague = await system.createUser({ email: 'colleague@revoke.example', role: 'SALES_REP' });
    const customerId = (await system.must<{ createCustomer: { id: string } }>(owner.token, `mutation { createCustomer(input: { name: "Shared Ltd", kind: COMPANY }) { id } }`))
      .createCustomer.id;
    const ticketId = (
      await system.must<{ openTicket: { id: string } }>(system.adminToken, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, {
        i: { customerId, subject: 'Seal leaking' },
      })
    ).openTicket.id;
    const TICKET = `query($id: ID!) { ticket(id: $id) { id } }`;
    const share = { customerId, userId: colleague.id };
    await system.must(owner.token, `mutation($i: ShareCustomerInput!) { shareCustomer(input: $i) { id } }`, { i: share });
    await waitFor(async () => ((await system.as(colleague.token, TICKET, { id: ticketId })).data?.ticket ? true : undefined), { what: 'support to learn of the share' });

    const began = Date.now();
    await system.must(owner.token, `mutation($i: ShareCustomerInput!) { unshareCustomer(input: $i) { id } }`, { i: share });
    // The customers subgraph changes its own read model in the same transaction: no window there.
    const direct = await system.as(colleague.token, `query($id: ID!) { customer(id: $id) { id } }`, { id: customerId });
    expect(direct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await waitFor(async () => ((await system.as(colleague.token, TICKET, { id: ticketId })).errors?.[0]?.extensions?.code === 'NOT_FOUND' ? true : undefined), {
      intervalMs: 5,
      what: 'support to hide the unshared customer’s ticket',
    });
    report('unshared customer hidden in support after', { support: Date.now() - began });
  });
});
