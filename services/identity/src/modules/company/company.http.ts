import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, isAppError, type ErrorCategory } from '@rapport/errors';
import { callerOf, discardBody, signedInCaller, type ServiceRequestContext } from '@rapport/subgraph-kit';
import { MAX_LOGO_BYTES } from './company.entity.js';
import { companyProfilePolicy } from './company.policy.js';
import { companyLogo, setCompanyLogo } from './company.service.js';
import { logoErrorStatus, logoTooLarge, requireLogoType } from './company.validation.js';

/** Where the identity subgraph takes and serves the logo; the gateway's route is `/files/identity/company/logo`. */
export const LOGO_PATH = '/company/logo';

/** How much of a refused upload's body is read and dropped before the connection is closed (so the client sees the answer). */
const DISCARD_BYTES = 4 * MAX_LOGO_BYTES;

const STATUS: Record<ErrorCategory, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

function sendError(req: IncomingMessage, res: ServerResponse, error: AppError): void {
  const status = logoErrorStatus(error.code) ?? STATUS[error.category];
  const { message, extensions } = error.toGraphQLError();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
  res.end(JSON.stringify({ errors: [{ message, extensions }] }));
  discardBody(req, DISCARD_BYTES);
}

/** The request body, refused as LOGO_TOO_LARGE (413) by its declared length or once it grows past the limit. */
async function readLogo(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_LOGO_BYTES) throw logoTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_LOGO_BYTES) throw logoTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Identity's file routes for the company logo (the gateway proxies them under `/files/identity`):
 * - `PUT /company/logo` with the PNG or JPEG as the body and its Content-Type (administrators):
 *   sniffed, at most 256 KB; answers 200 with `{ logo: { contentType, sizeBytes, sha256 } }`;
 * - `GET /company/logo` (anyone signed in): the image, 404 when there is none.
 */
export function companyRoutes() {
  async function upload(req: IncomingMessage, res: ServerResponse, context: ServiceRequestContext): Promise<void> {
    const principal = await signedInCaller(req, context.verifier);
    const viewer = callerOf(principal).viewer(companyProfilePolicy, 'write');
    const type = requireLogoType(req.headers['content-type']);
    const bytes = await readLogo(req);
    const profile = await setCompanyLogo(context.orm.em.fork(), viewer, type, bytes, {
      requestId: context.requestId,
      correlationId: context.requestId,
      actor: principal.userId,
    });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ logo: { contentType: profile.logoContentType, sizeBytes: profile.logoSizeBytes, sha256: profile.logoSha256 }, version: profile.version }));
  }

  async function download(req: IncomingMessage, res: ServerResponse, context: ServiceRequestContext): Promise<void> {
    callerOf(await signedInCaller(req, context.verifier)).viewer(companyProfilePolicy, 'read');
    const logo = await companyLogo(context.orm.em.fork());
    if (!logo) throw new AppError('NOT_FOUND', 'LOGO_NOT_FOUND', 'the company profile has no logo');
    res.writeHead(200, {
      'content-type': logo.contentType,
      'content-length': String(logo.data.length),
      etag: `"${logo.sha256}"`,
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : logo.data);
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext): Promise<boolean> => {
    if (url.pathname !== LOGO_PATH) return false;
    try {
      if (req.method === 'PUT') await upload(req, res, context);
      else if (req.method === 'GET' || req.method === 'HEAD') await download(req, res, context);
      else {
        res.writeHead(405, { allow: 'GET, HEAD, PUT', 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: 'use GET, HEAD or PUT', extensions: { code: 'BAD_REQUEST', reason: 'METHOD_NOT_ALLOWED' } }] }));
        discardBody(req, MAX_LOGO_BYTES);
      }
    } catch (error) {
      if (!isAppError(error) || res.headersSent) throw error;
      sendError(req, res, error);
    }
    return true;
  };
}
