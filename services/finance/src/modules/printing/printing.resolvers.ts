import type { Resolvers } from '../../generated/graphql.js';
import { creditNotePdfPath, invoicePdfPath } from './printing.service.js';

export const printingResolvers: Resolvers = {
  Invoice: {
    pdfPath: (invoice) => invoicePdfPath(invoice.id),
  },
  CreditNote: {
    pdfPath: (note) => creditNotePdfPath(note.id),
  },
};
