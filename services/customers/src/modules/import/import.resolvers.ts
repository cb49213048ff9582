import type { Resolvers } from '../../generated/graphql.js';
import { exportCustomers } from './export.service.js';
import { getImportJob, importCustomers } from './import.service.js';

export const importResolvers: Resolvers = {
  Query: {
    importJob: (_, args, ctx) => getImportJob(ctx.em, ctx.principal, args.id),
    exportCustomers: (_, args, ctx) => exportCustomers(ctx.em, ctx.principal, args.filter, args.format),
  },
  Mutation: {
    importCustomers: (_, args, ctx) => importCustomers(ctx.em, ctx.principal, args.input, ctx.eventMeta),
  },
  ImportReport: {},
  ImportDuplicateRow: {
    customer: (row, _, ctx) => (row.customerId ? ctx.loaders.customerById.load(row.customerId) : null),
  },
};
