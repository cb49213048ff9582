import { AppError, BoundedMap } from '@rapport/errors';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { z } from 'zod';
import type { AuthenticationState } from './authentication.js';
import { parseEnv } from './env.js';
import { ALWAYS_PUBLIC_ROOT_FIELDS, rootFieldNames } from './root-fields.js';

/**
 * What one GraphQL request may ask for, enforced the same way by the gateway and by every
 * subgraph (createHttpApp runs the check before Apollo parses, validates or executes anything).
 */
export interface OperationLimits {
  /** Deepest nesting of fields, counted through fragments. */
  maxDepth: number;
  /** Aliased fields in the operation, each fragment counted at every spread. */
  maxAliases: number;
  /** Fields at the root, counted through `... on Query { }` and named fragments. */
  maxRootFields: number;
  /** Estimated cost: each field costs 1, times the page size of every paged field above it. */
  maxCost: number;
  /** Tokens in the document (graphql-js `maxTokens`): parsing stops past this. */
  maxTokens: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 10,
  maxCost: 20_000,
  maxTokens: 5_000,
  maxBodyBytes: 100_000,
};

/**
 * A subgraph's limits: the gateway's, with a larger body, since the gateway's entity lookups carry
 * every representation of a list in one request.
 */
export const DEFAULT_SUBGRAPH_LIMITS: OperationLimits = { ...DEFAULT_OPERATION_LIMITS, maxBodyBytes: 1_000_000 };

/**
 * Brackets (`{`, `[`, `(`) a document may nest before it is parsed, beyond the field depth:
 * arguments, input objects and lists. Deeper documents are refused by a linear scan, so the
 * recursive parser never sees them.
 */
export const NESTING_SLACK = 20;

/**
 * Introspection (`__schema`, `__type`) nests by the shape of the schema, not of the data: the
 * explorer's own introspection query is 15 levels deep. It counts 1 toward the depth limit and
 * may nest this deep itself.
 */
export const INTROSPECTION_MAX_DEPTH = 20;
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** How many items a paged field returns: `default` when `first` is absent, at most `max`. */
export interface PageRule {
  default: number;
  max: number;
}

/** The page sizes, the one source of their numbers: the limits check them on the way in, and every resolver applies them (`pageSizeOf`, `keysetPage` in pagination.ts). */
export const PAGE_RULES: { default: PageRule; fields: Record<string, PageRule> } = {
  default: { default: 20, max: 100 },
  fields: {
    // auditHistory in audit.ts
    history: { default: 50, max: 200 },
    // customers' findDuplicates
    findDuplicates: { default: 10, max: 50 },
  },
};

export const pageRuleOf = (fieldName: string): PageRule => PAGE_RULES.fields[fieldName] ?? PAGE_RULES.default;

const PAGE_ARGUMENTS = ['first', 'last'];

/** The names of the fields that take a page size (`first` or `last`) anywhere in `sdl` (its text, or the document parsed from it). */
export function pagedFieldsOf(sdl: string | DocumentNode): Set<string> {
  const paged = new Set<string>();
  const document = typeof sdl === 'string' ? parse(sdl, { noLocation: true }) : sdl;
  for (const definition of document.definitions) {
    if (!('fields' in definition) || !definition.fields) continue;
    for (const field of definition.fields) {
      if (field.kind === Kind.FIELD_DEFINITION && field.arguments?.some((a) => PAGE_ARGUMENTS.includes(a.name.value))) paged.add(field.name.value);
    }
  }
  return paged;
}

const refuse = (reason: string, message: string, field?: string): never => {
  throw new AppError('BAD_USER_INPUT', reason, message, field ? { field } : {});
};

/**
 * The deepest bracket nesting of `source`, ignoring strings, block strings and comments; stops
 * counting once past `max`. One pass over the characters, no recursion.
 */
