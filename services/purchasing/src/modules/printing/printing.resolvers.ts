import type { Resolvers } from '../../generated/graphql.js';

/** Where the gateway serves a purchase order's PDF. */
export const purchaseOrderPdfPath = (id: string): string => `/files/purchasing/orders/${id}.pdf`;

export const printingResolvers: Resolvers = {
  PurchaseOrder: {
    pdfPath: (po) => purchaseOrderPdfPath(po.id),
  },
};
