import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError, type AppError } from '@rapport/errors';
import { callerOf, discardBody, signedInCaller, type ServiceRequestContext } from '@rapport/subgraph-kit';
import {
  addProductPicture,
  MAX_PICTURE_BYTES,
  picturePath,
  pictureTooLarge,
  productPictureData,
  productPictureThumbnail,
  thumbnailPath,
  removeProductPicture,
  requirePictureType,
  type ProductPictureRow,
} from './product-picture.js';
import { productPolicy } from './product.policy.js';

const UPLOAD = /^\/products\/([^/]+)\/pictures$/;
const PICTURE = /^\/product-pictures\/([^/]+?)(\/thumbnail)?$/;

/** The HTTP status of a refusal: the upload's own codes first, then the error's category. */
const statusOf = (error: AppError): number =>
  ({ FILE_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, CONTENT_MISMATCH: 415, UNREADABLE_PICTURE: 415 })[error.code] ??
  { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 }[error.category];

/** The body, refused as FILE_TOO_LARGE by its declared length or once it grows past 2 MB (never held beyond that). */
async function readPicture(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_PICTURE_BYTES) throw pictureTooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_PICTURE_BYTES) throw pictureTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const pictureJson = (picture: ProductPictureRow) => ({
  id: picture.id,
  productId: picture.productId,
  contentType: picture.contentType,
  sizeBytes: picture.sizeBytes,
  sha256: picture.sha256,
  main: picture.main,
  uploadedAt: picture.uploadedAt.toISOString(),
  downloadPath: picturePath(picture.id),
  thumbnailPath: thumbnailPath(picture.id),
});

/**
 * Inventory's picture routes, with the bearer token (401 without), as GraphQL's product rights:
 * - `POST /products/{productId}/pictures[?main=true]`, the image as the body with its Content-Type
 *   (PNG, JPEG, GIF, WebP; sniffed and decoded; at most 2 MB, 413 beyond; 415 for another type or content):
 *   201 with `{ picture }`;
 * - `GET`/`HEAD /product-pictures/{id}`: the image, its SHA-256 as ETag (304 on a match);
 * - `GET`/`HEAD /product-pictures/{id}/thumbnail`: its thumbnail (WebP, at most 256 × 256), ETag/304 likewise;
 * - `DELETE /product-pictures/{id}`: 204; the oldest remaining picture becomes main.
 */
export function productPictureRoutes() {
  async function route(req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext): Promise<boolean> {
    const upload = UPLOAD.exec(url.pathname);
    const picture = upload ? null : PICTURE.exec(url.pathname);
    if (!upload && !picture) return false;
    const thumbnail = picture?.[2] !== undefined;
    const allowed = upload ? ['POST'] : thumbnail ? ['GET', 'HEAD'] : ['GET', 'HEAD', 'DELETE'];
    if (!allowed.includes(req.method ?? '')) {
      res.writeHead(405, { allow: allowed.join(', '), 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: `use ${allowed.join(' or ')}`, extensions: { code: 'BAD_REQUEST', reason: 'METHOD_NOT_ALLOWED' } }] }));
      discardBody(req, MAX_PICTURE_BYTES);
      return true;
    }
    const caller = callerOf(await signedInCaller(req, context.verifier));
    const em = context.orm.em.fork();
    if (upload) {
      const viewer = caller.viewer(productPolicy, 'write');
      const type = requirePictureType(req.headers['content-type']);
      const added = await addProductPicture(em, viewer, upload[1]!, type, await readPicture(req), url.searchParams.get('main') === 'true');
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', location: picturePath(added.id) });
      res.end(JSON.stringify({ picture: pictureJson(added) }));
      return true;
    }
    const id = picture![1]!;
    if (req.method === 'DELETE') {
      await removeProductPicture(em, caller.viewer(productPolicy, 'write'), id);
      res.writeHead(204);
      res.end();
      return true;
    }
    const viewer = caller.viewer(productPolicy, 'read');
    const found = thumbnail
      ? await productPictureThumbnail(em, viewer, id).then((t) => ({
          sha256: `${t.sha256}-thumbnail`,
          contentType: 'image/webp',
          sizeBytes: t.thumbnail.length,
          data: t.thumbnail,
        }))
      : await productPictureData(em, viewer, id);
    const etag = `"${found.sha256}"`;
    const unchanged = (req.headers['if-none-match'] ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .includes(etag);
    const cache = { etag, 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff' };
    res.writeHead(unchanged ? 304 : 200, unchanged ? cache : { ...cache, 'content-type': found.contentType, 'content-length': String(found.sizeBytes) });
    res.end(unchanged || req.method === 'HEAD' ? undefined : found.data);
    return true;
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL, context: ServiceRequestContext): Promise<boolean> => {
    try {
      return await route(req, res, url, context);
    } catch (error) {
      if (!isAppError(error) || res.headersSent) throw error;
      const status = statusOf(error);
      const { message, extensions } = error.toGraphQLError();
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
      res.end(JSON.stringify({ errors: [{ message, extensions }] }));
      discardBody(req, MAX_PICTURE_BYTES);
      return true;
    }
  };
}
