import type { AuthenticationState, GraphQLParams, OperationGuard } from '@rapport/subgraph-kit';
import type { Principal } from '@rapport/auth';
import { describe, expect, it } from 'vitest';
import { rememberingGuard } from './remembering-guard.js';

const rep: Principal = { userId: 'u1', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 't1' };
const signedIn: AuthenticationState = { principal: rep, authError: null };
const anonymous: AuthenticationState = { principal: null, authError: null };
const query = 'query Mine($o: ID, $n: Int) { customers(filter: { ownerId: $o }, first: $n) { edges { node { id } } } }';

/** A guard that counts its calls and refuses page sizes above 100. */
function counting(): { guard: OperationGuard; calls: GraphQLParams[] } {
  const calls: GraphQLParams[] = [];
  const guard: OperationGuard = (params) => {
    calls.push(params);
    const n = (params.variables as { n?: number } | undefined)?.n ?? 20;
    if (n > 100) throw new Error('page too large');
  };
  return { guard, calls };
}

describe('rememberingGuard', () => {
  it('checks a signed-in caller’s request once, then lets the same document, name and variables pass without asking again', () => {
    const { guard, calls } = counting();
    const remembering = rememberingGuard(guard);
    for (let i = 0; i < 3; i++) remembering({ query, operationName: 'Mine', variables: { o: '1', n: 20 } }, signedIn);
    expect(calls).toHaveLength(1);
  });

  it('asks again for other variables, another operation name or none, and for anonymous callers every time', () => {
    const { guard, calls } = counting();
    const remembering = rememberingGuard(guard);
    remembering({ query, operationName: 'Mine', variables: { o: '1', n: 20 } }, signedIn);
    remembering({ query, operationName: 'Mine', variables: { o: '1', n: 50 } }, signedIn);
    remembering({ query, operationName: 'Other', variables: { o: '1', n: 20 } }, signedIn);
    remembering({ query, variables: { o: '1', n: 20 } }, signedIn);
    remembering({ query, operationName: 'Mine', variables: { o: '1', n: 20 } }, anonymous);
    remembering({ query, operationName: 'Mine', variables: { o: '1', n: 20 } }, anonymous);
    expect(calls).toHaveLength(6);
  });

  it('never remembers a refusal: the same refused request is refused again', () => {
    const { guard, calls } = counting();
    const remembering = rememberingGuard(guard);
    const refused = { query, operationName: 'Mine', variables: { o: '1', n: 1000 } };
    expect(() => remembering(refused, signedIn)).toThrow('page too large');
    expect(() => remembering(refused, signedIn)).toThrow('page too large');
    expect(calls).toHaveLength(2);
  });

  it('keeps at most `entries` requests, the least recently used leaving first, and none longer than `maxKeyLength`', () => {
    const { guard, calls } = counting();
    const remembering = rememberingGuard(guard, { entries: 2, maxKeyLength: 500 });
    const ask = (o: string): void => remembering({ query, operationName: 'Mine', variables: { o } }, signedIn);
    ask('a');
    ask('b');
    ask('a'); // remembered; now b is the least recently used
    ask('c'); // b leaves
    expect(calls).toHaveLength(3);
    ask('a');
    expect(calls).toHaveLength(3);
    ask('b');
    expect(calls).toHaveLength(4);
    const long = { query, operationName: 'Mine', variables: { o: 'x'.repeat(600) } };
    remembering(long, signedIn);
    remembering(long, signedIn);
    expect(calls).toHaveLength(6);
  });
});
