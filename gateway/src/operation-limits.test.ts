import { parse, Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './operation-limits.js';

const measureOf = (source: string, variables: Record<string, unknown> = {}) => {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return measureOperation(operation, fragments, variables);
};

describe('operation measures', () => {
  it('counts depth through fragments and inline fragments', () => {
    const m = measureOf(`query { customers { edges { node { ...C } } } } fragment C on Customer { owner { ... on User { team { name } } } }`);
    expect(m.depth).toBe(6);
  });

  it('counts aliases and root fields', () => {
    const m = measureOf(`{ a: customer(id: "1") { id } b: customer(id: "2") { id } me { id } }`);
    expect(m).toMatchObject({ aliases: 2, rootFields: 3 });
  });

  it('multiplies the cost of nested lists by their page sizes, from literals and variables', () => {
    const literal = measureOf(`{ customers(first: 50) { edges { node { timeline(first: 100) { edges { cursor } } } } } }`);
    // customers: 1 + 50 × (edges 1 + node (1 + timeline (1 + 100 × (edges 1 + cursor 1))))
    expect(literal.cost).toBe(1 + 50 * (1 + 1 + 1 + 100 * 2));
    const variable = measureOf(`query($n: Int) { customers(first: $n) { edges { cursor } } }`, { n: 10 });
    expect(variable.cost).toBe(1 + 10 * 2);
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(measureOf(`{ me { ...F } } fragment F on User { id ...F }`).depth).toBe(2);
  });
});
