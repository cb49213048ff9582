import { AppError } from '@rapport/errors';
import { getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraphConfigFromEnv } from './config.js';
import { doublingFragments } from './test-client.js';
import { requestErrorStatus, responseStatus } from './http-status.js';
import {
  bracketNesting,
  createOperationGuard,
  DEFAULT_OPERATION_LIMITS,
  DEFAULT_SUBGRAPH_LIMITS,
  measureOperation,
  operationLimitsFromEnv,
  pagedFieldsOf,
  type GraphQLParams,
} from './operation-limits.js';

const SDL = `
  type Query { me: User customers(first: Int, after: String): CustomerConnection! customer(id: ID!): Customer signIn: String }
  type User { id: ID! name: String team: Team }
  type Team { name: String members: [User!]! }
  type CustomerConnection { edges: [CustomerEdge!]! }
  type CustomerEdge { cursor: String! node: Customer! }
  type Customer { id: ID! owner: User timeline(first: Int, after: String): CustomerConnection! history(first: Int): [User!]! }
`;
const PAGED = pagedFieldsOf(SDL);

const measureOf = (source: string, variables: Record<string, unknown> = {}) => {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(document, operation, variables, PAGED);
};

/** What the guard answers: null when it lets the request through, else the refusal's code, reason and field. */
const guard = createOperationGuard({ limits: DEFAULT_OPERATION_LIMITS, publicRootFields: ['signIn'], sdl: SDL });
const signedIn = { principal: { userId: 'u', email: 'e', role: 'ADMIN', teamIds: [], tokenId: 't' }, authError: null } as const;
function refusalOf(params: GraphQLParams, auth: Parameters<typeof guard>[1] = signedIn) {
  try {
    guard(params, auth);
    return null;
  } catch (error) {
    if (error instanceof AppError) return { code: error.category, reason: error.code, field: error.field, message: error.message };
    const e = error as { message: string; extensions: { code: string } };
    return { code: e.extensions.code, reason: undefined, field: undefined, message: e.message };
  }
}

describe('operation measures', () => {
  it('counts depth through fragments and inline fragments', () => {
    const m = measureOf(`query { customers(first: 1) { edges { node { ...C } } } } fragment C on Customer { owner { ... on User { team { name } } } }`);
    expect(m.depth).toBe(6);
  });

  it('counts aliases and root fields', () => {
    const m = measureOf(`{ a: customer(id: "1") { id } b: customer(id: "2") { id } me { id } }`);
    expect(m).toMatchObject({ aliases: 2, fields: 3 });
  });

  it('multiplies the cost of nested pages by their sizes, from literals and variables', () => {
    const literal = measureOf(`{ customers(first: 50) { edges { node { timeline(first: 100) { edges { cursor } } } } } }`);
    // customers: 1 + 50 × (edges 1 + node (1 + timeline (1 + 100 × (edges 1 + cursor 1))))
    expect(literal.cost).toBe(1 + 50 * (1 + 1 + 1 + 100 * 2));
    const variable = measureOf(`query($n: Int) { customers(first: $n) { edges { cursor } } }`, { n: 10 });
    expect(variable.cost).toBe(1 + 10 * 2);
  });

  it('counts the default page of a paged field asked without a page size, as its resolver returns it', () => {
    expect(measureOf(`{ customers { edges { cursor } } }`).cost).toBe(1 + 20 * 2);
    expect(measureOf(`{ customer(id: "1") { history { id } } }`).cost).toBe(1 + 1 + 50 * 1);
    expect(measureOf(`query($n: Int = 7) { customers(first: $n) { edges { cursor } } }`).cost).toBe(1 + 7 * 2);
  });

  it('measures fragments that spread the next one twice, 30 levels deep, in linear time', () => {
    const started = performance.now();
    const m = measureOf(doublingFragments(30));
    expect(performance.now() - started).toBeLessThan(1000); // minutes when each spread is walked again
    expect(m.cost).toBe(1 + 2 ** 30);
  });
});

