import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('documents-test');
});
afterAll(async () => {
  await system?.stop();
});

const MiB = 1024 * 1024;
const pdf = (size: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
type ErrorBody = { errors: { message: string; extensions: { code: string; reason?: string; field?: string } }[] };
type Uploaded = { document: { id: string; sizeBytes: number; sha256: string; downloadPath: string } };

async function upload(token: string | null, customerId: string, params: Record<string, string>, body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const response = await fetch(`${system.baseUrl}/files/customers/${customerId}/documents?${new URLSearchParams(params)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Uploaded & ErrorBody };
}

const download = (token: string | null, path: string): Promise<Response> => fetch(`${system.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function newCustomer(token: string, name: string): Promise<string> {
  return (await system.must<{ createCustomer: { id: string } }>(token, `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, { i: { name, kind: 'COMPANY' } }))
    .createCustomer.id;
}

/** `total` bytes of a PDF sent in 64 KiB chunks without a Content-Length; `pulled()` says how much the gateway took. */
const pdfStream = (total: number): ReadableStream<Uint8Array> & { pulled(): number } => {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = sent === 0 ? pdf(65536) : randomBytes(Math.min(65536, total - sent));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return Object.assign(stream, { pulled: () => sent });
};

describe('customer documents through the gateway', () => {
  it('uploads a file larger than a GraphQL body, lists it on the customer, and downloads the same bytes', async () => {
    const rep = await system.createUser({ email: 'dora.docs@rapport.example', displayName: 'Dora Docs', role: 'SALES_REP' });
    const customerId = await newCustomer(rep.token, 'Gateway Docs Co');
    const bytes = pdf(3 * MiB);
    const up = await upload(rep.token, customerId, { kind: 'QUOTATION', fileName: 'offer 2027.pdf' }, bytes, { 'x-request-id': 'documents-test-upload' });
    expect(up.status, JSON.stringify(up.json)).toBe(201);
    expect(up.headers.get('x-request-id')).toBe('documents-test-upload');
    const { id, downloadPath } = up.json.document;
    expect(up.json.document).toMatchObject({ sizeBytes: bytes.length, sha256: sha256(bytes), downloadPath: `/files/documents/${id}` });
    expect(up.headers.get('location')).toBe(downloadPath);

    type View = {
      customer: {
        documents: {
          edges: { node: { id: string; kind: string; fileName: string; sizeBytes: number; sha256: string; downloadPath: string; uploadedBy: { displayName: string } } }[];
        };
        timeline: { edges: { node: { kind: string; summary: string } }[] };
      };
    };
    const view = await system.must<View>(
      rep.token,
      `query($id: ID!) { customer(id: $id) {
         documents(first: 10) { edges { node { id kind fileName sizeBytes sha256 downloadPath uploadedBy { displayName } } } }
         timeline { edges { node { kind summary } } } } }`,
      { id: customerId },
    );
    expect(view.customer.documents.edges.map((e) => e.node)).toEqual([
      { id, kind: 'QUOTATION', fileName: 'offer 2027.pdf', sizeBytes: bytes.length, sha256: sha256(bytes), downloadPath, uploadedBy: { displayName: 'Dora Docs' } },
    ]);
    expect(view.customer.timeline.edges.map((e) => e.node)).toContainEqual({ kind: 'QUOTATION_SENT', summary: 'Quotation sent: offer 2027.pdf' });

    const got = await download(rep.token, downloadPath);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-length')).toBe(String(bytes.length));
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="offer 2027.pdf"; filename*=UTF-8''offer%202027.pdf`);
    expect(got.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    const body = Buffer.from(await got.arrayBuffer());
    expect(sha256(body)).toBe(sha256(bytes));

    // The request id reached the customers service: the document's audit entry carries it.
    const audit = await system.subgraphs.customers.service.orm.em
      .fork()
      .getConnection()
      .execute(`select action, actor_id, request_id from audit_entry where entity = 'Document' and entity_id = ?`, [id]);
    expect(audit).toEqual([{ action: 'CREATE', actor_id: rep.id, request_id: 'documents-test-upload' }]);
  });

  it('refuses callers without a valid token with 401', async () => {
    const rep = await system.createUser({ email: 'tina.token@rapport.example', role: 'SALES_REP' });
    const customerId = await newCustomer(rep.token, 'Token Docs Co');
    const { json } = await upload(rep.token, customerId, { kind: 'CONTRACT', fileName: 'c.pdf' }, pdf(1000));
    const anonymous = await upload(null, customerId, { kind: 'CONTRACT', fileName: 'c.pdf' }, pdf(1000));
    expect([anonymous.status, anonymous.json.errors[0]!.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await upload('not.a.token', customerId, { kind: 'CONTRACT', fileName: 'c.pdf' }, pdf(1000));
    expect(forged.status).toBe(401);
    const anonymousDownload = await download(null, json.document.downloadPath);
    expect(anonymousDownload.status).toBe(401);
    expect(((await anonymousDownload.json()) as ErrorBody).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const view = await system.must<{ customer: { documents: { edges: unknown[] } } }>(rep.token, `query($id: ID!) { customer(id: $id) { documents { edges { node { id } } } } }`, {
      id: customerId,
    });
    expect(view.customer.documents.edges).toHaveLength(1);
  });

  it('keeps a customer’s documents from a rep who may not see it: NOT_FOUND on upload, download and list', async () => {
    const owner = await system.createUser({ email: 'olga.owner@rapport.example', role: 'SALES_REP' });
    const other = await system.createUser({ email: 'otto.other@rapport.example', role: 'SALES_REP' });
    const customerId = await newCustomer(owner.token, 'Hidden Docs Co');
    const { json } = await upload(owner.token, customerId, { kind: 'SPECIFICATION', fileName: 'spec.pdf' }, pdf(5000));
    const up = await upload(other.token, customerId, { kind: 'OTHER', fileName: 'x.pdf' }, pdf(5000));
    expect([up.status, up.json.errors[0]!.extensions]).toEqual([404, expect.objectContaining({ code: 'NOT_FOUND', field: 'customerId' })]);
    expect((await download(other.token, json.document.downloadPath)).status).toBe(404);
    const list = await system.as(other.token, `query($id: ID!) { customer(id: $id) { documents { edges { node { id } } } } }`, { id: customerId });
    expect(list.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await download(system.adminToken, json.document.downloadPath)).status).toBe(200);
  });

  it('refuses uploads over the limit with 413 (declared or streamed) and content that is not its type with 415', async () => {
    const rep = await system.createUser({ email: 'lisa.limit@rapport.example', role: 'SALES_REP' });
    const customerId = await newCustomer(rep.token, 'Limit Docs Co');
    const declared = await upload(rep.token, customerId, { kind: 'OTHER', fileName: 'big.pdf' }, pdf(20 * MiB + 1));
    expect([declared.status, declared.json.errors[0]!.extensions]).toEqual([413, expect.objectContaining({ reason: 'FILE_TOO_LARGE', field: 'file' })]);
    const huge = pdfStream(200 * MiB);
    const streamed = await upload(rep.token, customerId, { kind: 'OTHER', fileName: 'big.pdf' }, huge);
    expect([streamed.status, streamed.json.errors[0]!.extensions]).toEqual([413, expect.objectContaining({ reason: 'FILE_TOO_LARGE', field: 'file' })]);
    expect(huge.pulled()).toBeLessThan(200 * MiB);
    // Refused by the customers service after its first bytes, while the client is still sending: the answer comes through.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4 * MiB)]);
    const mismatch = await upload(rep.token, customerId, { kind: 'OTHER', fileName: 'fake.pdf' }, png);
    expect([mismatch.status, mismatch.json.errors[0]!.extensions]).toEqual([415, expect.objectContaining({ reason: 'CONTENT_MISMATCH', field: 'contentType' })]);
    const view = await system.must<{ customer: { documents: { edges: unknown[] } } }>(rep.token, `query($id: ID!) { customer(id: $id) { documents { edges { node { id } } } } }`, {
      id: customerId,
    });
    expect(view.customer.documents.edges).toEqual([]);
    const rows = await system.subgraphs.customers.service.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from customer_document where customer_id = ?', [customerId]);
    expect(rows).toEqual([{ n: 0 }]);
  });
});
