import resultShaping from '@apollo/gateway/dist/resultShaping.js';
import federationInternals from '@apollo/federation-internals';
import { replaceExportOnce } from './replace-export.js';

// The few parts of @apollo/federation-internals' operation and schema objects read here.
interface SchemaType {
  kind: string;
  name?: string;
  ofType?: SchemaType;
}
interface OperationField {
  name: string;
  alias?: string;
  appliedDirectives: readonly unknown[];
  definition: { type: SchemaType; isSchemaIntrospectionField(): boolean };
}
interface OperationSelection {
  kind: string;
  element: unknown;
  selectionSet?: OperationSelectionSet;
}
interface OperationSelectionSet {
  selections(): readonly OperationSelection[];
}
/** What `computeResponse` (@apollo/gateway's resultShaping.js) is given. */
export interface ShapingInput {
  operation: { selectionSet: OperationSelectionSet; schema(): unknown };
  variables: unknown;
  input: unknown;
  introspectionHandling: unknown;
}
export type ComputeResponse = (args: ShapingInput) => { data: unknown; errors: unknown[] };

// @apollo/gateway's own modules, the objects its executeQueryPlan reads them from (CommonJS: a
// default import is the module's `exports`, in Node and in an esbuild bundle alike, where a
// `createRequire` would load a second copy from node_modules and patch that one).
const shaping = resultShaping as unknown as { computeResponse: ComputeResponse };
const { isValidLeafValue } = federationInternals as unknown as { isValidLeafValue(schema: unknown, value: unknown, type: SchemaType): boolean };

/** A selection compiled for one request: what Apollo's shaping does with each value, for the subset handled here. */
type Node = { kind: 'nonNull'; of: Node } | { kind: 'list'; of: Node } | { kind: 'object'; typename: string; fields: Fields } | { kind: 'leaf'; type: SchemaType };
interface Fields {
  names: string[];
  nodes: Node[];
}

const FAIL: unique symbol = Symbol('not shaped here');

function compileType(type: SchemaType, selectionSet: OperationSelectionSet | undefined): Node | null {
  switch (type.kind) {
    case 'NonNullType':
    case 'ListType': {
      const of = type.ofType && compileType(type.ofType, selectionSet);
      return of ? { kind: type.kind === 'ListType' ? 'list' : 'nonNull', of } : null;
    }
    case 'ObjectType': {
      const fields = selectionSet && compileFields(selectionSet);
      return fields && type.name ? { kind: 'object', typename: type.name, fields } : null;
    }
    case 'ScalarType':
    case 'EnumType':
      return selectionSet ? null : { kind: 'leaf', type };
    default:
      // Interfaces and unions (the runtime type decides): Apollo's own shaping.
      return null;
  }
}

/** Fields without directives, each response name once, no `__typename` or introspection; null otherwise. */
function compileFields(selectionSet: OperationSelectionSet): Fields | null {
  const names: string[] = [];
  const nodes: Node[] = [];
  for (const selection of selectionSet.selections()) {
    if (selection.kind !== 'FieldSelection') return null;
    const field = selection.element as OperationField;
    if (field.appliedDirectives.length || field.name === '__typename' || field.definition.isSchemaIntrospectionField()) return null;
    const name = field.alias ?? field.name;
    // The answer's objects are plain ones (see `shape`): assigning `__proto__` would set a prototype, so Apollo's shaping takes it.
    if (name === '__proto__' || names.includes(name)) return null;
    const node = compileType(field.definition.type, selection.selectionSet);
    if (!node) return null;
    names.push(name);
    nodes.push(node);
  }
  return { names, nodes };
}

/** The fields of `fields` taken from `input` into `output`, as `applySelectionSet` does when nothing goes wrong. */
function shapeFields(schema: unknown, fields: Fields, input: object, output: Record<string, unknown>): boolean {
  const { names, nodes } = fields;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const value = Object.hasOwn(input, name) ? ((input as Record<string, unknown>)[name] ?? null) : null;
    const shaped = shape(schema, nodes[i] as Node, value);
    if (shaped === FAIL) return false;
    output[name] = shaped;
  }
  return true;
}

/** `updateOutputValue` for a value with nothing shaped yet; FAIL where Apollo would report an error or assert. */
function shape(schema: unknown, node: Node, value: unknown): unknown {
  if (value === undefined) return FAIL;
  switch (node.kind) {
    case 'nonNull': {
      const shaped = shape(schema, node.of, value);
      return shaped === null ? FAIL : shaped;
    }
    case 'list': {
      if (value === null) return null;
      if (!Array.isArray(value)) return FAIL;
      const shaped: unknown[] = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        const element = shape(schema, node.of, value[i]);
        if (element === FAIL) return FAIL;
        shaped[i] = element;
      }
      return shaped;
    }
    case 'object': {
      if (value === null) return null;
      if (typeof value !== 'object' || Array.isArray(value)) return FAIL;
      // Another runtime type than the field's would change how Apollo reads the object.
      const typename = (value as Record<string, unknown>).__typename;
      if (typename !== undefined && typename !== node.typename) return FAIL;
      // A plain object, not Apollo's null-prototype one: V8 keeps `Object.create(null)` objects as
      // hash tables, slower to fill and about twice as slow for the final JSON.stringify; filled in
      // the same order each time, these share one shape per selection. The JSON is the same.
      const output: Record<string, unknown> = {};
      return shapeFields(schema, node.fields, value, output) ? output : FAIL;
    }
    case 'leaf':
      if (value === null) return null;
      return isValidLeafValue(schema, value, node.type) ? value : FAIL;
  }
}

/**
 * `computeResponse` for operations of plain field selections on object types (no fragments, no
 * directives, no `__typename`, no interfaces or unions — the flagship and most of what clients send):
 * the selection is compiled once per operation into a small tree, then the merged subgraph answers are
 * walked once, building objects of the same fields in the same order (plain objects where Apollo
 * makes null-prototype ones: the same JSON, made and serialised faster). As soon as anything would
 * make Apollo report an error, assert or read a runtime type, it answers nothing itself and Apollo's
 * own `computeResponse` shapes the same input (which neither of them changes).
 */
export function fastComputeResponse(original: ComputeResponse): ComputeResponse {
  // An operation built once for its document (operation-cache.ts) is compiled once too.
  const compiled = new WeakMap<object, Fields | null>();
  return (args) => {
    const { operation, input } = args;
    if (!input || typeof input !== 'object') return original(args);
    let fields = compiled.get(operation);
    if (fields === undefined) compiled.set(operation, (fields = compileFields(operation.selectionSet)));
    if (fields) {
      const data: Record<string, unknown> = {};
      if (shapeFields(operation.schema(), fields, input, data)) return { data, errors: [] };
    }
    return original(args);
  };
}

/**
 * Puts `fastComputeResponse` in the place of @apollo/gateway's `computeResponse`, which its
 * `executeQueryPlan` reads from the resultShaping module's exports on every call (once per process;
 * every gateway in it shapes the same way). Returns both, for tests that compare them.
 */
export function installFastShaping(): { original: ComputeResponse; fast: ComputeResponse } {
  const { original, replacement } = replaceExportOnce(shaping, 'computeResponse', fastComputeResponse);
  return { original, fast: replacement };
}