describe('the operation guard', () => {
  it('refuses a fragment that spreads itself', () => {
    expect(refusalOf({ query: `{ me { ...F } } fragment F on User { id ...G } fragment G on User { ...F }` })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FRAGMENT_CYCLE' });
  });

  it('refuses the doubling-fragments document in milliseconds, with or without a token', () => {
    const query = doublingFragments(30);
    expect(query.length).toBeLessThan(1500);
    const started = performance.now();
    expect(refusalOf({ query })).toMatchObject({ reason: 'COST_LIMIT' });
    expect(refusalOf({ query }, { principal: null, authError: null })).toMatchObject({ code: 'UNAUTHENTICATED' });
    // On public root fields only (__typename), an unauthenticated caller reaches the limits, which refuse it as fast.
    expect(refusalOf({ query: doublingFragments(30, 'query { ...F0 }', 'Query') }, { principal: null, authError: null })).toMatchObject({
      reason: 'ROOT_FIELD_LIMIT',
    });
    expect(performance.now() - started).toBeLessThan(1000); // minutes when each spread is walked again
  });

  it.each([
    ['a negative literal', `{ customers(first: -5) { edges { cursor } } }`, {}],
    ['zero', `{ customers(first: 0) { edges { cursor } } }`, {}],
    ['an absurd literal', `{ customers(first: 1000000) { edges { cursor } } }`, {}],
    ['a float', `{ customers(first: 2.5) { edges { cursor } } }`, {}],
    ['a string', `{ customers(first: "10") { edges { cursor } } }`, {}],
    ['a negative variable', `query($n: Int) { customers(first: $n) { edges { cursor } } }`, { n: -1 }],
    ['a non-integer variable', `query($n: Int) { customers(first: $n) { edges { cursor } } }`, { n: 1.5 }],
    ['a negative default value', `query($n: Int = -3) { customers(first: $n) { edges { cursor } } }`, {}],
    ['a nested page past its maximum', `{ customers(first: 1) { edges { node { history(first: 201) { id } } } } }`, {}],
  ])('refuses %s as a page size, naming the argument', (_, query, variables) => {
    expect(refusalOf({ query, variables })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PAGE_SIZE', field: 'first' });
  });

  it('no longer lets a negative page size lower the estimate of a costly query below the limit', () => {
    const query = `{ customers(first: -100) { edges { node { timeline(first: 100) { edges { node { timeline(first: 100) { edges { cursor } } } } } } } } }`;
    expect(refusalOf({ query })).toMatchObject({ reason: 'INVALID_PAGE_SIZE' });
    expect(refusalOf({ query: query.replace('-100', '100') })).toMatchObject({ reason: 'COST_LIMIT' });
  });

  it('counts root fields wrapped in `... on Query { }` or named fragments as root fields', () => {
    const fields = Array.from({ length: 11 }, (_, i) => `c${i}: customer(id: "${i}") { id }`).join(' ');
    expect(refusalOf({ query: `{ ... on Query { ${fields} } }` })).toMatchObject({ reason: 'ROOT_FIELD_LIMIT' });
    expect(refusalOf({ query: `{ ...R } fragment R on Query { ${fields} }` })).toMatchObject({ reason: 'ROOT_FIELD_LIMIT' });
    expect(refusalOf({ query: `{ ... on Query { me { id } } }` })).toBeNull();
  });

  it('counts aliases in a fragment at every spread', () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ');
    expect(refusalOf({ query: `{ me { ...A } } fragment A on User { ${aliases} }` })).toBeNull();
    expect(refusalOf({ query: `{ me { ...A team { members { ...A } } } } fragment A on User { ${aliases} }` })).toMatchObject({ reason: 'ALIAS_LIMIT' });
  });

  it('refuses very deep nesting with a plain message before parsing, instead of overflowing the stack', () => {
    const deep = `{ me ${'{ team '.repeat(20_000)}${'}'.repeat(20_000)} }`;
    const refusal = refusalOf({ query: deep });
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DEPTH_LIMIT' });
    expect(refusal?.message).not.toMatch(/call stack/);
    const lists = `query($x: [[Int]]) { customers(after: ${'['.repeat(50_000)}) { edges { cursor } } }`;
    expect(refusalOf({ query: lists })).toMatchObject({ reason: 'DEPTH_LIMIT' });
  });

  it('ignores brackets in strings and comments when measuring nesting', () => {
    expect(bracketNesting(`{ a(b: "{{{{[[[(((") # {{{{{\n { c } }`)).toBe(2);
    expect(bracketNesting(`{ a(b: """ {{{ \\""" {{ """) }`)).toBe(2);
  });

  it('bounds parsing by the number of tokens', () => {
    const many = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(refusalOf({ query: many })).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('lets the explorer introspect the schema (15 levels inside __schema), and bounds introspection too', () => {
    expect(refusalOf({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true }) })).toBeNull();
    let ofType = 'name';
    for (let i = 0; i < 25; i++) ofType = `ofType { ${ofType} }`;
    expect(refusalOf({ query: `{ __type(name: "User") { ${ofType} } }` })).toMatchObject({ reason: 'DEPTH_LIMIT' });
    expect(refusalOf({ query: `{ me { team { members { team { members { team { members { team { members { team { members { team { id } } } } } } } } } } } } }` })).toMatchObject({
      reason: 'DEPTH_LIMIT',
    });
  });

  it('refuses a document whose operation cannot be chosen', () => {
    expect(refusalOf({ query: `query A { me { id } } query B { me { id } }` })).toMatchObject({ code: 'OPERATION_RESOLUTION_FAILURE' });
    expect(refusalOf({ query: `query A { me { id } }`, operationName: 'Nope' })).toMatchObject({ code: 'OPERATION_RESOLUTION_FAILURE' });
    expect(refusalOf({ query: `query A { me { id } } query B { me { id } }`, operationName: 'B' })).toBeNull();
  });

  it('asks for a token before measuring anything but public root fields', () => {
    const anonymous = { principal: null, authError: null };
    expect(refusalOf({ query: `{ me { id } }` }, anonymous)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
    expect(refusalOf({ query: `{ ... on Query { me { id } } }` }, anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refusalOf({ query: `{ signIn __typename }` }, anonymous)).toBeNull();
    const rejected = new AppError('UNAUTHENTICATED', 'INVALID_TOKEN', 'the access token is not valid');
    expect(refusalOf({ query: `{ signIn }` }, { principal: null, authError: rejected })).toMatchObject({ reason: 'INVALID_TOKEN' });
  });
});

describe('HTTP status of a GraphQL response', () => {
  it('is 401 for UNAUTHENTICATED, 400 for requests that cannot run, 500 for faults', () => {
    expect(requestErrorStatus('UNAUTHENTICATED')).toBe(401);
    for (const code of ['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']) {
      expect(requestErrorStatus(code)).toBe(400);
    }
    expect(requestErrorStatus('INTERNAL_SERVER_ERROR')).toBe(500);
  });

  it('is 200 once the operation ran, field errors included', () => {
    expect(responseStatus({ data: { customer: null }, errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] })).toBe(200);
    expect(responseStatus({ data: null, errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] })).toBe(200);
    expect(responseStatus({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(401);
  });
});

describe('limits and the gateway secret from the environment', () => {
  it('reads SUBGRAPH_MAX_* and GATEWAY_SECRET for a subgraph, with the defaults otherwise', () => {
    const config = subgraphConfigFromEnv('sales', { SUBGRAPH_MAX_DEPTH: '8', SUBGRAPH_MAX_COST: '500', GATEWAY_SECRET: 'a-long-enough-shared-secret' });
    expect(config.limits).toEqual({ ...DEFAULT_SUBGRAPH_LIMITS, maxDepth: 8, maxCost: 500 });
    expect(config.gatewaySecret).toBe('a-long-enough-shared-secret');
    expect(subgraphConfigFromEnv('sales', {})).toMatchObject({ limits: DEFAULT_SUBGRAPH_LIMITS, gatewaySecret: null });
    expect(() => subgraphConfigFromEnv('sales', { GATEWAY_SECRET: 'short' })).toThrow(/GATEWAY_SECRET/);
    expect(operationLimitsFromEnv('GATEWAY_', { GATEWAY_MAX_TOKENS: '2000' })).toEqual({ ...DEFAULT_OPERATION_LIMITS, maxTokens: 2000 });
  });
});
