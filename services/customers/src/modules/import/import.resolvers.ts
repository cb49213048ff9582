import type { Resolvers } from '../../generated/graphql.js';
import { exportCustomers } from './export.service.js';
import { getImportJob, importCustomers } from './import.service.js';
import { customerPolicy } from '../customer/customer.policy.js';

export const importResolvers: Resolvers = {
  Query: {
    importJob: (_, args, ctx) => getImportJob(ctx.em, ctx.viewer(customerPolicy, 'read'), args.id),
    exportCustomers: (_, args, ctx) => exportCustomers(ctx.em, ctx.viewer(customerPolicy, 'read'), args.filter, args.format),
  },
  Mutation: {
    importCustomers: (_, args, ctx) => importCustomers(ctx.em, ctx.viewer(customerPolicy, 'write'), args.input, ctx.eventMeta),
  },
  ImportReport: {},
  ImportDuplicateRow: {
    customer: (row, _, ctx) => (row.customerId ? ctx.loaders.customerById.load(row.customerId) : null),
  },
};
