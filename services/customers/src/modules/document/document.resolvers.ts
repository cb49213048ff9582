import { auditHistory, loadExisting, pageOf, toConnection } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { downloadPath } from './document.entity.js';
import { deleteDocument, DOCUMENT_ORDER, getDocument, updateDocument } from './document.service.js';
import { documentPolicy } from './document.policy.js';

export const documentResolvers: Resolvers = {
  Query: {
    document: (_, args, ctx) => getDocument(ctx.em, ctx.viewer(documentPolicy, 'read'), args.id),
  },
  Mutation: {
    updateDocument: (_, args, ctx) => updateDocument(ctx.em, ctx.viewer(documentPolicy, 'write'), args.input, ctx.eventMeta),
    deleteDocument: (_, args, ctx) => deleteDocument(ctx.em, ctx.viewer(documentPolicy, 'write'), args.id, ctx.eventMeta),
  },
  Document: {
    customer: (document, _, ctx) => loadExisting(ctx.loaders.customerById, document.customerId, 'customer'),
    uploadedBy: (document) => ({ __typename: 'User', id: document.uploadedBy }),
    downloadPath: (document) => downloadPath(document.id),
    history: (document, args, ctx) => auditHistory(ctx.em, 'Document', document.id, args.first),
  },
  Customer: {
    documents: async (customer, args, ctx) => {
      const page = pageOf({ field: 'documents', first: args.first, after: args.after }, DOCUMENT_ORDER.kind);
      const rows = await ctx.loaders.documentsByCustomer(page.limit + 1, page.after).load(customer.id);
      return toConnection(rows, page.limit, DOCUMENT_ORDER.sortValue);
    },
  },
};
