import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { mergeLoaders, type Caller } from '@rapport/subgraph-kit';
import { createActivityLoaders } from './modules/activity/activity.loaders.js';
import { createAddressLoaders } from './modules/address/address.loaders.js';
import { createContactLoaders } from './modules/contact/contact.loaders.js';
import { createCustomerLoaders } from './modules/customer/customer.loaders.js';
import { createDocumentLoaders } from './modules/document/document.loaders.js';
import { createDuplicateLoaders } from './modules/duplicate/duplicate.loaders.js';
import { createTimelineLoaders } from './modules/timeline/timeline.loaders.js';

/** Per-request loaders, one part per module; a loader name two modules define is an error, not an overwrite. */
export const createLoaders = (em: SqlEntityManager, caller: Caller) =>
  mergeLoaders(
    createCustomerLoaders(em, caller),
    createContactLoaders(em, caller),
    createAddressLoaders(em, caller),
    createActivityLoaders(em, caller),
    createDuplicateLoaders(em, caller),
    createDocumentLoaders(em, caller),
    createTimelineLoaders(em, caller),
  );
export type CustomersLoaders = ReturnType<typeof createLoaders>;
