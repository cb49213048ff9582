import { AppError } from '@rapport/errors';
import type * as GraphQL from 'graphql';
import { describe, expect, it, vi } from 'vitest';

// Counts the guard's parses of request documents (the SDL's own parse is told apart by its text).
const parses = vi.hoisted(() => ({ documents: [] as string[] }));
vi.mock('graphql', async (importOriginal) => {
  const graphql = await importOriginal<typeof GraphQL>();
  return {
    ...graphql,
    parse: (source: string, options?: Parameters<typeof graphql.parse>[1]) => {
      if (typeof source === 'string' && !source.includes('type Query')) parses.documents.push(source);
      return graphql.parse(source, options);
    },
  };
});

const { createOperationGuard, DEFAULT_SUBGRAPH_LIMITS, PARSED_DOCUMENT_MAX_LENGTH, PARSED_DOCUMENTS_KEPT } = await import('./operation-limits.js');

const sdl = `type Query { customers(first: Int): [Customer] } type Customer { id: ID name: String }`;
const signedIn = { principal: { userId: 'u', email: 'u@x', role: 'ADMIN' as const, teamIds: [], tokenId: 't' }, authError: null };
const refusalOf = (run: () => void): { reason?: unknown } | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return { reason: error.code };
    return { reason: (error as { extensions?: { code?: unknown } }).extensions?.code };
  }
};

describe('the operation guard keeps documents parsed', () => {
  it('parses a document sent again only once, and still checks the variables of each request', () => {
    parses.documents.length = 0;
    const guard = createOperationGuard({ limits: DEFAULT_SUBGRAPH_LIMITS, sdl });
    const query = 'query($n: Int) { customers(first: $n) { id name } }';
    for (let i = 0; i < 5; i++) guard({ query, variables: { n: 10 } }, signedIn);
    expect(parses.documents).toEqual([query]);
    // The same document with a page size past the maximum is still refused.
    expect(refusalOf(() => guard({ query, variables: { n: 1000 } }, signedIn))).toMatchObject({ reason: 'INVALID_PAGE_SIZE' });
    expect(parses.documents).toEqual([query]);
  });

  it('keeps no document that failed a check, and at most PARSED_DOCUMENTS_KEPT documents', () => {
    parses.documents.length = 0;
    const guard = createOperationGuard({ limits: DEFAULT_SUBGRAPH_LIMITS, sdl });
    const broken = '{ customers { id ';
    expect(refusalOf(() => guard({ query: broken }, signedIn))).not.toBeNull();
    expect(refusalOf(() => guard({ query: broken }, signedIn))).not.toBeNull();
    expect(parses.documents).toEqual([broken, broken]);
    parses.documents.length = 0;
    const documents = Array.from({ length: PARSED_DOCUMENTS_KEPT + 1 }, (_, i) => `{ customers { id a${i}: name } }`);
    for (const query of documents) guard({ query }, signedIn);
    expect(parses.documents).toHaveLength(PARSED_DOCUMENTS_KEPT + 1);
    // The newest is kept; the oldest went first.
    guard({ query: documents[PARSED_DOCUMENTS_KEPT] ?? '' }, signedIn);
    expect(parses.documents).toHaveLength(PARSED_DOCUMENTS_KEPT + 1);
    guard({ query: documents[0] ?? '' }, signedIn);
    expect(parses.documents).toHaveLength(PARSED_DOCUMENTS_KEPT + 2);
    // A document longer than PARSED_DOCUMENT_MAX_LENGTH is parsed every time.
    parses.documents.length = 0;
    const long = `{ customers { id } }${' '.repeat(PARSED_DOCUMENT_MAX_LENGTH)}`;
    guard({ query: long }, signedIn);
    guard({ query: long }, signedIn);
    expect(parses.documents).toHaveLength(2);
  });

  it('still checks the caller, and each operation of a kept document, after an operation passed', () => {
    const guard = createOperationGuard({ limits: { ...DEFAULT_SUBGRAPH_LIMITS, maxAliases: 1 }, sdl });
    const query = 'query Small { customers { id } } query Aliased { customers { a: id b: name } }';
    expect(refusalOf(() => guard({ query, operationName: 'Small' }, signedIn))).toBeNull();
    expect(refusalOf(() => guard({ query, operationName: 'Small' }, signedIn))).toBeNull();
    // The same operation from a caller without a token: it is not public.
    expect(refusalOf(() => guard({ query, operationName: 'Small' }, { principal: null, authError: null }))).toMatchObject({ reason: 'SIGN_IN_REQUIRED' });
    // The other operation of the document breaks a limit, every time it is asked for.
    expect(refusalOf(() => guard({ query, operationName: 'Aliased' }, signedIn))).toMatchObject({ reason: 'ALIAS_LIMIT' });
    expect(refusalOf(() => guard({ query, operationName: 'Aliased' }, signedIn))).toMatchObject({ reason: 'ALIAS_LIMIT' });
    expect(refusalOf(() => guard({ query, operationName: 'Missing' }, signedIn))).toMatchObject({ reason: 'OPERATION_RESOLUTION_FAILURE' });
    expect(refusalOf(() => guard({ query, operationName: 'Small' }, signedIn))).toBeNull();
  });
});
