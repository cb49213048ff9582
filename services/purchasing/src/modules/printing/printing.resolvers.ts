import type { Resolvers } from '../../generated/graphql.js';

/** Where the gateway serves a purchase order's PDF. */
export const purchaseOrderPdfPath = (id: string): string => `/files/purchasing/orders/${id}.pdf`;

/** Where the gateway serves an inquiry's letter to one supplier (by the supplier's place on the inquiry). */
export const inquiryLetterPdfPath = (inquirySupplierId: string): string => `/files/purchasing/inquiry-letters/${inquirySupplierId}.pdf`;

export const printingResolvers: Resolvers = {
  PurchaseInquirySupplier: {
    letterPdfPath: (s) => inquiryLetterPdfPath(s.id),
  },
  PurchaseOrder: {
    pdfPath: (po) => purchaseOrderPdfPath(po.id),
  },
};
