import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { deletedAt, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

export const DOCUMENT_KINDS = ['QUOTATION', 'CONTRACT', 'SPECIFICATION', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where the gateway serves a document's file (`GET`), for clients; the subgraph's own route is `/documents/<id>`. */
export const downloadPath = (id: string): string => `/files/documents/${id}`;

/**
 * Where a document's file is stored, derived from its id only: the client's file name never
 * reaches a path. Two hex characters of the id spread the files over 256 folders.
 */
export const storageKeyOf = (id: string): string => `${id.slice(0, 2)}/${id}`;

/**
 * A file attached to a customer — a quotation sent, a contract, a specification — with what was
 * learnt while it streamed in: its size and SHA-256. The bytes live in a DocumentStorage under
 * `storageKey`; this row is written only once they are stored whole.
 */
export const Document = defineEntity({
  name: 'Document',
  tableName: 'customer_document',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    kind: p.enum([...DOCUMENT_KINDS]),
    /** The name to offer on download, sanitised (no folders, no control characters). */
    fileName: p.text(),
    /** The media type declared on upload, from the allowlist, its leading bytes checked. */
    contentType: p.text(),
    sizeBytes: p.integer(),
    /** Lower-case hex SHA-256 of the stored bytes. */
    sha256: p.text(),
    storageKey: p.text().unique('customer_document_storage_key_key'),
    /** The user who uploaded it. */
    uploadedBy: p.uuid(),
    uploadedAt: timestamp().defaultRaw('now()'),
    description: p.text().nullable(),
    /**
     * Set when another service keeps the bytes (a sent quotation's PDF at sales): the gateway path
     * serving them, which downloads redirect to; `storageKey` then only names the source.
     */
    locatedAt: p.text().nullable(),
    updatedAt: updatedAt(),
    /** Set when the document is (softly) deleted; its file is kept. */
    deletedAt: deletedAt(),
  },
});
export type IDocument = InferEntity<typeof Document>;