export function bracketNesting(source: string, max = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < n && source.charCodeAt(i) !== 0x0a && source.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < n && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < n && source.charCodeAt(i) !== 0x22 && source.charCodeAt(i) !== 0x0a) i += source.charCodeAt(i) === 0x5c ? 2 : 1;
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28 /* { [ ( */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d || c === 0x29 /* } ] ) */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** What the limits count, for one selection set (and everything below it). */
export interface Measure {
  /** Deepest field nesting, introspection counted as one level. */
  depth: number;
  /** Deepest nesting of an introspection field (`__schema`, `__type`), itself included. */
  introspectionDepth: number;
  aliases: number;
  cost: number;
  /** Fields directly in the set, through inline fragments and spreads (the root fields, at the root). */
  fields: number;
}

const ZERO: Measure = { depth: 0, introspectionDepth: 0, aliases: 0, cost: 0, fields: 0 };

function variableDefaults(operation: OperationDefinitionNode): Map<string, ValueNode> {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  return defaults;
}

/**
 * Measures `operation` in time linear in the document: each fragment is measured once and its
 * measure reused at every spread; a fragment that spreads itself (directly or not) is refused.
 * Every page size is checked (an integer from 1 to the field's maximum) before it counts, and a
 * paged field asked without one counts its default page, as its resolver returns.
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  pagedFields: ReadonlySet<string> = new Set(),
): Measure {
  return measureWithDependence(document, operation, variables, pagedFields).measure;
}

/**
 * `measureOperation`, and whether its answer depends on the variables (a page size given by one):
 * when it does not, the guard measures the operation once, not at every request.
 */
function measureWithDependence(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  pagedFields: ReadonlySet<string>,
): { measure: Measure; usesVariables: boolean } {
  let usesVariables = false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = variableDefaults(operation);
  const memo = new Map<string, Measure>();
  const visiting = new Set<string>();

  const pageSizeOf = (field: FieldNode): number => {
    const name = field.name.value;
    const rule = pageRuleOf(name);
    const argument = field.arguments?.find((a) => PAGE_ARGUMENTS.includes(a.name.value));
    if (!argument) return pagedFields.has(name) ? rule.default : 1;
    let value: unknown;
    if (argument.value.kind === Kind.VARIABLE) {
      usesVariables = true;
      const variable = argument.value.name.value;
      value = variables[variable];
      if (value === undefined) {
        const fallback = defaults.get(variable);
        value = fallback?.kind === Kind.INT ? Number(fallback.value) : fallback?.kind === Kind.NULL || !fallback ? null : fallback;
      }
    } else if (argument.value.kind === Kind.INT) value = Number(argument.value.value);
    else value = argument.value.kind === Kind.NULL ? null : argument.value;
    if (value === null) return rule.default;
    const arg = argument.name.value;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > rule.max) {
      refuse('INVALID_PAGE_SIZE', `${arg} on ${name} must be an integer from 1 to ${rule.max}`, arg);
    }
    return value as number;
  };

  const add = (into: Measure, m: Measure): void => {
    into.depth = Math.max(into.depth, m.depth);
    into.introspectionDepth = Math.max(into.introspectionDepth, m.introspectionDepth);
    into.aliases += m.aliases;
    into.cost += m.cost;
    into.fields += m.fields;
  };

  const fragmentMeasure = (name: string): Measure => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return ZERO; // validation names the unknown fragment
    if (visiting.has(name)) refuse('FRAGMENT_CYCLE', `fragment ${name} spreads itself`);
    visiting.add(name);
    const m = measureSet(fragment.selectionSet);
    visiting.delete(name);
    memo.set(name, m);
    return m;
  };

  function measureSet(set: SelectionSetNode): Measure {
    const total: Measure = { ...ZERO };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? measureSet(selection.selectionSet) : ZERO;
        const multiplier = pageSizeOf(selection);
        const introspection = INTROSPECTION_FIELDS.has(selection.name.value);
        add(total, {
          depth: introspection ? 1 : inner.depth + 1,
          introspectionDepth: introspection ? inner.depth + 1 : inner.introspectionDepth,
          aliases: inner.aliases + (selection.alias ? 1 : 0),
          cost: 1 + multiplier * inner.cost,
          fields: 1,
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(total, measureSet(selection.selectionSet));
      } else {
        add(total, fragmentMeasure(selection.name.value));
      }
    }
    return total;
  }

  const measure = measureSet(operation.selectionSet);
  return { measure, usesVariables };
}

