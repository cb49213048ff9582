import { formatQuantity, normaliseQuantity, quantityUnits } from '@rapport/errors';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { transferPolicy } from './transfer.policy.js';
import { listTransfers, receiveTransfer, transferById, transferStock } from './transfer.service.js';

const warehouse = (warehouseId: string, ctx: Context) => ctx.loaders.warehouseById.load(warehouseId);

export const transferResolvers: Resolvers = {
  Query: {
    transfers: (_, args, ctx) => listTransfers(ctx.em, ctx.viewer(transferPolicy, 'read'), args.filter, args.first, args.after),
    transfer: (_, args, ctx) => transferById(ctx.em, ctx.viewer(transferPolicy, 'read'), args.id),
  },
  Mutation: {
    transferStock: (_, args, ctx) => transferStock(ctx.em, ctx.viewer(transferPolicy, 'write'), args.input, ctx.eventMeta),
    receiveTransfer: (_, args, ctx) => receiveTransfer(ctx.em, ctx.viewer(transferPolicy, 'write'), args.input, ctx.eventMeta),
  },
  Transfer: {
    fromWarehouse: (transfer, _, ctx) => warehouse(transfer.fromWarehouseId, ctx),
    toWarehouse: (transfer, _, ctx) => warehouse(transfer.toWarehouseId, ctx),
    lines: (transfer, _, ctx) => ctx.loaders.transferLinesByTransferId.load(transfer.id),
  },
  TransferLine: {
    product: (line, _, ctx) => ctx.loaders.productById.load(line.productId),
    quantity: (line) => normaliseQuantity(line.quantity),
    received: (line) => normaliseQuantity(line.received),
    inTransit: (line) => formatQuantity(quantityUnits(line.quantity) - quantityUnits(line.received)),
  },
};
