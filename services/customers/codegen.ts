import { fileURLToPath } from 'node:url';
import { subgraphCodegen } from '@rapport/subgraph-kit/codegen';

// `npm run codegen` writes src/generated/types.ts and graphql.ts: the types and resolver types of the customers SDL. Mappers
// name what resolvers return for a type (paths relative to src/generated).
export default subgraphCodegen({
  service: 'customers',
  srcDir: fileURLToPath(new URL('./src', import.meta.url)),
  mappers: {
    Activity: '../modules/activity/activity.entity.js#IActivity',
    Address: '../modules/address/address.entity.js#IAddress',
    AuditEntry: '@rapport/subgraph-kit#IAuditEntry',
    Contact: '../modules/contact/contact.entity.js#IContact',
    Customer: '../modules/customer/customer.entity.js#ICustomer',
    Document: '../modules/document/document.entity.js#IDocument',
    DuplicateCandidate: '../modules/duplicate/duplicate.service.js#DuplicateCandidate',
    ImportDuplicateRow: '../modules/import/import-job.entity.js#ImportDuplicateRow',
    ImportReport: '../modules/import/import-job.entity.js#IImportJob',
    Lead: '../modules/lead/lead.entity.js#ILead',
    TimelineEntry: '../modules/timeline/timeline-entry.entity.js#ITimelineEntry',
  },
});
