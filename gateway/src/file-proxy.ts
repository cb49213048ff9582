import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Principal, TokenVerifier } from '@rapport/auth';
import { AppError } from '@rapport/errors';
import { authenticate, discardBody, GATEWAY_SECRET_HEADER, type Logger } from '@rapport/subgraph-kit';
import type { Dispatcher } from 'undici';

// What the gateway's file routes (documents, printed PDFs, the company logo) share: they proxy a
// request with the caller's token to a subgraph's HTTP route and stream its answer back.

/** Response headers of the subgraphs' file routes that reach the client. */
const RELAYED = [
  'content-type',
  'content-length',
  'content-disposition',
  'etag',
  'repr-digest',
  'cache-control',
  'x-content-type-options',
  'content-security-policy',
  'location',
  'www-authenticate',
  'allow',
];

/** Answers `error` as GraphQL-shaped JSON with `status`, then drains what is left of the request body (up to `drainBytes`). */
export function answerError(req: IncomingMessage, res: ServerResponse, status: number, error: AppError, drainBytes: number, extra: Record<string, string> = {}): void {
  const { message, extensions } = error.toGraphQLError();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}), ...extra });
  res.end(JSON.stringify({ errors: [{ message, extensions }] }));
  discardBody(req, drainBytes);
}

/** The caller, or null once a 401 has been answered (no token, or one that does not verify). */
export async function callerOrRefuse(req: IncomingMessage, res: ServerResponse, verifier: TokenVerifier, drainBytes: number): Promise<Principal | null> {
  const { principal, authError } = await authenticate(req, verifier);
  if (principal) return principal;
  answerError(req, res, 401, authError ?? new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first: this request needs an access token'), drainBytes);
  return null;
}

/** The headers a proxied request carries: the caller's token, the request id, the gateway secret when set, and a conditional GET's `if-none-match`. */
export function forwardedHeaders(req: IncomingMessage, requestId: string, gatewaySecret: string | null | undefined): Record<string, string> {
  const headers: Record<string, string> = { authorization: req.headers.authorization ?? '', 'x-request-id': requestId };
  if (gatewaySecret) headers[GATEWAY_SECRET_HEADER] = gatewaySecret;
  if (req.headers['if-none-match']) headers['if-none-match'] = req.headers['if-none-match'];
  return headers;
}

/** Answers 502 when `service` did not answer (or cuts the response when its headers already went out). */
export function badGateway(req: IncomingMessage, res: ServerResponse, logger: Logger, service: string, error: unknown, requestId: string, drainBytes: number): void {
  logger.warn({ err: error, requestId, service }, `the ${service} service did not answer a file request`);
  if (res.headersSent) return void res.destroy();
  res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message: `the ${service} service did not answer`, extensions: { code: 'BAD_GATEWAY' } }] }));
  discardBody(req, drainBytes);
}

/** Streams the subgraph's answer to the client with its status and the relayed headers. */
export async function relayAnswer(res: ServerResponse, upstream: Dispatcher.ResponseData): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const name of RELAYED) {
    const value = upstream.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  res.writeHead(upstream.statusCode, headers);
  try {
    await pipeline(upstream.body, res);
  } catch (error) {
    // The client went away mid-download: nothing to answer.
    if (!res.destroyed) throw error;
  }
}
