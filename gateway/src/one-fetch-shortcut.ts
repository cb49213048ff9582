import type { ApolloGateway, Experimental_DidResolveQueryPlanCallback, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type * as GraphQL from 'graphql';
import type { DocumentNode, GraphQLObjectType, GraphQLOutputType, SelectionSetNode } from 'graphql';
import graphqlAsApolloLoadsIt from 'graphql/index.js';

// graphql as @apollo/gateway (CommonJS) loads it: its schema's types pass graphql's `instanceof`
// checks only in that copy, and a test runner may give `import … from 'graphql'` the .mjs one. The
// CommonJS file by its path is that copy in Node, in vitest and in the gateway's bundle alike (a
// `createRequire` would load a second copy beside the bundle's).
const { getVariableValues, isEnumType, isListType, isNonNullType, isObjectType, isScalarType, isSpecifiedScalarType, Kind } = graphqlAsApolloLoadsIt as unknown as typeof GraphQL;

type Resolved = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type Loaded = Awaited<ReturnType<ApolloGateway['load']>>;
type Executor = NonNullable<Loaded['executor']>;
type ExecutorContext = Parameters<Executor>[0];
type DataSource = Resolved['serviceMap'][string];
type SubgraphResponse = Awaited<ReturnType<DataSource['process']>>;
/** What Apollo Server asks of a gateway. */
export type GatewayInterface = Pick<ApolloGateway, 'onSchemaLoadOrUpdate' | 'load' | 'stop'>;
/** `GraphQLDataSourceRequestKind.INCOMING_OPERATION` (the enum is not among @apollo/gateway's exports). */
const INCOMING_OPERATION = 'incoming operation' as Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>['kind'];
type FetchNode = Extract<NonNullable<Resolved['queryPlan']['node']>, { kind: 'Fetch' }>;

/**
 * What Apollo's result shaping (`computeResponse` in @apollo/gateway) would do to a value of one
 * selection, reduced to the one question the shortcut asks: does it keep this value exactly as the
 * subgraph sent it, with no error? Built only for selections of fields without directives, aliases
 * told apart, on object types (no fragments, no `__typename`, no interfaces or unions), where the
 * answer to that question depends on the value alone.
 */
type Shape =
  | { kind: 'nonNull'; of: Shape }
  | { kind: 'list'; of: Shape }
  | { kind: 'object'; names: readonly string[]; shapes: readonly Shape[] }
  | { kind: 'leaf'; valid: (value: unknown) => boolean };

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** `isValidLeafValue` of @apollo/federation-internals (values.ts), on graphql-js's copy of the same API schema. */
function leafCheck(type: GraphQLOutputType): ((value: unknown) => boolean) | null {
  if (isScalarType(type)) {
    if (!isSpecifiedScalarType(type)) return () => true;
    const { name } = type;
    return (value) => {
      if (typeof value === 'boolean') return name === 'Boolean';
      if (typeof value === 'number' && Number.isFinite(value)) return name === 'Int' || name === 'ID' ? INTEGER.test(String(value)) : name === 'Float';
      if (typeof value === 'string') return name !== 'Boolean' && name !== 'Int' && name !== 'Float';
      return false;
    };
  }
  if (isEnumType(type)) return (value) => typeof value === 'string' && type.getValue(value) !== undefined;
  return null;
}

function shapeOfType(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): Shape | null {
  if (isNonNullType(type)) {
    const of = shapeOfType(type.ofType, selectionSet);
    return of && { kind: 'nonNull', of };
  }
  if (isListType(type)) {
    const of = shapeOfType(type.ofType, selectionSet);
    return of && { kind: 'list', of };
  }
  if (isObjectType(type)) return selectionSet ? shapeOfSelection(type, selectionSet) : null;
  const valid = selectionSet ? null : leafCheck(type);
  return valid && { kind: 'leaf', valid };
}

function shapeOfSelection(parent: GraphQLObjectType, selectionSet: SelectionSetNode): Shape | null {
  const names: string[] = [];
  const shapes: Shape[] = [];
  const fields = parent.getFields();
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
    // `__typename` and introspection fields are not among an object type's fields: not shortcut.
    const definition = Object.hasOwn(fields, selection.name.value) ? fields[selection.name.value] : undefined;
    const name = selection.alias?.value ?? selection.name.value;
    if (!definition || names.includes(name)) return null;
    const shape = shapeOfType(definition.type, selection.selectionSet);
    if (!shape) return null;
    names.push(name);
    shapes.push(shape);
  }
  return { kind: 'object', names, shapes };
}

/** Whether Apollo's result shaping keeps `value` (a subgraph's JSON) as it is, without an error. */
export function keptAsIs(shape: Shape, value: unknown): boolean {
  switch (shape.kind) {
    case 'nonNull':
      return value !== null && value !== undefined && keptAsIs(shape.of, value);
    case 'list':
      if (value === null) return true;
      if (!Array.isArray(value)) return false;
      for (const element of value) if (!keptAsIs(shape.of, element)) return false;
      return true;
    case 'object': {
      if (value === null) return true;
      if (typeof value !== 'object' || Array.isArray(value)) return false;
      // The same fields in the same order (the shaped answer follows the selection's order).
      const keys = Object.keys(value);
      const { names, shapes } = shape;
      if (keys.length !== names.length) return false;
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== names[i] || !keptAsIs(shapes[i] as Shape, (value as Record<string, unknown>)[keys[i] as string])) return false;
      }
      return true;
    }
    case 'leaf':
      return value === null || (value !== undefined && shape.valid(value));
  }
}