/** The GraphQL request as it arrived: `query`, `variables`, `operationName` (unchecked). */
export interface GraphQLParams {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface OperationGuardOptions {
  limits: OperationLimits;
  /** Root fields callable without a token, besides `_service` and `__typename`. */
  publicRootFields?: readonly string[];
  /**
   * The schema's SDL (the supergraph at the gateway): tells which fields are paged. A subgraph gives
   * the document it built its schema from, so its SDL is not parsed twice at start-up.
   */
  sdl: string | DocumentNode;
}

/**
 * How many parsed documents a guard keeps (the oldest goes first), and the longest it keeps: a
 * client's own documents (the flagship is 700 characters, the gateway's entity queries less) fit; a
 * caller sending many distinct documents holds at most 50 documents of 2,000 characters of parsed
 * syntax here (about 10 MB when each is as dense in tokens as a document can be), however it varies them.
 */
export const PARSED_DOCUMENTS_KEPT = 50;
export const PARSED_DOCUMENT_MAX_LENGTH = 2_000;

/** Checks a request before any other work; throws the AppError or GraphQLError to answer with. */
export type OperationGuard = (params: GraphQLParams, auth: AuthenticationState) => void;

/** A request that cannot run, in the shape of Apollo's own errors (the code passes through formatError). */
const requestError = (code: string, message: string): GraphQLError => new GraphQLError(message, { extensions: { code } });

/** A document the guard keeps: its syntax tree and what it learnt of each of its operations. */
interface KeptDocument {
  document: DocumentNode;
  /** By operation name (null: the only operation); only operations that were found are kept. */
  operations: Map<string | null, CheckedOperation>;
}

/** What the guard learnt of one operation of a kept document. */
interface CheckedOperation {
  operation: OperationDefinitionNode;
  /** Its root fields, once an anonymous caller asked for it. */
  roots?: Set<string>;
  /**
   * Whether it passed every limit with a measure no variable changes (no page size given by a
   * variable): then it is not measured again. An operation refused, or measured with variables, is
   * measured at every request.
   */
  withinLimits: boolean;
}

/**
 * The check every request to `/graphql` passes before Apollo parses, validates or executes it, in
 * order of cost: the nesting of brackets (a linear scan, so the parser never recurses deeply), a
 * parse bounded by `maxTokens`, the operation to run, the caller (anything but a public root field
 * needs a verified token), then depth, aliases, root fields, page sizes and cost, measured in
 * linear time. The body size is bounded before, by createHttpApp. A document that passed the first
 * two checks is kept parsed (up to PARSED_DOCUMENTS_KEPT, each at most PARSED_DOCUMENT_MAX_LENGTH
 * characters), so a document sent again costs neither, and so is what its operations measure when no
 * variable changes it (a request then costs two map reads); the rest are checked on every request.
 */
export function createOperationGuard(options: OperationGuardOptions): OperationGuard {
  const { limits } = options;
  const publicFields = new Set([...ALWAYS_PUBLIC_ROOT_FIELDS, ...(options.publicRootFields ?? [])]);
  const pagedFields = pagedFieldsOf(options.sdl);
  const maxNesting = limits.maxDepth + NESTING_SLACK;
  // Documents that passed the nesting check and parsed, by their text: a client (the gateway above
  // all) sends the same few documents again and again, with other variables.
  // Oldest first out.
  const kept = new BoundedMap<string, KeptDocument>(PARSED_DOCUMENTS_KEPT);
  const NO_VARIABLES: Record<string, unknown> = {};

  /** Measures `operation` against the limits; true when it passed with a measure no variable changes. */
  function checkLimits(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
    const { measure: m, usesVariables } = measureWithDependence(document, operation, variables, pagedFields);
    if (m.depth > limits.maxDepth) refuse('DEPTH_LIMIT', `the operation is ${m.depth} levels deep; at most ${limits.maxDepth} are allowed`);
    if (m.introspectionDepth > INTROSPECTION_MAX_DEPTH) {
      refuse('DEPTH_LIMIT', `the introspection is ${m.introspectionDepth} levels deep; at most ${INTROSPECTION_MAX_DEPTH} are allowed`);
    }
    if (m.aliases > limits.maxAliases) refuse('ALIAS_LIMIT', `the operation uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed`);
    if (m.fields > limits.maxRootFields) refuse('ROOT_FIELD_LIMIT', `the operation asks for ${m.fields} root fields; at most ${limits.maxRootFields} are allowed`);
    if (m.cost > limits.maxCost) refuse('COST_LIMIT', `the operation's estimated cost is ${m.cost}; at most ${limits.maxCost} is allowed`);
    return !usesVariables;
  }

  return (params, auth) => {
    const { query } = params;
    if (typeof query !== 'string' || query.length === 0) return; // Apollo answers "no query" itself
    let entry = kept.get(query);
    if (!entry) {
      const nesting = bracketNesting(query, maxNesting);
      if (nesting > maxNesting) refuse('DEPTH_LIMIT', `the document nests more than ${maxNesting} brackets deep; at most ${maxNesting} are allowed`);
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
      } catch (error) {
        if (error instanceof GraphQLError) throw requestError('GRAPHQL_PARSE_FAILED', error.message);
        throw error;
      }
      entry = { document, operations: new Map() };
      if (query.length <= PARSED_DOCUMENT_MAX_LENGTH) kept.set(query, entry);
    }
    const { document } = entry;
    const operationName = typeof params.operationName === 'string' ? params.operationName : null;
    let checked = entry.operations.get(operationName);
    if (!checked) {
      const operation = getOperationAST(document, operationName);
      if (!operation) {
        const count = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
        throw requestError(
          'OPERATION_RESOLUTION_FAILURE',
          operationName
            ? `Unknown operation named "${operationName}".`
            : count > 1
              ? 'Must provide operation name if query contains multiple operations.'
              : 'The document contains no operation.',
        );
      }
      checked = { operation, withinLimits: false };
      entry.operations.set(operationName, checked);
    }
    const { operation } = checked;
    if (!auth.principal) {
      if (auth.authError) throw auth.authError;
      checked.roots ??= rootFieldNames(document, operation);
      for (const f of checked.roots) {
        if (!publicFields.has(f)) throw new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first: this operation needs an access token');
      }
    }
    if (checked.withinLimits) return;
    const variables = typeof params.variables === 'object' && params.variables !== null ? (params.variables as Record<string, unknown>) : NO_VARIABLES;
    checked.withinLimits = checkLimits(document, operation, variables);
  };
}

