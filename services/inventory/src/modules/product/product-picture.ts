import { createHash, randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, notFound, requireUuid } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import type Sharp from 'sharp';
import { getProduct } from './product.service.js';

/** The largest picture accepted: 2 MB. */
export const MAX_PICTURE_BYTES = 2 * 1024 * 1024;

/** The media types a picture may have, each with a test of its leading bytes (its magic number). */
const PICTURE_TYPES: Readonly<Record<string, (head: Buffer) => boolean>> = {
  'image/png': (head) => head.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  'image/jpeg': (head) => head.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')),
  'image/gif': (head) => ['GIF87a', 'GIF89a'].includes(head.subarray(0, 6).toString('latin1')),
  'image/webp': (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** A picture of a product, without its bytes. */
export interface ProductPictureRow {
  id: string;
  productId: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  main: boolean;
  uploadedBy: string | null;
  uploadedAt: Date;
}

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 256;
/** The largest picture decoded, in pixels (a small file may unpack into a huge image). */
const MAX_PICTURE_PIXELS = 50_000_000;

// sharp (libvips) is loaded on the first picture, not when the service starts.
const sharpOf = async (): Promise<typeof Sharp> => (await import('sharp')).default;

/**
 * A picture's thumbnail: WebP, at most 256 × 256 with the picture's proportions, never enlarged,
 * turned upright by its EXIF orientation (the first frame of an animation). BAD_USER_INPUT
 * UNREADABLE_PICTURE naming `file` when the bytes do not decode as an image (or above 50
 * megapixels), so what is stored is a picture indeed.
 */
export async function makeThumbnail(bytes: Buffer): Promise<Buffer> {
  const sharp = await sharpOf();
  try {
    return await sharp(bytes, { limitInputPixels: MAX_PICTURE_PIXELS, failOn: 'error' })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', 'UNREADABLE_PICTURE', `the picture cannot be read as an image (${error instanceof Error ? error.message : String(error)})`, {
      field: 'file',
    });
  }
}

/** Where a picture's bytes are served: inventory's route (the gateway does not relay it yet). */
export const picturePath = (id: string): string => `/product-pictures/${id}`;

/** Where a picture's thumbnail is served. */
export const thumbnailPath = (id: string): string => `/product-pictures/${id}/thumbnail`;

export const pictureTooLarge = (): AppError =>
  new AppError('BAD_USER_INPUT', 'FILE_TOO_LARGE', `a picture may have at most ${MAX_PICTURE_BYTES} bytes`, { field: 'file', details: { maxBytes: MAX_PICTURE_BYTES } });

/** The declared media type (parameters dropped) when it is a picture's; UNSUPPORTED_MEDIA_TYPE naming contentType otherwise. */
export function requirePictureType(header: string | undefined): string {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (PICTURE_TYPES[type]) return type;
  const accepted = Object.keys(PICTURE_TYPES).join(', ');
  throw new AppError('BAD_USER_INPUT', 'UNSUPPORTED_MEDIA_TYPE', `a picture must be one of ${accepted}${type ? `, not ${type}` : ''}`, { field: 'contentType' });
}

/** Refuses bytes that are empty, over 2 MB, or not what `type` says by their magic number. */
export function checkPicture(type: string, bytes: Buffer): void {
  if (bytes.length === 0) throw badInput('file', 'the picture is empty', 'EMPTY_FILE');
  if (bytes.length > MAX_PICTURE_BYTES) throw pictureTooLarge();
  if (!PICTURE_TYPES[type]?.(bytes)) throw new AppError('BAD_USER_INPUT', 'CONTENT_MISMATCH', `the file's content is not ${type}`, { field: 'file' });
}

interface PictureDbRow {
  id: string;
  product_id: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  is_main: boolean;
  uploaded_by: string | null;
  uploaded_at: Date;
}
const COLUMNS = 'id, product_id, content_type, size_bytes, sha256, is_main, uploaded_by, uploaded_at';
const toPicture = (row: PictureDbRow): ProductPictureRow => ({
  id: row.id,
  productId: row.product_id,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  main: row.is_main,
  uploadedBy: row.uploaded_by,
  uploadedAt: new Date(row.uploaded_at),
});

/**
 * Adds a picture to a live product (NOT_FOUND naming productId otherwise), checked by its magic
 * number and size. It becomes the main picture when asked (`main`) or when the product has none;
 * the product's picture lock (its row, FOR UPDATE) keeps two uploads from both becoming main.
 */
