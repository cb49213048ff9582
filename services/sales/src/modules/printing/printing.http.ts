import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AppError, isAppError, type ErrorCategory } from '@rapport/errors';
import { callerOf, discardBody, signedInCaller, type ServiceRequestContext } from '@rapport/subgraph-kit';
import { orderPolicy } from '../order/order.policy.js';
import { quotationPolicy } from '../quotation/quotation.policy.js';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { renderPdf } from '@rapport/print';
import type { Viewer } from '@rapport/subgraph-kit';
import { getOrder } from '../order/order.service.js';
import { getQuotation } from '../quotation/quotation.service.js';
import { orderDocument, quotationDocument, sha256Of, type RenderedPdf } from './printing.service.js';
import { loadPrintedQuotation } from './printing.store.js';

const STATUS: Record<ErrorCategory, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };
const ROUTE = /^\/print\/(quotations|orders)\/([^/]+)\.pdf$/;

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
 * Sales' PDF routes (the gateway proxies them as `/files/sales/quotations/{id}.pdf` and
 * `/files/sales/orders/{id}.pdf`): `GET`/`HEAD /print/quotations/{id}.pdf` — the PDF stored when the
 * quotation was sent, else (a draft) rendered now — and `/print/orders/{id}.pdf`, the order
 * confirmation. The bearer token is verified and the records' visibility applied as GraphQL reads
 * do: 404 for an unknown id and for one the caller may not see alike.
 */
export function printingRoutes() {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext): Promise<boolean> => {
    const match = ROUTE.exec(url.pathname);
    if (!match) return false;
    const [, kind, id = ''] = match;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: 'use GET or HEAD', extensions: { code: 'BAD_REQUEST', reason: 'METHOD_NOT_ALLOWED' } }] }));
        discardBody(req, 65_536);
        return true;
      }
      const principal = await signedInCaller(req, context.verifier);
      const em = context.orm.em.fork();
      const caller = callerOf(principal);
      let rendered: RenderedPdf;
      if (kind === 'quotations') rendered = await quotationPdf(em, caller.viewer(quotationPolicy, 'read'), id);
      else rendered = await orderPdf(em, caller.viewer(orderPolicy, 'read'), id);
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

/** The PDF of a quotation the viewer may see: as it was sent when it was (stored), else rendered now (a draft). NOT_FOUND otherwise. */
export async function quotationPdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const q = await getQuotation(em, viewer, id);
  const stored = await loadPrintedQuotation(em, q.id);
  if (stored) return { fileName: stored.fileName, pdf: stored.pdf, sha256: stored.sha256 };
  const pdf = await renderPdf(await quotationDocument(em, q));
  return { fileName: `Quotation ${q.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}

/** The order confirmation of an order the viewer may see, rendered from the order as it stands. NOT_FOUND otherwise. */
export async function orderPdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const order = await getOrder(em, viewer, id);
  const pdf = await renderPdf(await orderDocument(em, order));
  return { fileName: `Order confirmation ${order.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}
