import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import type { TokenVerifier } from '@rapport/auth';
import { AppError } from '@rapport/errors';
import { discardBody, type HttpHandler, type Logger } from '@rapport/subgraph-kit';
import { Agent, request, type Dispatcher } from 'undici';
import { answerError, badGateway as answerBadGateway, callerOrRefuse, forwardedHeaders, relayAnswer } from './file-proxy.js';

const UPLOAD = /^\/files\/customers\/([^/]+)\/documents$/;
const DOWNLOAD = /^\/files\/documents\/([^/]+)$/;

const tooLarge = (maxBytes: number): AppError =>
  new AppError('BAD_USER_INPUT', 'FILE_TOO_LARGE', `the file is larger than the ${maxBytes} bytes a document may have`, { field: 'file', details: { maxBytes } });

class ClientGone extends Error {}

/** Passes a body through, failing it once it grows past `maxBytes`. */
class ByteLimit extends Transform {
  private size = 0;
  exceeded = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size <= this.maxBytes) return callback(null, chunk);
    this.exceeded = true;
    callback(tooLarge(this.maxBytes));
  }
}

export interface DocumentRoutesOptions {
  /** The customers subgraph's URL (its GraphQL endpoint; only the origin is used). */
  customersUrl: string;
  verifier: TokenVerifier;
  /** The largest upload passed on, in bytes (the subgraph applies its own limit too). */
  maxBytes: number;
  logger: Logger;
  /** Presented to the customers service in `x-gateway-secret`, when set. */
  gatewaySecret?: string | null;
}

export interface DocumentRoutes {
  handle: HttpHandler;
  close(): Promise<void>;
}

/**
 * The gateway's file routes, proxied to the customers subgraph as streams (files never go
 * through GraphQL, whose bodies are limited to ~100 kB):
 * - `POST /files/customers/{customerId}/documents?kind=…&fileName=…[&description=…]` → `POST /documents?customerId=…`
 * - `GET|HEAD /files/documents/{id}` → `GET|HEAD /documents/{id}`
 * The token is verified here first (401 without a valid one) and forwarded with the request id,
 * the subgraph verifying it again and applying the customer's visibility. An upload over
 * `maxBytes` is refused here with 413, by its declared length or as it streams.
 */
export function documentRoutes(options: DocumentRoutesOptions): DocumentRoutes {
  // Connections of their own: long transfers never hold the pool GraphQL uses.
  const agent = new Agent({ connections: 32, keepAliveTimeout: 30_000 });
  const origin = new URL(options.customersUrl).origin;

  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, error: AppError): void => answerError(req, res, status, error, options.maxBytes);

  const badGateway = (req: IncomingMessage, res: ServerResponse, error: unknown, requestId: string): void =>
    answerBadGateway(req, res, options.logger, 'customers', error, requestId, options.maxBytes);

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL, customerId: string, requestId: string): Promise<void> {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > options.maxBytes) return refuse(req, res, 413, tooLarge(options.maxBytes));
    const target = new URL('/documents', origin);
    target.searchParams.set('customerId', customerId);
    for (const name of ['kind', 'fileName', 'description']) {
      const value = url.searchParams.get(name);
      if (value !== null) target.searchParams.set(name, value);
    }
    const headers = forwardedHeaders(req, requestId, options.gatewaySecret);
    if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
    if (declared !== undefined) headers['content-length'] = declared;

    const limit = new ByteLimit(options.maxBytes);
    const gone = (): void => {
      if (!req.complete) limit.destroy(new ClientGone('the client went away during the upload'));
    };
    req.once('close', gone);
    req.pipe(limit);
    let upstream: Dispatcher.ResponseData;
    try {
      upstream = await request(target, { method: 'POST', headers, body: limit, dispatcher: agent });
    } catch (error) {
      req.off('close', gone);
      req.unpipe(limit);
      if (limit.exceeded) return refuse(req, res, 413, tooLarge(options.maxBytes));
      if (req.destroyed) return void res.destroy();
      return badGateway(req, res, error, requestId);
    }
    await relayAnswer(res, upstream);
    req.off('close', gone);
    if (!req.complete) {
      // The subgraph answered before the body's end (a refusal): stop passing it on, drop the rest.
      req.unpipe(limit);
      limit.destroy();
      discardBody(req, options.maxBytes);
    }
  }

  async function download(req: IncomingMessage, res: ServerResponse, id: string, requestId: string): Promise<void> {
    const headers = forwardedHeaders(req, requestId, options.gatewaySecret);
    let upstream: Dispatcher.ResponseData;
    try {
      upstream = await request(new URL(`/documents/${id}`, origin), { method: req.method === 'HEAD' ? 'HEAD' : 'GET', headers, dispatcher: agent });
    } catch (error) {
      return badGateway(req, res, error, requestId);
    }
    await relayAnswer(res, upstream);
  }

  const notAllowed = (req: IncomingMessage, res: ServerResponse, allow: string): true => {
    res.writeHead(405, { allow, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ errors: [{ message: `use ${allow}`, extensions: { code: 'BAD_REQUEST', reason: 'METHOD_NOT_ALLOWED' } }] }));
    discardBody(req, options.maxBytes);
    return true;
  };

  const handle: HttpHandler = async (req, res, url, requestId) => {
    const uploadMatch = UPLOAD.exec(url.pathname);
    const downloadMatch = uploadMatch ? null : DOWNLOAD.exec(url.pathname);
    const target = uploadMatch?.[1] ?? downloadMatch?.[1];
    if (!target) return false;
    if (uploadMatch && req.method !== 'POST') return notAllowed(req, res, 'POST');
    if (downloadMatch && req.method !== 'GET' && req.method !== 'HEAD') return notAllowed(req, res, 'GET, HEAD');
    if (!(await callerOrRefuse(req, res, options.verifier, options.maxBytes))) return true;
    if (uploadMatch) await upload(req, res, url, target, requestId);
    else await download(req, res, target, requestId);
    return true;
  };

  return { handle, close: () => agent.close() };
}
