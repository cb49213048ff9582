import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type EventCoverage, type MutationCaseEntry, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { afterAll, beforeAll, expect } from 'vitest';
import { createIdentityService } from './create-identity-service.js';
import { createTeam, createUserWithPassword, PASSWORD, signIn, SIGN_IN, REFRESH } from './modules/session/session.fixtures.js';

let subgraph: TestSubgraph;

/** Every audited entity of identity and the aggregate its events name. */
const coverage: EventCoverage = {
  // Sign-in counters and the password hash are the account's own bookkeeping and secrets.
  User: { keys: ['id'], ignoreFields: ['failedSignIns', 'lockedUntil', 'passwordHash'] },
  Team: { keys: ['id'] },
  RefreshToken: { internal: 'a session of one client; revocation of access is announced by the deny-list events (issue 8 items 9/13)' },
  SigningKeyRow: { internal: 'the signing keys are published at /.well-known/jwks.json' },
  CompanyProfile: { keys: ['id'] },
};

let userId = '';
let teamId = '';
/** One case per Mutation field: a new field fails the first test until it is listed here. */
/* eslint-disable vitest/no-standalone-expect -- describeEventCoverage runs each case's check inside its own test */
const cases: Record<string, MutationCaseEntry> = {
  createUser: {
    run: async (call) => {
      teamId = await createTeam(subgraph, 'Events North');
      const data = await call<{ createUser: { id: string } }>('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { email: 'Eve.Events@rapport.example', displayName: 'Eve Events', role: 'SALES_REP', teamId, password: PASSWORD },
      });
      userId = data.createUser.id;
    },
    announces: ['identity.user.created.v1'],
    check: (events) => {
      const event = events.find((e) => e.type === 'identity.user.created.v1');
      expect(event).toMatchObject({ topic: 'identity.user', subject: userId });
      expect(event!.data).toEqual({ userId, email: 'eve.events@rapport.example', displayName: 'Eve Events', role: 'SALES_REP', teamId, createdAt: expect.any(String) });
      expect(JSON.stringify(event)).not.toMatch(/scrypt|password/i);
    },
  },
  setUserRole: {
    run: async (call) => {
      userId = (await createUserWithPassword(subgraph, { role: 'SALES_REP' })).id;
      await call('mutation($id: ID!) { setUserRole(id: $id, role: SALES_MANAGER) { id } }', { id: userId });
    },
    announces: ['identity.user.role-changed.v1'],
    check: (events) =>
      expect(events.find((e) => e.type === 'identity.user.role-changed.v1')).toMatchObject({
        subject: userId,
        data: { userId, fromRole: 'SALES_REP', toRole: 'SALES_MANAGER', changedAt: expect.any(String) },
      }),
  },
  deactivateUser: {
    run: async (call) => {
      userId = (await createUserWithPassword(subgraph, { role: 'SALES_REP' })).id;
      await call('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: userId });
    },
    announces: ['identity.user.deactivated.v1', 'identity.access.revoked.v1'],
    check: (events) => {
      expect(events.find((e) => e.type === 'identity.user.deactivated.v1')).toMatchObject({ subject: userId, data: { userId, deactivatedAt: expect.any(String) } });
      expect(events.find((e) => e.type === 'identity.access.revoked.v1')).toMatchObject({ data: { userId, reason: 'DEACTIVATED' } });
    },
  },
  createTeam: {
    run: async (call) => {
      const parentId = await createTeam(subgraph, 'Events South');
      const data = await call<{ createTeam: { id: string } }>('mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }', {
        input: { name: 'Events South West', parentId },
      });
      teamId = data.createTeam.id;
      userId = parentId;
    },
    announces: ['identity.team.created.v1'],
    check: (events) =>
      expect(events.find((e) => e.type === 'identity.team.created.v1')).toMatchObject({
        topic: 'identity.team',
        subject: teamId,
        data: { teamId, name: 'Events South West', parentId: userId, createdAt: expect.any(String) },
      }),
  },
  signIn: {
    run: async (call) => {
      const { email } = await createUserWithPassword(subgraph);
      await call(SIGN_IN, { input: { email, password: PASSWORD } });
    },
    announces: [],
  },
  refreshSession: {
    run: async (call) => {
      const { email } = await createUserWithPassword(subgraph);
      const session = await signIn(subgraph, email);
      await call(REFRESH, { token: session.refreshToken });
    },
    announces: [],
  },
  signOut: {
    run: async (call) => {
      const { id, email } = await createUserWithPassword(subgraph);
      const session = await signIn(subgraph, email);
      await call('mutation($token: String!) { signOut(refreshToken: $token) }', { token: session.refreshToken }, { userId: id, role: 'SALES_REP' });
    },
    announces: [],
  },
  changePassword: {
    run: async (call) => {
      const { id, email } = await createUserWithPassword(subgraph);
      await signIn(subgraph, email);
      await call(
        'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
        { input: { currentPassword: PASSWORD, newPassword: 'another long password' } },
        { userId: id, role: 'SALES_REP', email },
      );
    },
    announces: [],
  },
  updateCompanyProfile: {
    run: async (call) => {
      await call('mutation($input: UpdateCompanyProfileInput!) { updateCompanyProfile(input: $input) { id } }', { input: { name: 'Events GmbH', iban: 'DE89370400440532013000' } });
    },
    announces: ['identity.company.profile-changed.v1'],
    check: (events) =>
      expect(events.find((e) => e.type === 'identity.company.profile-changed.v1')).toMatchObject({
        topic: 'identity.company',
        data: { name: 'Events GmbH', iban: 'DE89370400440532013000', version: 1, changedFields: ['name', 'iban'] },
      }),
  },
  resetPassword: { unchanged: 'writes the hash and lock reset with nativeUpdate (secrets, not audited) and revokes refresh tokens (sessions)' },
};
/* eslint-enable vitest/no-standalone-expect */

beforeAll(async () => {
  subgraph = await startTestSubgraph('identity', createIdentityService);
});
afterAll(async () => subgraph?.stop());

describeEventCoverage('identity', () => subgraph, coverage, cases);
