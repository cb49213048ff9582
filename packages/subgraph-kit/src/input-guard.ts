import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { isUuid } from '@rapport/errors';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * The input boundary every subgraph and the gateway share. Before an operation runs, every
 * argument it passes — literal or through a variable, at any depth of an input object or list —
 * is checked against the rules below, so no resolver (and no SQL statement) ever sees a value
 * that breaks them:
 * - no string anywhere (arguments, input fields, custom scalars and their object keys) contains a
 *   NUL character or a lone UTF-16 surrogate (PostgreSQL refuses the first; the second cannot be
 *   encoded as UTF-8 and would be silently replaced);
 * - every value of type `ID` is a UUID (every id in Rapport is one);
 * - no subscription operation (none is served over HTTP).
 * A value that breaks one is BAD_USER_INPUT (HTTP 400) naming the field as the schema spells it
 * from the argument down (`input.lines.0.sku`), never echoing the value.
 */

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const BAD_CHARACTER = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` may not cross the boundary, or null when it may. */
export function stringProblem(value: string): string | null {
  const match = BAD_CHARACTER.exec(value);
  if (!match) return null;
  return match[0] === '\0' ? 'must not contain a NUL character' : 'must not contain a lone UTF-16 surrogate (not valid Unicode text)';
}

/** A refusal at the boundary: BAD_USER_INPUT naming the field, answered with HTTP 400. */
export function inputRefusal(field: string, message: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, field, http: { status: 400 } } });
}

// Types are told apart by their tag, not `instanceof`: @apollo/subgraph builds the schema with the
// CommonJS copy of graphql-js, and this module may be loaded with the ES module copy.
const tagOf = (type: unknown): string | undefined => (type as { [Symbol.toStringTag]?: string } | null)?.[Symbol.toStringTag];
const isNonNull = (type: unknown): type is { ofType: GraphQLInputType } => tagOf(type) === 'GraphQLNonNull';
const isList = (type: unknown): type is { ofType: GraphQLInputType } => tagOf(type) === 'GraphQLList';
const inputFieldsOf = (type: unknown): Record<string, { type: GraphQLInputType }> | null =>
  tagOf(type) === 'GraphQLInputObjectType' ? (type as { getFields(): Record<string, { type: GraphQLInputType }> }).getFields() : null;
const scalarName = (type: unknown): string | null => (tagOf(type) === 'GraphQLScalarType' ? (type as { name: string }).name : null);
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const isIdType = (type: unknown): boolean => scalarName(type) === 'ID';
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a JSON value (a variable's, as the client sent it) against `type`; null `type` means "any
 * shape" (a custom scalar): every string and every object key is checked. Iterative, so a deeply
 * nested value cannot exhaust the stack.
 */
export function checkInputValue(field: string, value: unknown, type: GraphQLInputType | null): void {
  // Paths are linked lists, spelled out only for a refusal: deep values cost no string building.
  const stack: { path: Path; value: unknown; type: GraphQLInputType | null }[] = [{ path: { prev: null, key: field }, value, type }];
  while (stack.length) {
    const item = stack.pop()!;
    let itemType: GraphQLInputType | null = isNonNull(item.type) ? item.type.ofType : item.type;
    const current = item.value;
    if (current === null || current === undefined) continue;
    if (isList(itemType)) {
      const ofType = itemType.ofType;
      if (Array.isArray(current)) current.forEach((v, i) => stack.push({ path: { prev: item.path, key: String(i) }, value: v, type: ofType }));
      else stack.push({ path: item.path, value: current, type: ofType }); // a single value coerced to a list
      continue;
    }
    const scalar = scalarName(itemType);
    if (scalar !== null && !BUILT_IN.has(scalar)) itemType = null; // a custom scalar: its value may be of every shape
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) throw inputRefusal(spell(item.path), `${spell(item.path)} ${problem}`, 'INVALID_CHARACTERS');
      if (isIdType(itemType) && !isUuid(current)) throw inputRefusal(spell(item.path), `${spell(item.path)} must be a UUID`, 'MALFORMED_ID');
    } else if (typeof current === 'number' || typeof current === 'bigint') {
      if (isIdType(itemType)) throw inputRefusal(spell(item.path), `${spell(item.path)} must be a UUID`, 'MALFORMED_ID');
    } else if (Array.isArray(current)) {
      current.forEach((v, i) => stack.push({ path: { prev: item.path, key: String(i) }, value: v, type: null }));
    } else if (isPlainObject(current)) {
      const fields = inputFieldsOf(itemType);
      for (const [key, v] of Object.entries(current)) {
        const problem = stringProblem(key);
        if (problem) throw inputRefusal(spell(item.path), `a key in ${spell(item.path)} ${problem}`, 'INVALID_CHARACTERS');
        stack.push({ path: { prev: item.path, key }, value: v, type: fields?.[key]?.type ?? null });
      }
    }
  }
}

interface Path {
  prev: Path | null;
  key: string;
}

/** `input.lines.0.sku`, shortened in the middle past 200 characters (a deeply nested value). */
function spell(path: Path): string {
  const keys: string[] = [];
  for (let p: Path | null = path; p; p = p.prev) keys.push(p.key);
  const text = keys.reverse().join('.');
  return text.length > 200 ? `${text.slice(0, 100)}…${text.slice(-100)}` : text;
}

/** Checks a literal argument value; variables inside it are looked up in `variables` (or their defaults). */
function checkLiteral(field: string, node: ValueNode, type: GraphQLInputType | null, variables: Record<string, unknown>, definitions: Map<string, VariableDefinitionNode>): void {
  const nullable = isNonNull(type) ? type.ofType : type;
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (name in variables) return checkInputValue(field, variables[name], type);
      const fallback = definitions.get(name)?.defaultValue;
      if (fallback) checkLiteral(field, fallback, type, variables, definitions);
      return;
    }
    case Kind.LIST: {
      const ofType = isList(nullable) ? nullable.ofType : null;
      node.values.forEach((v, i) => checkLiteral(`${field}.${i}`, v, ofType, variables, definitions));
      return;
    }
    case Kind.OBJECT: {
      const fields = inputFieldsOf(nullable);
      for (const f of node.fields) checkLiteral(`${field}.${f.name.value}`, f.value, fields?.[f.name.value]?.type ?? null, variables, definitions);
      return;
    }
    case Kind.STRING:
    case Kind.ENUM:
      return checkInputValue(field, node.value, isList(nullable) ? nullable.ofType : type);
    case Kind.INT:
      if (isIdType(nullable)) throw inputRefusal(field, `${field} must be a UUID`, 'MALFORMED_ID');
      return;
    default:
      return;
  }
}

type Fields = Record<string, { args: readonly GraphQLArgument[]; type: unknown }>;
const fieldsOf = (type: unknown): Fields | null => {
  let named = type;
  while (isNonNull(named) || isList(named)) named = named.ofType;
  const tag = tagOf(named);
  return tag === 'GraphQLObjectType' || tag === 'GraphQLInterfaceType' ? (named as { getFields(): Fields }).getFields() : null;
};

/**
 * What checking an operation's input takes once its document is known: each variable an argument
 * passes, with the type it is passed as (checked against each request's value), and each literal
 * argument value that breaks a rule (a literal never changes: one that passed is not looked at again).
 * In the order `checkOperationInput` meets them, so a request is refused for the same first problem.
 */
type InputStep =
  | { kind: 'variable'; field: string; name: string; type: GraphQLInputType | null; fallback: ValueNode | undefined }
  | { kind: 'literal'; field: string; node: ValueNode; type: GraphQLInputType | null };

interface InputPlan {
  steps: InputStep[];
  /** The operation's variable definitions by name (a default value is checked as the literal it is). */
  definitions: Map<string, VariableDefinitionNode>;
}

/** Whether checking `node` as an argument of `type` refuses it, with no variable given. */
function literalRefused(field: string, node: ValueNode, type: GraphQLInputType | null, definitions: Map<string, VariableDefinitionNode>): boolean {
  try {
    checkLiteral(field, node, type, {}, definitions);
    return false;
  } catch {
    return true;
  }
}

/** The steps checking literal `node` (an argument's value, or part of it) takes at every request. */
function planLiteral(field: string, node: ValueNode, type: GraphQLInputType | null, definitions: Map<string, VariableDefinitionNode>, steps: InputStep[]): void {
  const nullable = isNonNull(type) ? type.ofType : type;
  switch (node.kind) {
    case Kind.VARIABLE:
      steps.push({ kind: 'variable', field, name: node.name.value, type, fallback: definitions.get(node.name.value)?.defaultValue });
      return;
    case Kind.LIST: {
      const ofType = isList(nullable) ? nullable.ofType : null;
      node.values.forEach((v, i) => planLiteral(`${field}.${i}`, v, ofType, definitions, steps));
      return;
    }
    case Kind.OBJECT: {
      const fields = inputFieldsOf(nullable);
      for (const f of node.fields) planLiteral(`${field}.${f.name.value}`, f.value, fields?.[f.name.value]?.type ?? null, definitions, steps);
      return;
    }
    default:
      // A string, enum or integer holds no variable: checked now, and again per request only if it is refused.
      if (literalRefused(field, node, type, definitions)) steps.push({ kind: 'literal', field, node, type });
  }
}

/** The plan of `checkOperationInput` for `operation` of `document` against `schema`. */
function planOperationInput(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): InputPlan {
  const definitions = new Map((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d]));
  const steps: InputStep[] = [];
  const planArguments = (nodes: readonly { name: { value: string }; value: ValueNode }[] | undefined, declared: readonly GraphQLArgument[] | undefined): void => {
    for (const argument of nodes ?? []) {
      const type = declared?.find((a) => a.name === argument.name.value)?.type ?? null;
      planLiteral(argument.name.value, argument.value, type, definitions, steps);
    }
  };
  const walk = (selectionSet: SelectionSetNode | undefined, fields: Fields | null): void => {
    for (const selection of selectionSet?.selections ?? []) {
      for (const directive of selection.directives ?? []) planArguments(directive.arguments, schema.getDirective(directive.name.value)?.args);
      if (selection.kind === Kind.FIELD) {
        const field = fields?.[selection.name.value];
        planArguments(selection.arguments, field?.args);
        walk(selection.selectionSet, field ? fieldsOf(field.type) : null);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? fieldsOf(schema.getType(selection.typeCondition.name.value)) : fields);
      }
    }
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  for (const directive of operation.directives ?? []) planArguments(directive.arguments, schema.getDirective(directive.name.value)?.args);
  walk(operation.selectionSet, fieldsOf(root));
  // Fragments are walked once each, from their own type condition (a spread adds nothing new).
  for (const fragment of document.definitions) {
    if (fragment.kind === Kind.FRAGMENT_DEFINITION) walk(fragment.selectionSet, fieldsOf(schema.getType(fragment.typeCondition.name.value)));
  }
  return { steps, definitions };
}

/** Runs `plan` against the variables of one request; throws the first refusal. */
function runInputPlan(plan: InputPlan, variables: Record<string, unknown>): void {
  for (const step of plan.steps) {
    if (step.kind === 'literal') checkLiteral(step.field, step.node, step.type, variables, plan.definitions);
    else if (step.name in variables) checkInputValue(step.field, variables[step.name], step.type);
    else if (step.fallback) checkLiteral(step.field, step.fallback, step.type, variables, plan.definitions);
  }
}

/**
 * Checks every argument `operation` (and the fragments of `document`) passes, with `variables` as
 * the client sent them; throws the first refusal. Walks the selections itself, following the
 * schema's field types, so arguments are checked against their declared types.
 */
export function checkOperationInput(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  runInputPlan(planOperationInput(schema, document, operation), variables);
}

/**
 * The Apollo Server plugin applying the boundary to every operation, in every subgraph and the
 * gateway (the lead-form route runs through it too). Place it after authentication, so an
 * anonymous caller learns nothing about the rules of operations it may not run.
 */
export function inputBoundary<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  // Plans by schema, then by operation node: Apollo keeps a document it parsed (its document store)
  // and hands the same nodes to every request sending its text, so an operation is planned once;
  // a new schema (the gateway's next supergraph) plans again, and forgotten nodes take their plans along.
  const plans = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, InputPlan>>();
  const planOf = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): InputPlan => {
    let bySchema = plans.get(schema);
    if (!bySchema) plans.set(schema, (bySchema = new WeakMap()));
    let plan = bySchema.get(operation);
    if (!plan) bySchema.set(operation, (plan = planOperationInput(schema, document, operation)));
    return plan;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // graphql-js would answer a subscription on a schema without one with an uncoded error (INTERNAL_SERVER_ERROR).
          if (operation.operation === 'subscription') {
            throw new GraphQLError('subscriptions are not served over HTTP', { extensions: { code: 'BAD_REQUEST', reason: 'SUBSCRIPTION_NOT_SUPPORTED', http: { status: 400 } } });
          }
          const variables = isPlainObject(request.variables) ? request.variables : {};
          runInputPlan(planOf(schema, document, operation), variables);
        },
      };
    },
  };
}
