import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Product pictures through the gateway: a clerk uploads one (checked here for size, by inventory
// for type and rights), anyone who sees the product downloads it, a rep may not upload or delete,
// and no token gets 401 before anything reaches inventory.

let system: TestSystem;
let clerk = '';
let rep = '';
let productId = '';

const PNG = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#aa3322' } })
  .png()
  .toBuffer();

const send = (token: string | null, method: string, path: string, body?: Buffer, contentType = 'image/png'): Promise<Response> =>
  fetch(`${system.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': contentType } : {}) },
    ...(body ? { body } : {}),
  });
const reasonOf = async (response: Response): Promise<string | undefined> =>
  ((await response.json()) as { errors?: { extensions: { reason?: string } }[] }).errors?.[0]?.extensions.reason;

beforeAll(async () => {
  system = await startTestSystem('inventory-pictures');
  clerk = (await system.createUser({ email: 'pia.pictures@rapport.example', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'rex.pictures@rapport.example', role: 'SALES_REP' })).token;
  productId = (
    await system.must<{ createProduct: { id: string } }>(
      system.adminToken,
      `mutation { createProduct(input: { sku: "PIC-1", name: "Pump with a picture", listPrice: { amount: "10", currency: "EUR" } }) { id } }`,
    )
  ).createProduct.id;
});

afterAll(async () => {
  await system?.stop();
});

describe('product pictures through the gateway', () => {
  it('uploads, serves, refuses and deletes a picture at /files/inventory/…', async () => {
    expect((await send(null, 'POST', `/files/inventory/products/${productId}/pictures`, PNG)).status).toBe(401);
    const tooLarge = await send(clerk, 'POST', `/files/inventory/products/${productId}/pictures`, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    expect([tooLarge.status, await reasonOf(tooLarge)]).toEqual([413, 'PICTURE_TOO_LARGE']);
    const byRep = await send(rep, 'POST', `/files/inventory/products/${productId}/pictures`, PNG);
    expect(byRep.status).toBe(403);

    const uploaded = await send(clerk, 'POST', `/files/inventory/products/${productId}/pictures?main=true`, PNG);
    expect(uploaded.status).toBe(201);
    const { picture } = (await uploaded.json()) as { picture: { id: string; main: boolean } };
    expect(picture.main).toBe(true);
    const product = await system.must<{ product: { mainPicture: { id: string } | null } }>(rep, 'query($id: ID!) { product(id: $id) { mainPicture { id } } }', { id: productId });
    expect(product.product.mainPicture).toEqual({ id: picture.id });

    const download = await send(rep, 'GET', `/files/inventory/product-pictures/${picture.id}`);
    expect([download.status, download.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    // Its thumbnail, made at upload: WebP, 256 pixels on the longer side, proportions kept (decoded here), ETag/304.
    const thumbnail = await send(rep, 'GET', `/files/inventory/product-pictures/${picture.id}/thumbnail`);
    expect([thumbnail.status, thumbnail.headers.get('content-type')]).toEqual([200, 'image/webp']);
    const { info } = await sharp(Buffer.from(await thumbnail.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([256, 128]);
    const unchanged = await fetch(`${system.baseUrl}/files/inventory/product-pictures/${picture.id}/thumbnail`, {
      headers: { authorization: `Bearer ${rep}`, 'if-none-match': thumbnail.headers.get('etag')! },
    });
    expect(unchanged.status).toBe(304);
    expect((await send(null, 'GET', `/files/inventory/product-pictures/${picture.id}/thumbnail`)).status).toBe(401);
    expect((await send(clerk, 'DELETE', `/files/inventory/product-pictures/${picture.id}/thumbnail`)).status).toBe(405);

    expect((await send(rep, 'DELETE', `/files/inventory/product-pictures/${picture.id}`)).status).toBe(403);
    expect((await send(clerk, 'PUT', `/files/inventory/product-pictures/${picture.id}`, PNG)).status).toBe(405);

    expect((await send(clerk, 'DELETE', `/files/inventory/product-pictures/${picture.id}`)).status).toBe(204);
    expect((await send(rep, 'GET', `/files/inventory/product-pictures/${picture.id}`)).status).toBe(404);
  });
});
