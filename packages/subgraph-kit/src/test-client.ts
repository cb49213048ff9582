import { randomUUID } from 'node:crypto';
import { createTokenVerifier, generateSigningKey, jwksOf, signAccessToken, type Principal, type Role, type SigningKey, type TokenVerifier } from '@rapport/auth';
import type { AnyEntity, EntityData } from '@mikro-orm/core';
import type { CloudEvent } from '@rapport/contracts';
import type { TestDatabase } from '@rapport/testing';
import type { SubgraphService } from './service.js';

// What a test talks to a subgraph with: GraphQL requests, test tokens, and the handle of a started
// test subgraph (started by startTestSubgraph in testing.ts).

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** Posts a GraphQL operation to `url` as a client would. */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

let testKey: Promise<SigningKey> | undefined;
/** One signing key per test process, standing in for identity's. */
export const testSigningKey = (): Promise<SigningKey> => (testKey ??= generateSigningKey('test-key'));

/** A verifier that trusts the test signing key. */
export async function testVerifier(): Promise<TokenVerifier> {
  return createTokenVerifier({ jwks: jwksOf([await testSigningKey()]) });
}

export type TestPrincipal = Partial<Omit<Principal, 'tokenId'>> & { role?: Role };

/** A test caller whose id, role and teams are known. */
export type TestUser = TestPrincipal & { userId: string; role: Role; teamIds: string[] };

/** A test caller with a fresh user id: `role`, in teams `teamIds` (none by default). */
export const testPrincipal = (role: Role, teamIds: string[] = []): TestUser => ({ userId: randomUUID(), role, teamIds });

/** The people access tests are about, with fresh ids: two sales teams, and the roles that belong to none. */
export interface TestCast {
  team: string;
  otherTeam: string;
  /** SALES_REPs of `team`. */
  rep: TestUser;
  otherRep: TestUser;
  /** The SALES_MANAGER (team head) of `team`. */
  head: TestUser;
  /** A SALES_REP and the SALES_MANAGER of `otherTeam`. */
  repElsewhere: TestUser;
  otherHead: TestUser;
  director: TestUser;
  agent: TestUser;
  admin: TestUser;
  buyer: TestUser;
  accountant: TestUser;
}

/** A fresh cast for one test file; files take the people they need (`const { team, rep, head } = testCast()`). */
export function testCast(): TestCast {
  const team = randomUUID();
  const otherTeam = randomUUID();
  return {
    team,
    otherTeam,
    rep: testPrincipal('SALES_REP', [team]),
    otherRep: testPrincipal('SALES_REP', [team]),
    head: testPrincipal('SALES_MANAGER', [team]),
    repElsewhere: testPrincipal('SALES_REP', [otherTeam]),
    otherHead: testPrincipal('SALES_MANAGER', [otherTeam]),
    director: testPrincipal('DIRECTOR'),
    agent: testPrincipal('SUPPORT_AGENT'),
    admin: testPrincipal('ADMIN'),
    buyer: testPrincipal('BUYER'),
    accountant: testPrincipal('ACCOUNTANT'),
  };
}

/** An access token for a test caller (an ADMIN unless told otherwise), signed with the test key. */
export async function testToken(principal: TestPrincipal = {}): Promise<string> {
  const { token } = await signAccessToken(await testSigningKey(), {
    userId: principal.userId ?? randomUUID(),
    email: principal.email ?? 'test.admin@rapport.example',
    role: principal.role ?? 'ADMIN',
    teamIds: principal.teamIds ?? [],
  });
  return token;
}

/** Where an event landed in Kafka. */
export interface Delivery {
  topic: string;
  partition: number;
  offset: bigint;
}

/** Events from "another service", for a subgraph under test with Kafka. */
export interface TestEvents {
  /** Produces `event` to its topic in the test's namespace, keyed by its subject, as a relay would. */
  deliver(event: CloudEvent): Promise<Delivery>;
  /** Waits until the subgraph's consumer group has committed past `delivery`: the event was handled (or skipped). */
  /** `timeoutMs` (15 s by default): how long the consumer may take, e.g. longer right after outages. */
  waitUntilHandled(delivery: Delivery, timeoutMs?: number): Promise<void>;
}

export interface TestSubgraph {
  service: SubgraphService;
  url: string;
  /** SQL statements seen since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  /** Calls the subgraph as an ADMIN test caller. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Calls the subgraph as an ADMIN test caller and answers the data; throws when the answer carries errors. */
  must<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Calls the subgraph as `principal`, or without a token when null. */
  gqlAs<T = Record<string, unknown>>(principal: TestPrincipal | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Runs SQL (with `?` placeholders) in the subgraph's database, outside any request, and answers the rows. */
  sql<T = EntityData<AnyEntity>>(text: string, params?: unknown[]): Promise<T[]>;
  topicPrefix: string;
  database: TestDatabase;
  /** Only with `{ kafka: true }`. */
  events: TestEvents;
  stop(): Promise<void>;
}

/**
 * A hostile document: fragments that each spread the next one twice, `levels` deep — about 1 KB,
 * 2^levels fields when expanded. `head` is the operation that spreads F0; the fragments are on `onType`.
 */
export function doublingFragments(levels: number, head = 'query { me { ...F0 } }', onType = 'User'): string {
  const parts = [head];
  for (let i = 0; i < levels; i++) parts.push(`fragment F${i} on ${onType} { ...F${i + 1} ...F${i + 1} }`);
  parts.push(`fragment F${levels} on ${onType} { __typename }`);
  return parts.join('\n');
}
