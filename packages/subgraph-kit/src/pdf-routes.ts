import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { isAppError, type AppError, type ErrorCategory } from '@rapport/errors';
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

/** Hex SHA-256 of `bytes` (a PDF's ETag and stored checksum). */
export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Renders the PDF of record `id` for `caller`, reading with `em`; throws NOT_FOUND (an AppError) for an unknown id and for one the caller may not see alike. */
export type PdfRenderer = (em: SqlEntityManager, caller: Caller, id: string) => Promise<RenderedPdf>;

const STATUS: Record<ErrorCategory, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };
const ROUTE = /^\/print\/([a-z-]+)\/([^/]+)\.pdf$/;

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
 * A service's PDF routes, `GET`/`HEAD /print/{kind}/{id}.pdf` for each kind in `renderers` (the
 * gateway relays them as `/files/{service}/{kind}/{id}.pdf`): the bearer token verified by the kit's
 * `signedInCaller`, the record rendered for that caller (404 for an unknown id and for one the caller
 * may not see alike), an ETag of its SHA-256 answered 304 on `If-None-Match`, 405 for other methods.
 * The result is a service's `handle` (false for a path it does not serve).
 */
export function pdfRoutes(renderers: Readonly<Record<string, PdfRenderer>>) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext): Promise<boolean> => {
    const match = ROUTE.exec(url.pathname);
    const render = match ? renderers[match[1]!] : undefined;
    if (!match || !render || !Object.hasOwn(renderers, match[1]!)) return false;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: 'use GET or HEAD', extensions: { code: 'BAD_REQUEST', reason: 'METHOD_NOT_ALLOWED' } }] }));
        discardBody(req, 65_536);
        return true;
      }
      const principal = await signedInCaller(req, context.verifier);
      const rendered = await render(context.orm.em.fork(), callerOf(principal), match[2] ?? '');
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