export async function addProductPicture(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  productId: string,
  type: string,
  bytes: Buffer,
  main: boolean,
): Promise<ProductPictureRow> {
  checkPicture(type, bytes);
  const thumbnail = await makeThumbnail(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return em.transactional(async (tx) => {
    const product = await getProduct(tx, viewer, productId, 'productId');
    await tx.execute('select id from product where id = ? for update', [product.id]);
    const [current] = await tx.execute<{ n: number }[]>('select count(*)::int as n from product_picture where product_id = ? and is_main', [product.id]);
    const makeMain = main || (current?.n ?? 0) === 0;
    if (makeMain) await tx.execute('update product_picture set is_main = false where product_id = ? and is_main', [product.id]);
    const [row] = await tx.execute<PictureDbRow[]>(
      `insert into product_picture (id, product_id, content_type, size_bytes, sha256, data, thumbnail, is_main, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${COLUMNS}`,
      [randomUUID(), product.id, type, bytes.length, sha256, bytes, thumbnail, makeMain, viewer.principal.userId],
    );
    return toPicture(row!);
  });
}

/** The pictures of the products `productIds`, main first, then by upload (for the Product.pictures loader). */
export async function picturesOfProducts(em: SqlEntityManager, productIds: readonly string[]): Promise<ProductPictureRow[]> {
  const rows = await em.execute<PictureDbRow[]>(`select ${COLUMNS} from product_picture where product_id = any(?::uuid[]) order by is_main desc, uploaded_at, id`, [
    `{${productIds.join(',')}}`,
  ]);
  return rows.map(toPicture);
}

/** A picture of a live product with its bytes; NOT_FOUND for an unknown id and a retired product's alike. */
export async function productPictureData(em: SqlEntityManager, viewer: Viewer, id: string): Promise<ProductPictureRow & { data: Buffer }> {
  const [row] = await em.execute<(PictureDbRow & { data: Buffer })[]>(
    `select ${COLUMNS.replace(/(\w+)/g, 'pp.$1')}, pp.data from product_picture pp join product p on p.id = pp.product_id and p.deleted_at is null where pp.id = ?`,
    [requireUuid('id', id)],
  );
  if (!row) throw notFound('ProductPicture', id, 'id');
  return { ...toPicture(row), data: row.data };
}

/**
 * The thumbnail of a picture of a live product (NOT_FOUND as for the picture), with the picture's
 * SHA-256 (the thumbnail is made from it alone). A picture stored before thumbnails were made gets
 * its thumbnail now, kept for the next time.
 */
export async function productPictureThumbnail(em: SqlEntityManager, viewer: Viewer, id: string): Promise<{ sha256: string; thumbnail: Buffer }> {
  const [row] = await em.execute<{ id: string; sha256: string; thumbnail: Buffer | null; data: Buffer | null }[]>(
    `select pp.id, pp.sha256, pp.thumbnail, case when pp.thumbnail is null then pp.data end as data
     from product_picture pp join product p on p.id = pp.product_id and p.deleted_at is null where pp.id = ?`,
    [requireUuid('id', id)],
  );
  if (!row) throw notFound('ProductPicture', id, 'id');
  if (row.thumbnail) return { sha256: row.sha256, thumbnail: row.thumbnail };
  const thumbnail = await makeThumbnail(row.data!);
  await em.execute('update product_picture set thumbnail = ? where id = ? and thumbnail is null', [thumbnail, row.id]);
  return { sha256: row.sha256, thumbnail };
}

/**
 * Removes a picture of a live product; when it was the main one, the oldest remaining picture
 * becomes main. NOT_FOUND for an unknown id.
 */
export async function removeProductPicture(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string): Promise<void> {
  const pictureId = requireUuid('id', id);
  await em.transactional(async (tx) => {
    const picture = await productPictureData(tx, viewer, pictureId);
    await tx.execute('select id from product where id = ? for update', [picture.productId]);
    await tx.execute('delete from product_picture where id = ?', [pictureId]);
    if (picture.main) {
      await tx.execute(`update product_picture set is_main = true where id = (select id from product_picture where product_id = ? order by uploaded_at, id limit 1)`, [
        picture.productId,
      ]);
    }
  });
}
