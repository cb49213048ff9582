import { randomUUID } from 'node:crypto';
import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { DocumentDeletedV1, DocumentUpdatedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, notFound, optionalText, requireOneOf, requireUuid } from '@rapport/errors';
import {
  keysetCondition,
  keysetOrderSql,
  restrictToVisibleCustomers,
  softDelete,
  whereDeleted,
  type Cursor,
  type Deleted,
  type Keyset,
  type Viewer,
  type WriteAccess,
  notDeletedSql,
} from '@rapport/subgraph-kit';
import { findWritableCustomer } from '../customer/customer.service.js';
import { TIMELINE_KIND_MODULE, TimelineEntry, type TimelineKind } from '../timeline/timeline-entry.entity.js';
import { emptyFile, fileTooLarge, requireContentType, safeFileName, type DocumentContentType } from './document.content.js';
import { DOCUMENT_KINDS, Document, type DocumentKind, type IDocument } from './document.entity.js';

/**
 * The one base query for documents: those of the live customers the caller may see, the live ones
 * unless `deleted` says otherwise. Every lookup, loader, download and mutation starts here.
 */
export function documentQuery(em: SqlEntityManager, viewer: Viewer, deleted: Deleted = 'exclude') {
  const qb = whereDeleted(em.createQueryBuilder(Document, 'd').select('*'), 'd', deleted);
  qb.andWhere(`d.customer_id in (select id from customer where ${notDeletedSql('customer')})`);
  restrictToVisibleCustomers(qb, 'd', viewer);
  return qb;
}

async function findVisible(em: SqlEntityManager, viewer: Viewer, id: string, field: string, deleted: Deleted = 'exclude'): Promise<IDocument> {
  const document = await documentQuery(em, viewer, deleted).andWhere({ id }).getSingleResult();
  if (!document) throw notFound('Document', id, field);
  return document;
}