/** A query planned as one fetch that the shortcut may answer. */
interface OneFetch {
  generation: number;
  fetch: FetchNode;
  service: DataSource;
  root: Shape;
  operation: Resolved['operationContext']['operation'];
  schema: Resolved['operationContext']['schema'];
}

/** A subgraph's answer already received, for the one fetch of the plan Apollo runs after the shortcut gave up. */
export interface PreparedAnswer {
  query: string;
  outcome: { ok: true; response: SubgraphResponse } | { ok: false; error: unknown };
}

/** What the shortcut needs of the gateway's data sources: to hand over an answer it already has. */
export const preparedAnswers = new WeakMap<object, PreparedAnswer>();

/** Whether a plan and its operation can take the shortcut, and what it needs to. */
function oneFetchOf({ queryPlan, serviceMap, operationContext }: Resolved, generation: number): OneFetch | null {
  const { node } = queryPlan;
  const { operation, schema } = operationContext;
  if (node?.kind !== 'Fetch' || operation.operation !== 'query' || operation.directives?.length) return null;
  if (node.requires || node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) return null;
  const service = serviceMap[node.serviceName];
  const queryType = schema.getQueryType();
  if (!service || !queryType) return null;
  const data = shapeOfSelection(queryType, operation.selectionSet);
  // The answer's `data` itself must be there: without it Apollo answers each root field with null.
  return data && { generation, fetch: node, service, root: { kind: 'nonNull', of: data }, operation, schema };
}

/**
 * The gateway's executor with a shortcut for queries that one subgraph answers whole (the plan is a
 * single fetch with no entities, no @requires and no rewrites; the operation selects fields of object
 * types without fragments, directives or `__typename`): the subgraph is called exactly as Apollo's
 * `executeQueryPlan` calls it, and when its answer has no errors and Apollo's result shaping would keep
 * its `data` as it is (`keptAsIs`: the selection's fields in order, no null where the schema forbids
 * one, every leaf a valid value of its type), that `data` is the answer, without Apollo's shaping,
 * query-plan lookup or operation rebuilt per request. Anything else — errors, partial data, a value
 * shaping would change, a variable that does not coerce, the query-plan header — goes to Apollo's own
 * executor, which gets the answer already received (`preparedAnswers`) instead of calling again.
 * A document is learnt on its first run by Apollo (`didResolveQueryPlan`), keyed by the parsed
 * document Apollo Server keeps; a schema update forgets everything learnt.
 */
export function oneFetchShortcut(options: { taken?: () => void } = {}): {
  didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback;
  wrap(gateway: ApolloGateway): GatewayInterface;
} {
  let generation = 0;
  const learnt = new WeakMap<DocumentNode, Map<string | null, OneFetch | null>>();
  const lookup = (requestContext: ExecutorContext): OneFetch | null => {
    const entry = learnt.get(requestContext.document)?.get(requestContext.request.operationName ?? null);
    return entry && entry.generation === generation ? entry : null;
  };

  const shortcut = (original: Executor): Executor => {
    return async (requestContext) => {
      const entry = lookup(requestContext);
      const { request } = requestContext;
      if (!entry || request.http?.headers.get('apollo-query-plan-experimental')) return original(requestContext);
      // As the gateway's `validateIncomingRequest`: a variable that does not coerce is Apollo's to answer.
      if (entry.operation.variableDefinitions && getVariableValues(entry.schema, entry.operation.variableDefinitions, request.variables ?? {}).errors) {
        return original(requestContext);
      }
      // The variables and the call exactly as `executeFetch`/`sendOperation` in executeQueryPlan make them.
      const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      const given = request.variables;
      for (const name of entry.fetch.variableUsages ?? []) {
        if (given && Object.hasOwn(given, name) && typeof given[name] !== 'undefined') variables[name] = given[name];
      }
      let outcome: PreparedAnswer['outcome'];
      try {
        const response = await entry.service.process({
          kind: INCOMING_OPERATION,
          request: { query: entry.fetch.operation, variables, operationName: entry.fetch.operationName, http: undefined },
          incomingRequestContext: requestContext,
          context: requestContext.context,
          document: entry.fetch.operationDocumentNode,
          pathInIncomingRequest: [],
        });
        if (response.errors === undefined && keptAsIs(entry.root, response.data)) {
          options.taken?.();
          return { data: response.data };
        }
        outcome = { ok: true, response };
      } catch (error) {
        outcome = { ok: false, error };
      }
      preparedAnswers.set(requestContext.context, { query: entry.fetch.operation, outcome });
      return original(requestContext);
    };
  };

  return {
    didResolveQueryPlan: (resolved) => {
      const { document, request } = resolved.requestContext;
      let byName = learnt.get(document);
      if (!byName) learnt.set(document, (byName = new Map()));
      const name = request.operationName ?? null;
      const known = byName.get(name);
      if (known === undefined || (known !== null && known.generation !== generation)) byName.set(name, oneFetchOf(resolved, generation));
    },
    wrap: (gateway) => {
      gateway.onSchemaLoadOrUpdate(() => {
        generation++;
      });
      return {
        onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
        load: async (loadOptions) => {
          const loaded = await gateway.load(loadOptions);
          return { ...loaded, executor: loaded.executor && shortcut(loaded.executor) };
        },
        stop: () => gateway.stop(),
      };
    },
  };
}

/**
 * For a data source's `process`: the answer the shortcut already received for this request's one
 * fetch (consumed once), so Apollo's executor, run after the shortcut gave up, does not call again.
 */
export function takePreparedAnswer(context: object, query: string | undefined): PreparedAnswer['outcome'] | undefined {
  const prepared = preparedAnswers.get(context);
  if (!prepared || prepared.query !== query) return undefined;
  preparedAnswers.delete(context);
  return prepared.outcome;
}
