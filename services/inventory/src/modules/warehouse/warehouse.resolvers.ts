import { isUuid } from '@rapport/errors';
import { auditHistory, readAccess, writeAccess } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { stockPolicy } from './warehouse.policy.js';
import { createWarehouse, getWarehouse, listWarehouses, updateWarehouse } from './warehouse.service.js';

export const warehouseResolvers: Resolvers = {
  Query: {
    warehouse: (_, args, ctx) => {
      readAccess(stockPolicy, ctx.principal, 'warehouses');
      return getWarehouse(ctx.em, args.id);
    },
    warehouses: (_, args, ctx) => {
      readAccess(stockPolicy, ctx.principal, 'warehouses');
      return listWarehouses(ctx.em, args.first, args.after);
    },
  },
  Mutation: {
    createWarehouse: (_, args, ctx) => {
      writeAccess(stockPolicy, ctx.principal, 'warehouses');
      return createWarehouse(ctx.em, args.input);
    },
    updateWarehouse: (_, args, ctx) => {
      writeAccess(stockPolicy, ctx.principal, 'warehouses');
      return updateWarehouse(ctx.em, args.id, args.input);
    },
  },
  Warehouse: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.warehouseById.load(ref.id.toLowerCase()) : null),
    history: (warehouse, args, ctx) => auditHistory(ctx.em, 'Warehouse', warehouse.id, args.first),
  },
};
