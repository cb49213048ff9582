import { BoundedMap } from '@rapport/errors';
import type { OperationGuard } from '@rapport/subgraph-kit';

/** How many passed requests `rememberingGuard` keeps, and the longest document + variables it keeps one for. */
export interface RememberingGuardOptions {
  entries: number;
  maxKeyLength: number;
}

const DEFAULTS: RememberingGuardOptions = { entries: 512, maxKeyLength: 16_384 };

/**
 * The kit's operation guard, remembering the requests it let through for a signed-in caller, so a
 * document the gateway sees again (what clients send, request after request) is not parsed and
 * measured once more before Apollo, which keeps its own parsed copy. What the guard decides is a
 * function of the document, the operation name, the variables (page sizes) and whether a caller was
 * verified, so the same three for a verified caller pass again: anonymous callers and every refusal
 * always go through the guard. Bounded: at most `entries` requests (least recently used first out),
 * none whose document and variables together are longer than `maxKeyLength` characters.
 */
export function rememberingGuard(guard: OperationGuard, options: Partial<RememberingGuardOptions> = {}): OperationGuard {
  const { entries, maxKeyLength } = { ...DEFAULTS, ...options };
  const passed = new BoundedMap<string, true>(entries);
  return (params, auth) => {
    const { query, operationName, variables } = params;
    if (!auth.principal || typeof query !== 'string' || query.length > maxKeyLength) return guard(params, auth);
    // JSON text has no raw line breaks, so the first two mark where the name and the variables end.
    const key = `${typeof operationName === 'string' ? JSON.stringify(operationName) : '-'}\n${variables === undefined ? '-' : JSON.stringify(variables)}\n${query}`;
    if (key.length > maxKeyLength) return guard(params, auth);
    if (passed.use(key)) return;
    guard(params, auth);
    passed.set(key, true);
  };
}
