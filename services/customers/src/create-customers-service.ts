import { fileURLToPath } from 'node:url';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { migrations } from './migrations/index.js';
import { Activity } from './modules/activity/activity.entity.js';
import { createActivityLoaders } from './modules/activity/activity.loaders.js';
import { activityResolvers } from './modules/activity/activity.resolvers.js';
import { Address } from './modules/address/address.entity.js';
import { createAddressLoaders } from './modules/address/address.loaders.js';
import { addressResolvers } from './modules/address/address.resolvers.js';
import { Contact } from './modules/contact/contact.entity.js';
import { createContactLoaders } from './modules/contact/contact.loaders.js';
import { contactResolvers } from './modules/contact/contact.resolvers.js';
import { Customer } from './modules/customer/customer.entity.js';
import { createCustomerLoaders } from './modules/customer/customer.loaders.js';
import { createDuplicateLoaders } from './modules/duplicate/duplicate.loaders.js';
import { duplicateResolvers } from './modules/duplicate/duplicate.resolvers.js';
import { customerResolvers } from './modules/customer/customer.resolvers.js';
import { Lead } from './modules/lead/lead.entity.js';
import { leadResolvers } from './modules/lead/lead.resolvers.js';
import { ImportJob } from './modules/import/import-job.entity.js';
import { importResolvers } from './modules/import/import.resolvers.js';
import { TimelineEntry } from './modules/timeline/timeline-entry.entity.js';
import { timelineHandlers } from './modules/timeline/timeline.consumer.js';
import { timelineResolvers } from './modules/timeline/timeline.resolvers.js';
import { searchResolvers } from './modules/search/search.resolvers.js';

export const createLoaders = (em: SqlEntityManager, principal: Principal | null) => ({
  ...createCustomerLoaders(em, principal),
  ...createContactLoaders(em, principal),
  ...createAddressLoaders(em, principal),
  ...createActivityLoaders(em, principal),
  ...createDuplicateLoaders(em, principal),
});
export type CustomersLoaders = ReturnType<typeof createLoaders>;

/** The customers subgraph: customers with their contacts, addresses and activities, and their timeline, fed by every service's events. */
export function createCustomersService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'customers',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [customerResolvers, contactResolvers, addressResolvers, activityResolvers, timelineResolvers, duplicateResolvers, leadResolvers, searchResolvers, importResolvers],
      entities: [Customer, Contact, Address, Activity, TimelineEntry, Lead, ImportJob],
      migrations,
      handlers: timelineHandlers,
      customerAccess: true,
      publicRootFields: ['submitLeadForm'],
      createLoaders,
    },
    config,
  );
}