const limitsEnv = (prefix: string, defaults: OperationLimits) =>
  z.object({
    [`${prefix}MAX_DEPTH`]: z.coerce.number().int().min(1).max(100).default(defaults.maxDepth),
    [`${prefix}MAX_ALIASES`]: z.coerce.number().int().min(0).default(defaults.maxAliases),
    [`${prefix}MAX_ROOT_FIELDS`]: z.coerce.number().int().min(1).default(defaults.maxRootFields),
    [`${prefix}MAX_COST`]: z.coerce.number().int().min(1).default(defaults.maxCost),
    [`${prefix}MAX_TOKENS`]: z.coerce.number().int().min(100).default(defaults.maxTokens),
    [`${prefix}MAX_BODY_BYTES`]: z.coerce.number().int().min(1024).default(defaults.maxBodyBytes),
  });

/**
 * The limits from `env`: `<prefix>MAX_DEPTH`, `_ALIASES`, `_ROOT_FIELDS`, `_COST`, `_TOKENS`,
 * `_BODY_BYTES` (the gateway reads `GATEWAY_…`, subgraphs `SUBGRAPH_…`), each defaulting to `defaults`.
 */
export function operationLimitsFromEnv(prefix: string, env: Record<string, string | undefined>, defaults: OperationLimits = DEFAULT_OPERATION_LIMITS): OperationLimits {
  const parsed = parseEnv(limitsEnv(prefix, defaults), env) as Record<string, number>;
  const read = (name: string): number => parsed[`${prefix}${name}`] as number;
  return {
    maxDepth: read('MAX_DEPTH'),
    maxAliases: read('MAX_ALIASES'),
    maxRootFields: read('MAX_ROOT_FIELDS'),
    maxCost: read('MAX_COST'),
    maxTokens: read('MAX_TOKENS'),
    maxBodyBytes: read('MAX_BODY_BYTES'),
  };
}
