import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { DEFAULT_DOCUMENT_MAX_BYTES } from './config.js';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Activity } from './modules/activity/activity.entity.js';
import { activityResolvers } from './modules/activity/activity.resolvers.js';
import { Address } from './modules/address/address.entity.js';
import { addressResolvers } from './modules/address/address.resolvers.js';
import { Contact } from './modules/contact/contact.entity.js';
import { contactResolvers } from './modules/contact/contact.resolvers.js';
import { Customer } from './modules/customer/customer.entity.js';
import { documentHandlers } from './modules/document/document.consumer.js';
import { Document } from './modules/document/document.entity.js';
import { documentRoutes, type DocumentsConfig } from './modules/document/document.http.js';
import { documentResolvers } from './modules/document/document.resolvers.js';
import { LocalDiskStorage } from './modules/document/document.storage.js';
import { duplicateResolvers } from './modules/duplicate/duplicate.resolvers.js';
import { customerResolvers } from './modules/customer/customer.resolvers.js';
import { ownerTeamHandlers } from './modules/customer/owner-team.js';
import { Lead } from './modules/lead/lead.entity.js';
import { leadResolvers } from './modules/lead/lead.resolvers.js';
import { ImportJob } from './modules/import/import-job.entity.js';
import { importResolvers } from './modules/import/import.resolvers.js';
import { TimelineEntry } from './modules/timeline/timeline-entry.entity.js';
import { timelineHandlers } from './modules/timeline/timeline.consumer.js';
import { activityHandlers } from './modules/activity/activity.consumer.js';
import { timelineResolvers } from './modules/timeline/timeline.resolvers.js';
import { searchResolvers } from './modules/search/search.resolvers.js';

/**
 * The customers subgraph: customers with their contacts, addresses, activities and documents, and
 * their timeline, fed by every service's events. Without `documents` (tests), files go to a
 * temporary folder of this service's own, removed when it stops.
 */
export function createCustomersService(config: SubgraphRuntimeConfig & { documents?: DocumentsConfig }): SubgraphService {
  const documents: DocumentsConfig = config.documents ?? { dir: join(tmpdir(), `rapport-documents-${randomUUID()}`), maxBytes: DEFAULT_DOCUMENT_MAX_BYTES };
  const ownDir = config.documents ? null : documents.dir;
  const service = createSubgraphService(
    {
      name: 'customers',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [
        customerResolvers,
        contactResolvers,
        addressResolvers,
        activityResolvers,
        timelineResolvers,
        duplicateResolvers,
        leadResolvers,
        searchResolvers,
        importResolvers,
        documentResolvers,
      ],
      entities: [Customer, Contact, Address, Activity, TimelineEntry, Lead, ImportJob, Document],
      migrations,
      handlers: [...timelineHandlers, ...activityHandlers, ...ownerTeamHandlers, ...documentHandlers],
      // It writes customer_access itself, with each change; see CUSTOMER_ACCESS_SOURCE_EVENTS.
      customerAccess: 'source',
      createLoaders,
      handle: documentRoutes(new LocalDiskStorage(documents.dir), documents),
    },
    config,
  );
  if (!ownDir) return service;
  return {
    start: () => service.start(),
    async stop() {
      await service.stop();
      await rm(ownDir, { recursive: true, force: true });
    },
    get orm() {
      return service.orm;
    },
    logger: service.logger,
    get url() {
      return service.url;
    },
    sdl: service.sdl,
    migrations: service.migrations,
  };
}
