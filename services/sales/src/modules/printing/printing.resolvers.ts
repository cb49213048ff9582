import type { Resolvers } from '../../generated/graphql.js';
import { orderPdfPath, quotationPdfPath } from './printing.service.js';

export const printingResolvers: Resolvers = {
  Quotation: {
    pdfPath: (quotation) => quotationPdfPath(quotation.id),
  },
  SalesOrder: {
    confirmationPdfPath: (order) => orderPdfPath(order.id),
  },
};
