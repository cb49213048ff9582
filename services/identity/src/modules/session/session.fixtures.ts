import { graphqlRequest, type GraphQLResult, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { expect } from 'vitest';

/** Test helpers for the session tests: sign in, call as a signed-in user, create users with passwords. */

export const SESSION_FIELDS = 'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email role }';
export const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { ${SESSION_FIELDS} } }`;
export const REFRESH = `mutation Refresh($token: String!) { refreshSession(refreshToken: $token) { ${SESSION_FIELDS} } }`;

export interface SessionResult {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; email: string; role: string };
}

export const PASSWORD = 'a long enough password';

/** Calls the subgraph with `token` as the bearer token (none when null), as a client would. */
export const callWith = <T = Record<string, unknown>>(
  subgraph: TestSubgraph,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> => graphqlRequest<T>(subgraph.url, query, variables, { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) });

export const trySignIn = (subgraph: TestSubgraph, email: string, password: string): Promise<GraphQLResult<{ signIn: SessionResult }>> =>
  callWith<{ signIn: SessionResult }>(subgraph, null, SIGN_IN, { input: { email, password } });

export async function signIn(subgraph: TestSubgraph, email: string, password = PASSWORD): Promise<SessionResult> {
  const result = await trySignIn(subgraph, email, password);
  expect(result.errors).toBeUndefined();
  return result.data!.signIn;
}

export const tryRefresh = (subgraph: TestSubgraph, token: string): Promise<GraphQLResult<{ refreshSession: SessionResult }>> =>
  callWith<{ refreshSession: SessionResult }>(subgraph, null, REFRESH, { token });

let sequence = 0;
/** Creates a user (as the harness ADMIN) with a password; returns its id and email. */
export async function createUserWithPassword(
  subgraph: TestSubgraph,
  overrides: { role?: string; teamId?: string; password?: string | null; email?: string } = {},
): Promise<{ id: string; email: string }> {
  const email = overrides.email ?? `session.user${++sequence}.${Date.now()}@rapport.example`;
  const password = overrides.password === undefined ? PASSWORD : overrides.password;
  const result = await subgraph.gql<{ createUser: { id: string; email: string } }>('mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }', {
    input: {
      email,
      displayName: `Session User ${sequence}`,
      role: overrides.role ?? 'SALES_REP',
      ...(overrides.teamId ? { teamId: overrides.teamId } : {}),
      ...(password ? { password } : {}),
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createUser;
}

export async function createTeam(subgraph: TestSubgraph, name: string, parentId?: string): Promise<string> {
  const result = await subgraph.gql<{ createTeam: { id: string } }>('mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }', {
    input: { name, ...(parentId ? { parentId } : {}) },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createTeam.id;
}
