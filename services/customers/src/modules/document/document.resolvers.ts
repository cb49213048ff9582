import { auditHistory, pageOf, toConnection, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ICustomer } from '../customer/customer.entity.js';
import { downloadPath, type IDocument } from './document.entity.js';
import { deleteDocument, DOCUMENT_ORDER, getDocument, updateDocument, type UpdateDocumentInput } from './document.service.js';

export const documentResolvers: ResolverMap = {
  Query: {
    document: (_: unknown, args: { id: string }, ctx: Context) => getDocument(ctx.em, ctx.principal, args.id),
  },
  Mutation: {
    updateDocument: (_: unknown, args: { input: UpdateDocumentInput }, ctx: Context) => updateDocument(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    deleteDocument: (_: unknown, args: { id: string }, ctx: Context) => deleteDocument(ctx.em, ctx.principal, args.id, ctx.eventMeta),
  },
  Document: {
    customer: (document: IDocument, _: unknown, ctx: Context) => ctx.loaders.customerById.load(document.customerId),
    uploadedBy: (document: IDocument) => ({ __typename: 'User', id: document.uploadedBy }),
    uploadedAt: (document: IDocument) => document.uploadedAt.toISOString(),
    deletedAt: (document: IDocument) => document.deletedAt?.toISOString() ?? null,
    downloadPath: (document: IDocument) => downloadPath(document.id),
    history: (document: IDocument, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Document', document.id, args.first),
  },
  Customer: {
    documents: async (customer: ICustomer, args: { first?: number | null; after?: string | null }, ctx: Context) => {
      const page = pageOf({ field: 'documents', first: args.first, after: args.after }, DOCUMENT_ORDER.kind);
      const rows = await ctx.loaders.documentsByCustomer(page.limit + 1, page.after).load(customer.id);
      return toConnection(rows, page.limit, DOCUMENT_ORDER.sortValue);
    },
  },
};