/** One live document the caller may see; NOT_FOUND for unknown, deleted and invisible alike. */
export async function getDocument(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IDocument> {
  return findVisible(em, viewer, requireUuid(field, id), field);
}

/** What an upload request says about its file, as sent (query parameters and headers). */
export interface UploadRequest {
  customerId: string | null;
  kind: string | null;
  fileName: string | null;
  description: string | null;
  contentType: string | undefined;
  contentLength: string | undefined;
}

/** An upload checked before a byte of its body is read. */
export interface PreparedUpload {
  customerId: string;
  kind: DocumentKind;
  fileName: string;
  description: string | null;
  contentType: DocumentContentType;
}

/**
 * Checks an upload before its body is read: the caller may change the customer (NOT_FOUND when
 * they may not see it), the kind, file name and description are valid, the declared type is
 * accepted (415) and a declared length is neither zero nor over `maxBytes` (413).
 */
export async function prepareUpload(em: SqlEntityManager, viewer: Viewer<WriteAccess>, request: UploadRequest, maxBytes: number): Promise<PreparedUpload> {
  if (!request.customerId) throw badInput('customerId', 'customerId is required', 'REQUIRED');
  const customerId = requireUuid('customerId', request.customerId);
  if (!request.kind) throw badInput('kind', `kind is required: one of ${DOCUMENT_KINDS.join(', ')}`, 'REQUIRED');
  const kind = requireOneOf('kind', request.kind, DOCUMENT_KINDS);
  const fileName = safeFileName('fileName', request.fileName);
  const description = optionalText('description', request.description, 2000);
  await findWritableCustomer(em, viewer, customerId, 'customerId');
  const contentType = requireContentType(request.contentType);
  if (request.contentLength !== undefined) {
    const length = Number(request.contentLength);
    if (length === 0) throw emptyFile();
    if (length > maxBytes) throw fileTooLarge(maxBytes);
  }
  return { customerId, kind, fileName, description, contentType };
}

const TIMELINE: Record<DocumentKind, { kind: TimelineKind; words: string }> = {
  QUOTATION: { kind: 'QUOTATION_SENT', words: 'Quotation sent' },
  CONTRACT: { kind: 'DOCUMENT_ATTACHED', words: 'Contract attached' },
  SPECIFICATION: { kind: 'DOCUMENT_ATTACHED', words: 'Specification attached' },
  OTHER: { kind: 'DOCUMENT_ATTACHED', words: 'Document attached' },
};

/**
 * Records a file stored whole: the document row and its entry on the customer's timeline ("Quotation
 * sent: …" for a quotation) in one transaction holding the customer's row, which must still be the
 * caller's to change. The caller removes the file if this fails.
 */
export async function recordUpload(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  upload: PreparedUpload,
  stored: { id: string; storageKey: string; sizeBytes: number; sha256: string },
): Promise<IDocument> {
  return em.transactional(async (tx) => {
    const customer = await findWritableCustomer(tx, viewer, upload.customerId, 'customerId', true);
    const uploadedAt = new Date();
    const document = tx.create(Document, {
      id: stored.id,
      customerId: customer.id,
      kind: upload.kind,
      fileName: upload.fileName,
      contentType: upload.contentType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      uploadedBy: viewer.principal.userId,
      uploadedAt,
      description: upload.description,
      deletedAt: null,
    });
    const entry = TIMELINE[upload.kind];
    tx.create(TimelineEntry, {
      id: randomUUID(),
      customerId: customer.id,
      eventId: `document:${document.id}`,
      kind: entry.kind,
      module: TIMELINE_KIND_MODULE[entry.kind],
      summary: `${entry.words}: ${upload.fileName}`,
      sourceService: 'customers',
      subjectId: document.id,
      occurredAt: uploadedAt,
    });
    return document;
  });
}

export interface UpdateDocumentInput {
  id: string;
  kind?: DocumentKind | null;
  fileName?: string | null;
  description?: string | null;
}

/**
 * Changes a document's kind, file name or description (a description given as null is cleared),
 * with `customers.document.updated.v1` in the same flush when anything changed.
 */
export async function updateDocument(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: UpdateDocumentInput, meta: EventMetadata): Promise<IDocument> {
  const document = await findVisible(em, viewer, requireUuid('input.id', input.id), 'input.id');
  await findWritableCustomer(em, viewer, document.customerId, 'input.id');
  const changes: Partial<IDocument> = {};
  if (input.kind !== undefined) {
    if (input.kind === null) throw badInput('input.kind', 'input.kind cannot be cleared', 'REQUIRED');
    changes.kind = input.kind;
  }
  if (input.fileName !== undefined) {
    if (input.fileName === null) throw badInput('input.fileName', 'input.fileName cannot be cleared', 'REQUIRED');
    changes.fileName = safeFileName('input.fileName', input.fileName);
  }
  if (input.description !== undefined) changes.description = optionalText('input.description', input.description, 2000);
  const changedFields = Object.keys(changes).filter((field) => changes[field as keyof IDocument] !== document[field as keyof IDocument]);
  em.assign(document, changes);
  if (changedFields.length > 0) {
    const { id: documentId, customerId, kind, fileName, description } = document;
    publish(em, DocumentUpdatedV1, documentId, { documentId, customerId, kind, fileName, description: description ?? null, changedFields }, meta);
  }
  await em.flush();
  return document;
}

/** Deletes a document softly: it disappears from lists and downloads; its file is kept. Already deleted: CONFLICT. */
export async function deleteDocument(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IDocument> {
  const documentId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'Document',
    load: (tx) => findVisible(tx, viewer, documentId, 'id', 'include'),
    check: async (document, tx) => {
      await findWritableCustomer(tx, viewer, document.customerId, 'id');
    },
    announce: (document, tx, at) => publish(tx, DocumentDeletedV1, document.id, { documentId: document.id, customerId: document.customerId, deletedAt: at.toISOString() }, meta),
  });
}

/** A customer's documents newest first: by upload time, then id. */
export const DOCUMENT_ORDER: Keyset<IDocument> = { sort: 'd.uploaded_at', kind: 'timestamp', direction: 'desc', id: 'd.id', sortValue: (d) => d.uploadedAt.toISOString() };

/**
 * Up to `limit` live documents of each of `customerIds` the caller may see, newest first by
 * (uploadedAt, id), after `cursor` when given — for all the customers in one query.
 */
export async function documentsOf(em: SqlEntityManager, viewer: Viewer, customerIds: readonly string[], limit: number, cursor: Cursor | null): Promise<IDocument[]> {
  const ranked = documentQuery(em, viewer)
    .addSelect(raw(`row_number() over (partition by d.customer_id order by ${keysetOrderSql(DOCUMENT_ORDER)}) as document_rank`))
    .andWhere({ customerId: { $in: [...customerIds] } });
  if (cursor) {
    const after = keysetCondition(DOCUMENT_ORDER, cursor);
    ranked.andWhere(after.sql, after.params);
  }
  return em
    .createQueryBuilder(Document, 'ranked')
    .select('*')
    .from(ranked, 'ranked')
    .where('ranked.document_rank <= ?', [limit])
    .orderBy({ uploadedAt: 'desc', id: 'desc' })
    .getResultList();
}
