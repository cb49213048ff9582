import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenVerifier } from '@rapport/auth';
import { AppError } from '@rapport/errors';
import type { HttpHandler, Logger } from '@rapport/subgraph-kit';
import { Agent, request, type Dispatcher } from 'undici';
import { answerError, badGateway, callerOrRefuse, forwardedHeaders, relayAnswer } from './file-proxy.js';

/** The largest logo passed on (identity checks it again): 256 KB. */
const MAX_LOGO_BYTES = 262_144;
/** The largest product picture passed on (inventory checks it again): 2 MB. */
const MAX_PICTURE_BYTES = 2_097_152;

/** The services whose printed documents the gateway relays. */
type PrintingService = 'sales' | 'identity' | 'inventory' | 'purchasing' | 'finance';

interface Target {
  service: PrintingService;
  path: string;
  methods: readonly string[];
  /** An upload's largest body (PUT or POST), its field named in the 413. */
  upload?: { maxBytes: number; field: string; size: string };
}

/** `/files/{service}/{kind}/{id}.pdf` → that service's `/print/{kind}/{id}.pdf`: the printed documents each service answers. */
const PRINTED: Record<string, readonly string[]> = {
  sales: ['quotations', 'orders'],
  inventory: ['delivery-notes'],
  purchasing: ['orders', 'inquiry-letters'],
  finance: ['invoices', 'credit-notes', 'reminders'],
};

/** Gateway path → the subgraph route that answers it. */
function targetOf(pathname: string, search: string): Target | null {
  const pdf = /^\/files\/(sales|inventory|purchasing|finance)\/([a-z-]+)\/([^/]+)\.pdf$/.exec(pathname);
  if (pdf && PRINTED[pdf[1]!]?.includes(pdf[2]!)) {
    return { service: pdf[1] as PrintingService, path: `/print/${pdf[2]}/${encodeURIComponent(pdf[3]!)}.pdf`, methods: ['GET', 'HEAD'] };
  }
  if (pathname === '/files/identity/company/logo') {
    return { service: 'identity', path: '/company/logo', methods: ['GET', 'HEAD', 'PUT'], upload: { maxBytes: MAX_LOGO_BYTES, field: 'logo', size: '256 KB' } };
  }
  const upload = /^\/files\/inventory\/products\/([^/]+)\/pictures$/.exec(pathname);
  if (upload) {
    const main = new URLSearchParams(search).get('main');
    return {
      service: 'inventory',
      path: `/products/${encodeURIComponent(upload[1]!)}/pictures${main === null ? '' : `?main=${encodeURIComponent(main)}`}`,
      methods: ['POST'],
      upload: { maxBytes: MAX_PICTURE_BYTES, field: 'picture', size: '2 MB' },
    };
  }
  const picture = /^\/files\/inventory\/product-pictures\/([^/]+?)(\/thumbnail)?$/.exec(pathname);
  if (picture?.[2]) return { service: 'inventory', path: `/product-pictures/${encodeURIComponent(picture[1]!)}/thumbnail`, methods: ['GET', 'HEAD'] };
  if (picture) return { service: 'inventory', path: `/product-pictures/${encodeURIComponent(picture[1]!)}`, methods: ['GET', 'HEAD', 'DELETE'] };
  return null;
}

export interface PrintRoutesOptions {
  /** Each printing service's URL (its GraphQL endpoint or origin). */
  urls: Record<PrintingService, string>;
  verifier: TokenVerifier;
  logger: Logger;
  gatewaySecret?: string | null;
}

export interface PrintRoutes {
  handle: HttpHandler;
  close(): Promise<void>;
}

/**
 * The gateway's routes for printed documents and the company logo, proxied with the caller's
 * token (verified here first: 401 without a valid one; the subgraph verifies it again and applies
 * visibility, answering 404 for what the caller may not see):
 * - `GET|HEAD /files/sales/quotations/{id}.pdf` → sales `/print/quotations/{id}.pdf` (as sent, once sent);
 * - `GET|HEAD /files/sales/orders/{id}.pdf` → sales `/print/orders/{id}.pdf` (the order confirmation);
 * - likewise inventory's delivery notes, purchasing's orders and inquiry letters and finance's invoices, credit notes
 *   and reminders (`PRINTED`), each under `/files/{service}/{kind}/{id}.pdf`;
 * - `GET|HEAD|PUT /files/identity/company/logo` → identity `/company/logo` (PUT: administrators, PNG/JPEG ≤ 256 KB);
 * - `POST /files/inventory/products/{id}/pictures[?main=true]` → inventory `/products/{id}/pictures` (≤ 2 MB),
 *   `GET|HEAD|DELETE /files/inventory/product-pictures/{id}` → inventory `/product-pictures/{id}`,
 *   `GET|HEAD /files/inventory/product-pictures/{id}/thumbnail` → inventory `/product-pictures/{id}/thumbnail`.
 */
export function printRoutes(options: PrintRoutesOptions): PrintRoutes {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  const origins = Object.fromEntries(Object.entries(options.urls).map(([service, url]) => [service, new URL(url).origin])) as Record<PrintingService, string>;

  const answer = (req: IncomingMessage, res: ServerResponse, status: number, error: AppError, extra: Record<string, string> = {}): void =>
    answerError(req, res, status, error, 2 * MAX_PICTURE_BYTES, extra);

  const tooLarge = ({ maxBytes, field, size }: NonNullable<Target['upload']>): AppError =>
    new AppError('BAD_USER_INPUT', `${field.toUpperCase()}_TOO_LARGE`, `the ${field} is larger than the ${maxBytes} bytes (${size}) a ${field} may have`, {
      field,
      details: { maxBytes },
    });

  /** The body of an upload, at most `maxBytes`; null once it grew past that. */
  async function readSmallBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return null;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  const handle: HttpHandler = async (req, res, url, requestId) => {
    const target = targetOf(url.pathname, url.search);
    if (!target) return false;
    const method = req.method ?? 'GET';
    if (!target.methods.includes(method)) {
      const allow = target.methods.join(', ');
      answer(req, res, 405, new AppError('BAD_USER_INPUT', 'METHOD_NOT_ALLOWED', `use ${allow}`), { allow });
      return true;
    }
    if (!(await callerOrRefuse(req, res, options.verifier, 2 * MAX_PICTURE_BYTES))) return true;
    const headers = forwardedHeaders(req, requestId, options.gatewaySecret);
    let body: Buffer | undefined;
    if ((method === 'PUT' || method === 'POST') && target.upload) {
      const read = await readSmallBody(req, target.upload.maxBytes);
      if (!read) {
        answer(req, res, 413, tooLarge(target.upload));
        return true;
      }
      body = read;
      if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
    }
    let upstream: Dispatcher.ResponseData;
    try {
      upstream = await request(new URL(target.path, origins[target.service]), {
        method,
        headers,
        dispatcher: agent,
        ...(body ? { body } : {}),
      });
    } catch (error) {
      badGateway(req, res, options.logger, target.service, error, requestId, 2 * MAX_PICTURE_BYTES);
      return true;
    }
    await relayAnswer(res, upstream);
    return true;
  };

  return { handle, close: () => agent.close() };
}
