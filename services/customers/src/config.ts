import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { badInput } from '@rapport/errors';
import { subgraphConfigFromEnv, type SubgraphRuntimeConfig } from '@rapport/subgraph-kit';
import type { DocumentsConfig } from './modules/document/document.http.js';

/** The largest document accepted unless DOCUMENTS_MAX_BYTES says otherwise: 20 MiB. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_DOCUMENT_MAX_BYTES = 1024 * 1024 * 1024;
/** Where documents are kept unless DOCUMENTS_DIR says otherwise: `.rapport/documents` at the repository root (git-ignored). */
const DEFAULT_DOCUMENTS_DIR = fileURLToPath(new URL('../../../.rapport/documents', import.meta.url));

export type CustomersConfig = SubgraphRuntimeConfig & { documents: DocumentsConfig };

/** `DOCUMENTS_DIR` and `DOCUMENTS_MAX_BYTES` (1 byte to 1 GiB); a bad value fails at boot naming the variable. */
export function documentsConfigFromEnv(env: Record<string, string | undefined>): DocumentsConfig {
  const raw = env.DOCUMENTS_MAX_BYTES?.trim();
  const maxBytes = raw ? Number(raw) : DEFAULT_DOCUMENT_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_DOCUMENT_MAX_BYTES) {
    throw badInput('DOCUMENTS_MAX_BYTES', `invalid environment: DOCUMENTS_MAX_BYTES must be a whole number of bytes from 1 to ${MAX_DOCUMENT_MAX_BYTES}`, 'INVALID_ENV');
  }
  return { dir: resolve(env.DOCUMENTS_DIR?.trim() || DEFAULT_DOCUMENTS_DIR), maxBytes };
}

/** Reads the customers subgraph's configuration from `env` once, at boot. */
export const loadConfig = (env: Record<string, string | undefined>): CustomersConfig => ({
  ...subgraphConfigFromEnv('customers', env),
  documents: documentsConfigFromEnv(env),
});
