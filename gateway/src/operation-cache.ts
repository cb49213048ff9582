import operationsModule from '@apollo/federation-internals/dist/operations.js';
import { replaceExportOnce } from './replace-export.js';

type OperationFromDocument = (schema: object, document: { definitions: readonly object[] }, options?: { validate?: boolean; operationName?: string }) => object;

// @apollo/federation-internals' operations module, the one @apollo/gateway requires (CommonJS, one
// instance: a default import is its `exports`, in a bundle too — see replace-export.ts).
const operations = operationsModule as unknown as { operationFromDocument: OperationFromDocument };

/**
 * `operationFromDocument` remembering what it built for `executeQueryPlan`'s call — the only one
 * with `{ validate: false }` and nothing else: a document of the operation node and its fragments'
 * nodes, which Apollo Server keeps parsed from one request to the next. The same nodes on the same
 * schema give the same operation, which executeQueryPlan and the result shaping only read; every
 * other call, and a call that throws, goes to Apollo's as it is.
 */
export function cachedOperationFromDocument(original: OperationFromDocument): OperationFromDocument {
  const built = new WeakMap<object, { schema: object; definitions: readonly object[]; operation: object }>();
  return (schema, document, options) => {
    const { definitions } = document;
    const first = definitions[0];
    if (!first || options?.validate !== false || Object.keys(options).length !== 1) return original(schema, document, options);
    const known = built.get(first);
    if (known && known.schema === schema && known.definitions.length === definitions.length && known.definitions.every((definition, i) => definition === definitions[i])) {
      return known.operation;
    }
    const operation = original(schema, document, options);
    built.set(first, { schema, definitions: [...definitions], operation });
    return operation;
  };
}

/** Puts `cachedOperationFromDocument` in the place of federation-internals' own (once per process). */
export function installOperationCache(): { original: OperationFromDocument; cached: OperationFromDocument } {
  const { original, replacement } = replaceExportOnce(operations, 'operationFromDocument', cachedOperationFromDocument);
  return { original, cached: replacement };
}
