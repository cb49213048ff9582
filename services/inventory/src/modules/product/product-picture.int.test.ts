import { createHash, randomUUID } from 'node:crypto';
import { testToken, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { aProduct, useCheckedInventorySubgraph } from '../../test-fixtures.js';

const subgraph = useCheckedInventorySubgraph();
const clerk: TestPrincipal = { userId: randomUUID(), role: 'WAREHOUSE_CLERK' };
const rep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3366aa' } });
const PNG = await picture(800, 600).png().toBuffer();
const JPEG = await picture(300, 900).jpeg().toBuffer();
// PNG's leading bytes, then no image.
const FAKE_PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)]);
const origin = () => new URL(subgraph.url).origin;

interface PictureJson {
  id: string;
  productId: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  main: boolean;
  downloadPath: string;
}
type Answer = { status: number; json: { picture?: PictureJson; errors?: { extensions: { code: string; reason?: string; field?: string } }[] } };

async function upload(who: TestPrincipal | null, productId: string, body: Buffer, contentType: string, main = false): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (who) headers.authorization = `Bearer ${await testToken(who)}`;
  const response = await fetch(`${origin()}/products/${productId}/pictures${main ? '?main=true' : ''}`, { method: 'POST', headers, body });
  return { status: response.status, json: (await response.json()) as Answer['json'] };
}
const call = async (who: TestPrincipal, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${origin()}${path}`, { method, headers: { ...headers, authorization: `Bearer ${await testToken(who)}` } });

const picturesQuery = 'query($id: ID!) { product(id: $id) { mainPicture { id } pictures { id contentType sizeBytes sha256 main downloadPath } } }';
const picturesOf = async (id: string) =>
  (await subgraph.gqlAs<{ product: { mainPicture: { id: string } | null; pictures: PictureJson[] } }>(rep, picturesQuery, { id })).data!.product;

describe('product pictures', () => {
  it('takes images checked by their leading bytes and size, and serves them to whoever sees the product', async () => {
    const productId = await aProduct(subgraph);
    const first = await upload(clerk, productId, PNG, 'image/png');
    expect(first.status).toBe(201);
    expect(first.json.picture).toMatchObject({ productId, contentType: 'image/png', sizeBytes: PNG.length, main: true, sha256: createHash('sha256').update(PNG).digest('hex') });

    const download = await call(rep, first.json.picture!.downloadPath);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    const again = await call(rep, first.json.picture!.downloadPath, 'GET', { 'if-none-match': download.headers.get('etag')! });
    expect(again.status).toBe(304);

    // A text file declared as PNG, PNG's leading bytes without an image, a PNG declared as JPEG, a PDF, an empty body and 2 MB + 1 byte are refused.
    const refusals = await Promise.all([
      upload(clerk, productId, Buffer.from('not an image at all'), 'image/png'),
      upload(clerk, productId, FAKE_PNG, 'image/png'),
      upload(clerk, productId, PNG, 'image/jpeg'),
      upload(clerk, productId, Buffer.from('%PDF-1.7'), 'application/pdf'),
      upload(clerk, productId, Buffer.alloc(0), 'image/png'),
      upload(clerk, productId, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 1 - PNG.length)]), 'image/png'),
    ]);
    expect(refusals.map((r) => [r.status, r.json.errors?.[0]?.extensions.reason])).toEqual([
      [415, 'CONTENT_MISMATCH'],
      [415, 'UNREADABLE_PICTURE'],
      [415, 'CONTENT_MISMATCH'],
      [415, 'UNSUPPORTED_MEDIA_TYPE'],
      [400, 'EMPTY_FILE'],
      [413, 'FILE_TOO_LARGE'],
    ]);
    expect((await picturesOf(productId)).pictures).toHaveLength(1);

    // A sales rep sees products but may not change them; nobody uploads without a token or to an unknown product.
    expect((await upload(rep, productId, PNG, 'image/png')).status).toBe(403);
    expect((await upload(null, productId, PNG, 'image/png')).status).toBe(401);
    expect((await upload(clerk, randomUUID(), PNG, 'image/png')).status).toBe(404);
  });

  it('serves a thumbnail made at upload, at most 256 pixels on its longer side, with its own ETag; one for an older picture when first asked', async () => {
    const productId = await aProduct(subgraph);
    const wide = (await upload(clerk, productId, PNG, 'image/png')).json.picture!;
    const tall = (await upload(clerk, productId, JPEG, 'image/jpeg')).json.picture!;
    const sizes: [string, number, number][] = [];
    for (const p of [wide, tall]) {
      const response = await call(rep, `${p.downloadPath}/thumbnail`);
      expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/webp']);
      const { info } = await sharp(Buffer.from(await response.arrayBuffer()))
        .raw()
        .toBuffer({ resolveWithObject: true });
      sizes.push([p.contentType, info.width, info.height]);
      const etag = response.headers.get('etag')!;
      expect(etag).not.toBe(`"${p.sha256}"`);
      expect((await call(rep, `${p.downloadPath}/thumbnail`, 'GET', { 'if-none-match': etag })).status).toBe(304);
    }
    expect(sizes).toEqual([
      ['image/png', 256, 192],
      ['image/jpeg', 85, 256],
    ]);
    // A picture stored before thumbnails existed gets one when first asked, kept from then on.
    await subgraph.sql('update product_picture set thumbnail = null where id = ?', [wide.id]);
    expect((await call(rep, `${wide.downloadPath}/thumbnail`)).status).toBe(200);
    const [kept] = await subgraph.sql<{ n: number }>('select count(*)::int as n from product_picture where id = ? and thumbnail is not null', [wide.id]);
    expect(kept!.n).toBe(1);
    expect((await call(clerk, `${wide.downloadPath}/thumbnail`, 'DELETE')).status).toBe(405);
    expect((await call(rep, `/product-pictures/${randomUUID()}/thumbnail`)).status).toBe(404);
  });

  it('keeps one main picture per product: the first, or one sent as main; deleting the main one promotes the oldest left', async () => {
    const productId = await aProduct(subgraph);
    const a = (await upload(clerk, productId, PNG, 'image/png')).json.picture!;
    const b = (await upload(clerk, productId, JPEG, 'image/jpeg')).json.picture!;
    expect(b.main).toBe(false);
    const c = (await upload(clerk, productId, JPEG, 'image/jpeg', true)).json.picture!;
    expect(c.main).toBe(true);
    let product = await picturesOf(productId);
    expect(product.mainPicture).toEqual({ id: c.id });
    expect(product.pictures.map((p) => [p.id, p.main])).toEqual([
      [c.id, true],
      [a.id, false],
      [b.id, false],
    ]);
    const [mains] = await subgraph.sql<{ n: number }>('select count(*)::int as n from product_picture where product_id = ? and is_main', [productId]);
    expect(mains!.n).toBe(1);

    expect((await call(rep, c.downloadPath, 'DELETE')).status).toBe(403);
    expect((await call(clerk, c.downloadPath, 'DELETE')).status).toBe(204);
    product = await picturesOf(productId);
    expect(product.mainPicture).toEqual({ id: a.id });
    expect(product.pictures.map((p) => p.id)).toEqual([a.id, b.id]);
    expect((await call(rep, c.downloadPath)).status).toBe(404);
  });
});
