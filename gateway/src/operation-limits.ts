import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { AppError } from '@rapport/errors';
import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** What one operation may ask of the graph; every number is configurable. */
export interface OperationLimits {
  /** Deepest nesting of fields. */
  maxDepth: number;
  /** Aliased fields in the whole operation. */
  maxAliases: number;
  /** Top-level fields in the operation. */
  maxRootFields: number;
  /** Estimated cost: each field costs 1, times the page size (`first`) of every list above it. */
  maxCost: number;
}

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxRootFields: 10, maxCost: 20_000 };

/** Page size assumed for a connection field asked without `first` (the subgraphs' default). */
const DEFAULT_PAGE = 20;

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

function pageSizeOf(args: readonly { name: { value: string }; value: ValueNode }[] | undefined, variables: Record<string, unknown>): number | null {
  const first = args?.find((a) => a.name.value === 'first');
  if (!first) return null;
  if (first.value.kind === Kind.INT) return Number(first.value.value);
  if (first.value.kind === Kind.VARIABLE) {
    const value = variables[first.value.name.value];
    return typeof value === 'number' ? value : DEFAULT_PAGE;
  }
  return DEFAULT_PAGE;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  visiting: Set<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let child: Measure = { depth: 0, aliases: 0, cost: 0 };
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases += 1;
      const inner = selection.selectionSet ? measure(selection.selectionSet, fragments, variables, visiting) : { depth: 0, aliases: 0, cost: 0 };
      const multiplier = pageSizeOf(selection.arguments, variables) ?? 1;
      child = { depth: inner.depth + 1, aliases: inner.aliases, cost: 1 + multiplier * inner.cost };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      child = measure(selection.selectionSet, fragments, variables, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !visiting.has(name)) {
        visiting.add(name);
        child = measure(fragment.selectionSet, fragments, variables, visiting);
        visiting.delete(name);
      }
    }
    depth = Math.max(depth, child.depth);
    aliases += child.aliases;
    cost += child.cost;
  }
  return { depth, aliases, cost };
}

/** Measures `operation` as the limits count it. */
export function measureOperation(operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[], variables: Record<string, unknown> = {}) {
  const m = measure(operation.selectionSet, new Map(fragments.map((f) => [f.name.value, f])), variables, new Set());
  return { ...m, rootFields: operation.selectionSet.selections.length };
}

const refuse = (reason: string, message: string): never => {
  throw new AppError('BAD_USER_INPUT', reason, message).toGraphQLError();
};

/** Refuses, before any subgraph is called, an operation that exceeds `limits`. */
export function operationLimits<TContext extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const m = measureOperation(operation, fragments, request.variables ?? {});
          if (m.depth > limits.maxDepth) refuse('DEPTH_LIMIT', `the operation is ${m.depth} levels deep; at most ${limits.maxDepth} are allowed`);
          if (m.aliases > limits.maxAliases) refuse('ALIAS_LIMIT', `the operation uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed`);
          if (m.rootFields > limits.maxRootFields) refuse('ROOT_FIELD_LIMIT', `the operation asks for ${m.rootFields} root fields; at most ${limits.maxRootFields} are allowed`);
          if (m.cost > limits.maxCost) refuse('COST_LIMIT', `the operation's estimated cost is ${m.cost}; at most ${limits.maxCost} is allowed`);
        },
      };
    },
  };
}
