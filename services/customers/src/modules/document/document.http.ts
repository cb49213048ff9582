import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { type AppError, isAppError, type ErrorCategory } from '@rapport/errors';
import { callerOf, discardBody, signedInCaller, type ServiceRequestContext } from '@rapport/subgraph-kit';
import { documentPolicy } from './document.policy.js';
import { UPLOAD_ERROR_STATUS, UploadInspector, contentDisposition } from './document.content.js';
import { downloadPath, storageKeyOf, type IDocument } from './document.entity.js';
import { getDocument, prepareUpload, recordUpload } from './document.service.js';
import type { DocumentStorage } from './document.storage.js';

/** Where documents are kept and how large one may be. */
export interface DocumentsConfig {
  /** The folder LocalDiskStorage keeps files in. */
  dir: string;
  /** The largest file accepted, in bytes. */
  maxBytes: number;
}

const STATUS: Record<ErrorCategory, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Answers `error` as GraphQL errors look: `{ errors: [{ message, extensions: { code, reason, field } }] }`.
 * The rest of a refused upload is not stored: it is dropped (up to `discardBytes`, then the
 * connection closes), so a client or the gateway still sending sees this answer.
 */
function sendError(req: IncomingMessage, res: ServerResponse, error: AppError, discardBytes: number): void {
  const status = UPLOAD_ERROR_STATUS[error.code] ?? STATUS[error.category];
  const { message, extensions } = error.toGraphQLError();
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (status === 401) headers['www-authenticate'] = 'Bearer';
  res.writeHead(status, headers);
  res.end(JSON.stringify({ errors: [{ message, extensions }] }));
  discardBody(req, discardBytes);
}

/** A document as the upload answers it. */
export const documentJson = (document: IDocument) => ({
  id: document.id,
  customerId: document.customerId,
  kind: document.kind,
  fileName: document.fileName,
  contentType: document.contentType,
  sizeBytes: document.sizeBytes,
  sha256: document.sha256,
  uploadedBy: document.uploadedBy,
  uploadedAt: document.uploadedAt.toISOString(),
  description: document.description ?? null,
  downloadPath: downloadPath(document.id),
});

/**
 * Streams the request body through `inspector` into storage under `key`. The body is read once,
 * never held whole; a client that goes away mid-upload fails the stream, leaving nothing stored.
 */
class ClientGone extends Error {}

async function receive(req: IncomingMessage, inspector: UploadInspector, storage: DocumentStorage, key: string): Promise<void> {
  const aborted = (): void => {
    if (!req.complete) inspector.destroy(new ClientGone('the client went away during the upload'));
  };
  const failed = (): void => void inspector.destroy(new ClientGone('the upload broke off'));
  // A client gone while the upload was being checked leaves a body that will never end.
  if (req.destroyed) throw new ClientGone('the client went away before the upload was read');
  req.once('close', aborted);
  req.once('error', failed);
  // A small body can fail the inspector before storage has attached to it; storage's pipeline
  // still sees that error (the stream keeps it), so here it is only kept from being uncaught.
  const caught = (): void => undefined;
  inspector.on('error', caught);
  req.pipe(inspector);
  try {
    await storage.put(key, inspector);
  } finally {
    req.off('close', aborted);
    req.off('error', failed);
    inspector.off('error', caught);
    req.unpipe(inspector);
  }
}

/**
 * The customers subgraph's file routes (the gateway proxies them under `/files`):
 * - `POST /documents?customerId=…&kind=…&fileName=…[&description=…]`, the raw file as the body
 *   with its Content-Type: checked before the body is read, streamed to storage while its size
 *   and SHA-256 are taken, then recorded; answers 201 with the document.
 * - `GET /documents/{id}` (and HEAD): the file, with its type, length, a safe Content-Disposition
 *   and its SHA-256 as ETag and Repr-Digest.
 * Both verify the bearer token and follow the customer's visibility, as GraphQL does.
 */
export function documentRoutes(storage: DocumentStorage, config: DocumentsConfig) {
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext): Promise<void> {
    const viewer = callerOf(await signedInCaller(req, context.verifier)).viewer(documentPolicy, 'write');
    const em = context.orm.em.fork();
    const params = url.searchParams;
    const prepared = await prepareUpload(
      em,
      viewer,
      {
        customerId: params.get('customerId'),
        kind: params.get('kind'),
        fileName: params.get('fileName'),
        description: params.get('description'),
        contentType: req.headers['content-type'],
        contentLength: req.headers['content-length'],
      },
      config.maxBytes,
    );
    const id = randomUUID();
    const storageKey = storageKeyOf(id);
    const inspector = new UploadInspector(prepared.contentType, config.maxBytes);
    await receive(req, inspector, storage, storageKey);
    let document: IDocument;
    try {
      document = await recordUpload(em, viewer, prepared, { id, storageKey, ...inspector.result() });
    } catch (error) {
      await storage.remove(storageKey);
      throw error;
    }
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', location: downloadPath(id) });
    res.end(JSON.stringify({ document: documentJson(document) }));
  }

  async function download(req: IncomingMessage, res: ServerResponse, id: string, context: ServiceRequestContext): Promise<void> {
    const viewer = callerOf(await signedInCaller(req, context.verifier)).viewer(documentPolicy, 'read');
    const document = await getDocument(context.orm.em.fork(), viewer, id);
    if (document.locatedAt) {
      // Another service keeps the bytes (a sent quotation's PDF at sales): the client follows, with its token.
      res.writeHead(303, { location: document.locatedAt, 'cache-control': 'private, no-cache' });
      res.end();
      return;
    }
    const etag = `"${document.sha256}"`;
    const headers: Record<string, string> = {
      etag,
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    };
    if (req.headers['if-none-match']?.split(',').some((tag) => tag.trim() === etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const content = await storage.open(document.storageKey);
    res.writeHead(200, {
      ...headers,
      'content-type': document.contentType,
      'content-length': String(document.sizeBytes),
      'content-disposition': contentDisposition(document.fileName),
      'repr-digest': `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`,
    });
    if (req.method === 'HEAD') {
      content.destroy();
      res.end();
      return;
    }
    try {
      await pipeline(content, res);
    } catch (error) {
      // A client that went away mid-download is no error of ours.
      if (res.destroyed && (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      throw error;
    }
  }

  const answer = async (req: IncomingMessage, res: ServerResponse, work: () => Promise<void>): Promise<true> => {
    try {
      await work();
    } catch (error) {
      // Nobody is left to answer; nothing was stored.
      if (error instanceof ClientGone) res.destroy();
      else if (!isAppError(error) || res.headersSent) throw error;
      else sendError(req, res, error, config.maxBytes);
    }
    return true;
  };

  const notAllowed = (req: IncomingMessage, res: ServerResponse, allow: string): true => {
    res.writeHead(405, { allow, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ errors: [{ message: `use ${allow}`, extensions: { code: 'BAD_REQUEST', reason: 'METHOD_NOT_ALLOWED' } }] }));
    discardBody(req, config.maxBytes);
    return true;
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext): Promise<boolean> => {
    if (url.pathname === '/documents') {
      if (req.method !== 'POST') return notAllowed(req, res, 'POST');
      return answer(req, res, () => upload(req, res, url, context));
    }
    const match = /^\/documents\/([^/]+)$/.exec(url.pathname);
    if (!match?.[1]) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return notAllowed(req, res, 'GET, HEAD');
    const id = match[1];
    return answer(req, res, () => download(req, res, id, context));
  };
}
