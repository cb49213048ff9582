import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { mergeLoaders } from '@rapport/subgraph-kit';
import { createActivityLoaders } from './modules/activity/activity.loaders.js';
import { createAddressLoaders } from './modules/address/address.loaders.js';
import { createContactLoaders } from './modules/contact/contact.loaders.js';
import { createCustomerLoaders } from './modules/customer/customer.loaders.js';
import { createDocumentLoaders } from './modules/document/document.loaders.js';
import { createDuplicateLoaders } from './modules/duplicate/duplicate.loaders.js';
import { createTimelineLoaders } from './modules/timeline/timeline.loaders.js';

/** Per-request loaders, one part per module; a loader name two modules define is an error, not an overwrite. */
export const createLoaders = (em: SqlEntityManager, principal: Principal | null) =>
  mergeLoaders(
    createCustomerLoaders(em, principal),
    createContactLoaders(em, principal),
    createAddressLoaders(em, principal),
    createActivityLoaders(em, principal),
    createDuplicateLoaders(em, principal),
    createDocumentLoaders(em, principal),
    createTimelineLoaders(em, principal),
  );
export type CustomersLoaders = ReturnType<typeof createLoaders>;
