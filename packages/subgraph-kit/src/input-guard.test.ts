import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperationInput, inputBoundary, stringProblem } from './input-guard.js';

const schema = buildSchema(`
  scalar JSON
  input LineInput { sku: String!, productId: ID }
  input OrderInput { customerId: ID!, note: String, lines: [LineInput!], extra: JSON }
  type Query { search(query: String!, tags: [String!]): Boolean, customer(id: ID!): Boolean }
  type Mutation { placeOrder(input: OrderInput!): Boolean }
`);
const ID = '0191b3a0-0000-7000-8000-000000000001';

/** The refusal an operation gets at the boundary (field, reason), or null when it passes. */
function refusal(query: string, variables: Record<string, unknown> = {}): { field: unknown; reason: unknown; status: unknown } | null {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  try {
    checkOperationInput(schema, document, operation, variables);
    return null;
  } catch (error) {
    const extensions = (error as { extensions: Record<string, unknown> }).extensions;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return { field: extensions.field, reason: extensions.reason, status: (extensions.http as { status?: number } | undefined)?.status };
  }
}

describe('the input boundary', () => {
  it('finds NUL characters and lone surrogates, and lets paired surrogates (emoji) and ordinary text through', () => {
    expect(stringProblem('Acme \u{1F600} Pumps – Ö')).toBeNull();
    expect(stringProblem('Ac\u0000me')).toMatch(/NUL/);
    expect(stringProblem('Acme\uD800')).toMatch(/surrogate/);
    expect(stringProblem('\uDC00Acme')).toMatch(/surrogate/);
    expect(stringProblem('\uDBFF\uD800')).toMatch(/surrogate/);
  });

  it('refuses a bad string in a variable, naming the field from the argument down, with HTTP 400', () => {
    expect(refusal('query($q: String!) { search(query: $q) }', { q: 'a\u0000b' })).toEqual({ field: 'query', reason: 'INVALID_CHARACTERS', status: 400 });
    expect(refusal('mutation($i: OrderInput!) { placeOrder(input: $i) }', { i: { customerId: ID, lines: [{ sku: 'A' }, { sku: 'B\uD800' }] } })).toEqual({
      field: 'input.lines.1.sku',
      reason: 'INVALID_CHARACTERS',
      status: 400,
    });
    expect(refusal('query($t: [String!]) { search(query: "x", tags: $t) }', { t: ['ok', '\uDFFF'] })?.field).toBe('tags.1');
  });

  it('refuses a bad string in a literal argument, in fragments too', () => {
    expect(refusal('{ search(query: "a\\u0000b") }')?.field).toBe('query');
    expect(refusal('mutation { ...F } fragment F on Mutation { placeOrder(input: { customerId: "' + ID + '", note: "x\\u0000" }) }')?.field).toBe('input.note');
  });

  it('refuses an ID that is not a UUID, literal or variable, and numbers given as IDs', () => {
    expect(refusal('{ customer(id: "1 or 1=1") }')).toEqual({ field: 'id', reason: 'MALFORMED_ID', status: 400 });
    expect(refusal('{ customer(id: 7) }')?.reason).toBe('MALFORMED_ID');
    expect(refusal('mutation($i: OrderInput!) { placeOrder(input: $i) }', { i: { customerId: ID, lines: [{ sku: 'A', productId: 'nope' }] } })?.field).toBe(
      'input.lines.0.productId',
    );
    expect(refusal('query($id: ID!) { customer(id: $id) }', { id: ID.toUpperCase() })).toBeNull();
  });

  it('checks every string and key inside a custom scalar, however deep, without exhausting the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal('mutation($i: OrderInput!) { placeOrder(input: $i) }', { i: { customerId: ID, extra: { a: deep } } })?.reason).toBe('INVALID_CHARACTERS');
    expect(refusal('mutation($i: OrderInput!) { placeOrder(input: $i) }', { i: { customerId: ID, extra: { ['k\u0000']: 1 } } })?.field).toBe('input.extra');
  });

  it('lets well-formed input through, and ignores variables the operation does not use', () => {
    expect(
      refusal('mutation($i: OrderInput!) { placeOrder(input: $i) }', { i: { customerId: ID, note: 'Ship before 10 Jan 😀', lines: [{ sku: 'SEAL-KIT-9', productId: ID }] } }),
    ).toBeNull();
    expect(refusal('query($q: String!) { search(query: $q) }', { q: 'acme', unused: '\u0000' })).toBeNull();
    expect(refusal('query($q: String! = "acme") { search(query: $q) }')).toBeNull();
  });

  it("checks each request of a document it has seen against that request's variables, a refused literal every time", async () => {
    // One document, as Apollo's document store hands the same nodes to every request sending its text.
    const plugin = inputBoundary();
    const check = async (query: ReturnType<typeof parse>, variables: Record<string, unknown>): Promise<unknown> => {
      const operation = query.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
      const listener = await plugin.requestDidStart?.({} as never);
      try {
        await listener?.didResolveOperation?.({ schema, document: query, operation, request: { variables } } as never);
        return null;
      } catch (error) {
        return (error as { extensions: Record<string, unknown> }).extensions.field;
      }
    };
    const byVariable = parse('mutation($i: OrderInput!) { placeOrder(input: $i) }');
    expect(await check(byVariable, { i: { customerId: ID } })).toBeNull();
    expect(await check(byVariable, { i: { customerId: ID, lines: [{ sku: 'A\u0000' }] } })).toBe('input.lines.0.sku');
    expect(await check(byVariable, { i: { customerId: 'nope' } })).toBe('input.customerId');
    expect(await check(byVariable, { i: { customerId: ID } })).toBeNull();
    const literal = parse('query($t: [String!]) { search(query: "a\\u0000", tags: $t) }');
    expect(await check(literal, { t: ['ok'] })).toBe('query');
    expect(await check(literal, { t: ['ok'] })).toBe('query');
    const mixed = parse('mutation($n: String) { placeOrder(input: { customerId: "' + ID + '", note: $n, lines: [{ sku: "A" }] }) }');
    expect(await check(mixed, { n: 'fine' })).toBeNull();
    expect(await check(mixed, { n: '\uD800' })).toBe('input.note');
  });
});
