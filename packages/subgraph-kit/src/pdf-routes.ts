import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { type AppError, isAppError, type ErrorCategory } from '@rapport/errors';
import { discardBody } from './http.js';
import type { ServiceRequestContext } from './service.js';
import { signedInCaller } from './signed-in.js';
import { callerOf, type Caller } from './viewer.js';

/** A rendered PDF and the name to offer it under. */
export interface RenderedPdf {
  fileName: string;
  pdf: Buffer;
  sha256: string;
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Renders the document `id` of one kind for the caller: NOT_FOUND for one unknown or not theirs to see. */
export type PdfRenderer = (em: SqlEntityManager, caller: Caller, id: string) => Promise<RenderedPdf>;

const STATUS: Record<ErrorCategory, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

function sendError(req: IncomingMessage, res: ServerResponse, error: AppError): void {
  const status = STATUS[error.category];
  const { message, extensions } = error.toGraphQLError();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
  res.end(JSON.stringify({ errors: [{ message, extensions }] }));
  discardBody(req, 65_536);
}

/** `Content-Disposition` offering `fileName` inline: an ASCII fallback and the UTF-8 name (RFC 6266). */
const disposition = (fileName: string): string =>
  `inline; filename="${fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/**
 * A service's printed documents as `GET`/`HEAD /print/{kind}/{id}.pdf`, one renderer per kind (the
 * gateway relays them as `/files/{service}/{kind}/{id}.pdf`). The bearer token is verified and the
 * renderer applies the records' visibility as GraphQL reads do (404 for an unknown id and for one the
 * caller may not see alike); answers carry an ETag (the PDF's SHA-256) and 304 on `If-None-Match`.
 */
export function pdfRoutes(renderers: Readonly<Record<string, PdfRenderer>>) {
  const route = new RegExp(`^/print/(${Object.keys(renderers).join('|')})/([^/]+)\\.pdf$`);
  return async (req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext): Promise<boolean> => {
    const match = route.exec(url.pathname);
    if (!match) return false;
    const [, kind = '', id = ''] = match;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: 'use GET or HEAD', extensions: { code: 'BAD_REQUEST', reason: 'METHOD_NOT_ALLOWED' } }] }));
        discardBody(req, 65_536);
        return true;
      }
      const principal = await signedInCaller(req, context.verifier);
      const rendered = await renderers[kind]!(context.orm.em.fork(), callerOf(principal), id);
      const etag = `"${rendered.sha256}"`;
      const headers = { etag, 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox" };
      if (req.headers['if-none-match']?.split(',').some((tag) => tag.trim() === etag)) {
        res.writeHead(304, headers);
        res.end();
        return true;
      }
      res.writeHead(200, { ...headers, 'content-type': 'application/pdf', 'content-length': String(rendered.pdf.length), 'content-disposition': disposition(rendered.fileName) });
      res.end(req.method === 'HEAD' ? undefined : rendered.pdf);
    } catch (error) {
      if (!isAppError(error) || res.headersSent) throw error;
      sendError(req, res, error);
    }
    return true;
  };
}
