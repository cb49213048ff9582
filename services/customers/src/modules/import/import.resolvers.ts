import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { CustomerFilter } from '../customer/customer.service.js';
import type { IImportJob, ImportDuplicateRow } from './import-job.entity.js';
import { exportCustomers, getImportJob, importCustomers, type ImportCustomersInput } from './import.service.js';

export const importResolvers: ResolverMap = {
  Query: {
    importJob: (_: unknown, args: { id: string }, ctx: Context) => getImportJob(ctx.em, ctx.principal, args.id),
    exportCustomers: (_: unknown, args: { filter?: CustomerFilter; format?: string }, ctx: Context) => exportCustomers(ctx.em, ctx.principal, args.filter, args.format),
  },
  Mutation: {
    importCustomers: (_: unknown, args: { input: ImportCustomersInput }, ctx: Context) => importCustomers(ctx.em, ctx.principal, args.input, ctx.eventMeta),
  },
  ImportReport: {
    startedAt: (job: IImportJob) => job.startedAt.toISOString(),
    finishedAt: (job: IImportJob) => job.finishedAt?.toISOString() ?? null,
  },
  ImportDuplicateRow: {
    customer: (row: ImportDuplicateRow, _: unknown, ctx: Context) => (row.customerId ? ctx.loaders.customerById.load(row.customerId) : null),
  },
};
