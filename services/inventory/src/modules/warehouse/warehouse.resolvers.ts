import { isUuid } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { warehousePolicy } from './warehouse.policy.js';
import { createWarehouse, getWarehouse, listWarehouses, updateWarehouse } from './warehouse.service.js';

export const warehouseResolvers: Resolvers = {
  Query: {
    warehouse: (_, args, ctx) => getWarehouse(ctx.em, ctx.viewer(warehousePolicy, 'read'), args.id),
    warehouses: (_, args, ctx) => listWarehouses(ctx.em, ctx.viewer(warehousePolicy, 'read'), args.first, args.after),
  },
  Mutation: {
    createWarehouse: (_, args, ctx) => createWarehouse(ctx.em, ctx.viewer(warehousePolicy, 'write'), args.input, ctx.eventMeta),
    updateWarehouse: (_, args, ctx) => updateWarehouse(ctx.em, ctx.viewer(warehousePolicy, 'write'), args.id, args.input, ctx.eventMeta),
  },
  Warehouse: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.warehouseById.load(ref.id.toLowerCase()) : null),
    history: (warehouse, args, ctx) => auditHistory(ctx.em, 'Warehouse', warehouse.id, args.first),
  },
};
