import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSubgraph, testToken, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomersService } from '../../create-customers-service.js';

const MAX_BYTES = 64 * 1024;
let subgraph: TestSubgraph;
let dir: string;
let base: string;
const team = randomUUID();
const rep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [team] };
const otherRep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [team] };
const head: TestPrincipal = { userId: randomUUID(), role: 'SALES_MANAGER', teamIds: [team] };
const agent: TestPrincipal = { userId: randomUUID(), role: 'SUPPORT_AGENT', teamIds: [] };
const buyer: TestPrincipal = { userId: randomUUID(), role: 'BUYER', teamIds: [] };

const pdf = (size: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const sql = (text: string, params: unknown[] = []) => subgraph.service.orm.em.fork().getConnection().execute(text, params);

/** Every file in the documents folder, partial ones included. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

const rowsOf = async (customerId: string): Promise<number> =>
  ((await sql('select count(*)::int as n from customer_document where customer_id = ?', [customerId])) as { n: number }[])[0]!.n;

type ErrorBody = { errors: { message: string; extensions: { code: string; reason?: string; field?: string } }[] };
type DocumentBody = {
  document: { id: string; customerId: string; kind: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; uploadedBy: string; downloadPath: string };
};

async function upload(
  who: TestPrincipal | null,
  params: Record<string, string>,
  body: Buffer | ReadableStream<Uint8Array>,
  contentType = 'application/pdf',
): Promise<{ status: number; json: DocumentBody & ErrorBody }> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (who) headers.authorization = `Bearer ${await testToken(who)}`;
  const response = await fetch(`${base}/documents?${new URLSearchParams(params)}`, {
    method: 'POST',
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  return { status: response.status, json: (await response.json()) as DocumentBody & ErrorBody };
}

async function download(who: TestPrincipal | null, id: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/documents/${id}`, { headers: { ...headers, ...(who ? { authorization: `Bearer ${await testToken(who)}` } : {}) } });
}

async function newCustomer(who: TestPrincipal, name: string): Promise<string> {
  const r = await subgraph.gqlAs<{ createCustomer: { id: string } }>(who, `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
    i: { name, kind: 'COMPANY' },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.createCustomer.id;
}

async function attach(who: TestPrincipal, customerId: string, fileName: string, bytes = pdf(2000), kind = 'CONTRACT'): Promise<DocumentBody['document']> {
  const r = await upload(who, { customerId, kind, fileName }, bytes);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.document;
}

/** A stream of `total` bytes of a PDF, in 8 KiB chunks, sent without a Content-Length; `pulled()` says how much was taken. */
const pdfStream = (total: number): ReadableStream<Uint8Array> & { pulled(): number } => {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = sent === 0 ? pdf(Math.min(8192, total)) : randomBytes(Math.min(8192, total - sent));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return Object.assign(stream, { pulled: () => sent });
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-documents-test-'));
  subgraph = await startTestSubgraph('customers', (config) => createCustomersService({ ...config, documents: { dir, maxBytes: MAX_BYTES } }));
  base = subgraph.service.url;
});
afterAll(async () => {
  await subgraph?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('customer documents over HTTP', () => {
  it('stores an upload whole: a row with its size, SHA-256 and uploader, the same bytes downloaded, a quotation on the timeline', async () => {
    const customerId = await newCustomer(rep, 'Docs Co');
    const bytes = pdf(40_000);
    const r = await upload(rep, { customerId, kind: 'QUOTATION', fileName: 'Angebot Müller.pdf', description: 'Spring offer' }, bytes);
    expect(r.status).toBe(201);
    const document = r.json.document;
    expect(document).toMatchObject({
      customerId,
      kind: 'QUOTATION',
      fileName: 'Angebot Müller.pdf',
      contentType: 'application/pdf',
      sizeBytes: 40_000,
      sha256: sha256(bytes),
      uploadedBy: rep.userId,
    });
    expect(document.downloadPath).toBe(`/files/documents/${document.id}`);
    const [row] = (await sql('select size_bytes, sha256, uploaded_by, storage_key from customer_document where id = ?', [document.id])) as Record<string, unknown>[];
    expect(row).toEqual({ size_bytes: 40_000, sha256: sha256(bytes), uploaded_by: rep.userId, storage_key: `${document.id.slice(0, 2)}/${document.id}` });
    expect(await storedFiles()).toContain(document.id);

    const got = await download(rep, document.id);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-length')).toBe('40000');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="Angebot M_ller.pdf"; filename*=UTF-8''Angebot%20M%C3%BCller.pdf`);
    expect(got.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(got.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await download(rep, document.id, { 'if-none-match': `"${sha256(bytes)}"` })).status).toBe(304);

    const view = await subgraph.gqlAs<{
      customer: { timeline: { edges: { node: { kind: string; summary: string; subjectId: string } }[] } };
      document: { uploadedBy: { id: string }; history: { action: string; actorId: string }[] };
    }>(
      rep,
      `query($c: ID!, $d: ID!) { customer(id: $c) { timeline { edges { node { kind summary subjectId } } } } document(id: $d) { uploadedBy { id } history { action actorId } } }`,
      { c: customerId, d: document.id },
    );
    expect(view.errors).toBeUndefined();
    expect(view.data!.customer.timeline.edges.map((e) => e.node)).toContainEqual({ kind: 'QUOTATION_SENT', summary: 'Quotation sent: Angebot Müller.pdf', subjectId: document.id });
    expect(view.data!.document).toEqual({ uploadedBy: { id: rep.userId }, history: [{ action: 'CREATE', actorId: rep.userId }] });
  });

  it('refuses a file over the limit with 413 naming the field, leaving no file and no row, whether the length is declared or streamed', async () => {
    const customerId = await newCustomer(rep, 'Too Big Co');
    const before = await storedFiles();
    const declared = await upload(rep, { customerId, kind: 'OTHER', fileName: 'big.pdf' }, pdf(MAX_BYTES + 1));
    expect(declared.status).toBe(413);
    expect(declared.json.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', field: 'file' });
    const huge = pdfStream(MAX_BYTES * 200);
    const streamed = await upload(rep, { customerId, kind: 'OTHER', fileName: 'big.pdf' }, huge);
    expect(streamed.status).toBe(413);
    expect(streamed.json.errors[0]!.extensions).toMatchObject({ reason: 'FILE_TOO_LARGE', field: 'file' });
    // The server stopped taking the body long before its end (it drops at most the limit again, then closes).
    expect(huge.pulled()).toBeLessThan(MAX_BYTES * 200);
    expect(await rowsOf(customerId)).toBe(0);
    expect(await storedFiles()).toEqual(before);
    // Exactly the limit is accepted.
    expect((await upload(rep, { customerId, kind: 'OTHER', fileName: 'max.pdf' }, pdfStream(MAX_BYTES))).status).toBe(201);
  });

  it('refuses unaccepted types, content that is not its declared type, empty files and bad parameters, naming the field', async () => {
    const customerId = await newCustomer(rep, 'Types Co');
    const cases: [Record<string, string>, Buffer | ReadableStream<Uint8Array>, string, number, Record<string, string>][] = [
      [{ customerId, kind: 'OTHER', fileName: 'x.exe' }, Buffer.from('MZ\x90\x00'), 'application/x-msdownload', 415, { reason: 'UNSUPPORTED_MEDIA_TYPE', field: 'contentType' }],
      [{ customerId, kind: 'OTHER', fileName: 'x.html' }, Buffer.from('<script>'), 'text/html', 415, { reason: 'UNSUPPORTED_MEDIA_TYPE', field: 'contentType' }],
      [{ customerId, kind: 'OTHER', fileName: 'fake.pdf' }, PNG, 'application/pdf', 415, { reason: 'CONTENT_MISMATCH', field: 'contentType' }],
      [
        { customerId, kind: 'OTHER', fileName: 'fake.docx' },
        pdf(3000),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        415,
        { reason: 'CONTENT_MISMATCH', field: 'contentType' },
      ],
      [{ customerId, kind: 'OTHER', fileName: 'bin.txt' }, Buffer.from([0x41, 0, 0x42]), 'text/plain', 415, { reason: 'CONTENT_MISMATCH', field: 'contentType' }],
      [{ customerId, kind: 'OTHER', fileName: 'empty.pdf' }, Buffer.alloc(0), 'application/pdf', 400, { reason: 'EMPTY_FILE', field: 'file' }],
      [{ customerId, fileName: 'x.pdf' }, pdf(100), 'application/pdf', 400, { reason: 'REQUIRED', field: 'kind' }],
      [{ customerId, kind: 'INVOICE', fileName: 'x.pdf' }, pdf(100), 'application/pdf', 400, { reason: 'INVALID_VALUE', field: 'kind' }],
      [{ customerId, kind: 'OTHER', fileName: '../..' }, pdf(100), 'application/pdf', 400, { reason: 'INVALID_FILE_NAME', field: 'fileName' }],
      [{ customerId, kind: 'OTHER' }, pdf(100), 'application/pdf', 400, { reason: 'REQUIRED', field: 'fileName' }],
      [{ customerId: 'nope', kind: 'OTHER', fileName: 'x.pdf' }, pdf(100), 'application/pdf', 400, { reason: 'MALFORMED_ID', field: 'customerId' }],
      [{ customerId: randomUUID(), kind: 'OTHER', fileName: 'x.pdf' }, pdf(100), 'application/pdf', 404, { code: 'NOT_FOUND', field: 'customerId' }],
    ];
    const before = await storedFiles();
    for (const [params, body, type, status, extensions] of cases) {
      const r = await upload(rep, params, body, type);
      expect([r.status, r.json.errors?.[0]?.extensions], JSON.stringify(params)).toEqual([status, expect.objectContaining(extensions)]);
    }
    expect(await rowsOf(customerId)).toBe(0);
    expect(await storedFiles()).toEqual(before);
    // The client's file name never becomes a path: only its last segment is kept, as a name.
    const traversal = await attach(rep, customerId, '../../../etc/passwd.pdf');
    expect(traversal.fileName).toBe('passwd.pdf');
    expect(await storedFiles()).toEqual([...before, traversal.id].sort());
  });

  it('keeps documents to whoever may see the customer: NOT_FOUND on upload, download, list and lookup for others', async () => {
    const customerId = await newCustomer(rep, 'Private Docs Co');
    const document = await attach(rep, customerId, 'contract.pdf');
    const before = await storedFiles();

    const up = await upload(otherRep, { customerId, kind: 'OTHER', fileName: 'x.pdf' }, pdf(500));
    expect([up.status, up.json.errors[0]!.extensions]).toEqual([404, expect.objectContaining({ code: 'NOT_FOUND', field: 'customerId' })]);
    const down = await download(otherRep, document.id);
    expect(down.status).toBe(404);
    expect(((await down.json()) as ErrorBody).errors[0]!.extensions.code).toBe('NOT_FOUND');
    const lookup = await subgraph.gqlAs(otherRep, `query($id: ID!) { document(id: $id) { id } }`, { id: document.id });
    expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await subgraph.gqlAs(otherRep, `query($id: ID!) { customer(id: $id) { documents { edges { node { id } } } } }`, { id: customerId });
    expect(list.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rename = await subgraph.gqlAs(otherRep, `mutation($i: UpdateDocumentInput!) { updateDocument(input: $i) { id } }`, { i: { id: document.id, fileName: 'mine.pdf' } });
    expect(rename.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await storedFiles()).toEqual(before);

    // The team head sees it; a support agent reads but may not attach; a buyer's department has no access.
    expect((await download(head, document.id)).status).toBe(200);
    expect((await download(agent, document.id)).status).toBe(200);
    const byAgent = await upload(agent, { customerId, kind: 'OTHER', fileName: 'x.pdf' }, pdf(500));
    expect([byAgent.status, byAgent.json.errors[0]!.extensions.reason]).toEqual([403, 'READ_ONLY']);
    expect((await download(buyer, document.id)).status).toBe(403);
    // Shared with the other rep, it is theirs to see too.
    const share = await subgraph.gqlAs(rep, `mutation($i: ShareCustomerInput!) { shareCustomer(input: $i) { id } }`, { i: { customerId, userId: otherRep.userId } });
    expect(share.errors).toBeUndefined();
    expect((await download(otherRep, document.id)).status).toBe(200);
  });

  it('asks for a valid token: 401 without one or with a bad one', async () => {
    const customerId = await newCustomer(rep, 'Token Co');
    const document = await attach(rep, customerId, 'a.pdf');
    const anonymousUp = await upload(null, { customerId, kind: 'OTHER', fileName: 'x.pdf' }, pdf(500));
    expect([anonymousUp.status, anonymousUp.json.errors[0]!.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const anonymousDown = await download(null, document.id);
    expect(anonymousDown.status).toBe(401);
    expect(anonymousDown.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${base}/documents/${document.id}`, { headers: { authorization: 'Bearer not.a.token' } })).status).toBe(401);
    expect(await rowsOf(customerId)).toBe(1);
  });

  it('changes and softly deletes a document: deleted, it leaves lists, lookups and downloads', async () => {
    const customerId = await newCustomer(rep, 'Delete Co');
    const document = await attach(rep, customerId, 'spec.pdf', pdf(1000), 'SPECIFICATION');
    const changed = await subgraph.gqlAs<{ updateDocument: { kind: string; fileName: string; description: string | null } }>(
      rep,
      `mutation($i: UpdateDocumentInput!) { updateDocument(input: $i) { kind fileName description } }`,
      { i: { id: document.id, kind: 'CONTRACT', fileName: 'sub/signed.pdf', description: ' Signed copy ' } },
    );
    expect(changed.data?.updateDocument).toEqual({ kind: 'CONTRACT', fileName: 'signed.pdf', description: 'Signed copy' });
    const bad = await subgraph.gqlAs(rep, `mutation($i: UpdateDocumentInput!) { updateDocument(input: $i) { id } }`, { i: { id: document.id, fileName: null } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fileName' });
    expect((await download(rep, document.id)).headers.get('content-disposition')).toContain('filename="signed.pdf"');

    const deleted = await subgraph.gqlAs<{ deleteDocument: { deletedAt: string | null } }>(rep, `mutation($id: ID!) { deleteDocument(id: $id) { deletedAt } }`, {
      id: document.id,
    });
    expect(deleted.data?.deleteDocument.deletedAt).toEqual(expect.any(String));
    expect((await download(rep, document.id)).status).toBe(404);
    const lookup = await subgraph.gqlAs(rep, `query($id: ID!) { document(id: $id) { id } }`, { id: document.id });
    expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await subgraph.gqlAs<{ customer: { documents: { edges: unknown[] } } }>(rep, `query($id: ID!) { customer(id: $id) { documents { edges { node { id } } } } }`, {
      id: customerId,
    });
    expect(list.data?.customer.documents.edges).toEqual([]);
    const again = await subgraph.gqlAs(rep, `mutation($id: ID!) { deleteDocument(id: $id) { id } }`, { id: document.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOCUMENT_ALREADY_DELETED' });
    const [audit] = (await sql(`select array_agg(action order by at, id) as actions from audit_entry where entity = 'Document' and entity_id = ?`, [document.id])) as {
      actions: string[];
    }[];
    expect(audit!.actions).toEqual(['CREATE', 'UPDATE', 'DELETE']);
  });

  it('pages Customer.documents by cursor, newest first, and loads a page of customers’ documents in one query', async () => {
    const customerId = await newCustomer(rep, 'Paging Co');
    const ids: string[] = [];
    for (const name of ['one.pdf', 'two.pdf', 'three.pdf']) ids.push((await attach(rep, customerId, name)).id);
    type Page = { customer: { documents: { edges: { cursor: string; node: { fileName: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    const page = `query($id: ID!, $after: String) { customer(id: $id) { documents(first: 2, after: $after) { edges { cursor node { fileName } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await subgraph.gqlAs<Page>(rep, page, { id: customerId });
    expect(first.data!.customer.documents.edges.map((e) => e.node.fileName)).toEqual(['three.pdf', 'two.pdf']);
    expect(first.data!.customer.documents.pageInfo.hasNextPage).toBe(true);
    const second = await subgraph.gqlAs<Page>(rep, page, { id: customerId, after: first.data!.customer.documents.pageInfo.endCursor });
    expect(second.data!.customer.documents.edges.map((e) => e.node.fileName)).toEqual(['one.pdf']);
    expect(second.data!.customer.documents.pageInfo).toEqual({ hasNextPage: false, endCursor: second.data!.customer.documents.edges[0]!.cursor });
    const badCursor = await subgraph.gqlAs(rep, page, { id: customerId, after: 'garbage' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    const otherId = await newCustomer(rep, 'Paging Two Co');
    await attach(rep, otherId, 'four.pdf');
    subgraph.resetQueries();
    const many = await subgraph.gqlAs<{ customers: { edges: { node: { name: string; documents: { edges: unknown[] } } }[] } }>(
      rep,
      `{ customers(first: 50) { edges { node { name documents(first: 2) { edges { node { id } } } } } } }`,
    );
    expect(many.errors).toBeUndefined();
    const counts = Object.fromEntries(many.data!.customers.edges.map((e) => [e.node.name, e.node.documents.edges.length]));
    expect(counts).toMatchObject({ 'Paging Co': 2, 'Paging Two Co': 1 });
    expect(subgraph.queries.filter((q) => /from "customer_document"/.test(q))).toHaveLength(1);
  });

  it('removes the stored file when recording the document fails', async () => {
    const customerId = await newCustomer(rep, 'Failing Co');
    await sql(`create function refuse_document() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`);
    await sql(`create trigger refuse_document before insert on customer_document for each row when (new.file_name = 'explode.pdf') execute function refuse_document()`);
    try {
      const before = await storedFiles();
      const r = await upload(rep, { customerId, kind: 'QUOTATION', fileName: 'explode.pdf' }, pdf(5000));
      expect(r.status).toBe(500);
      expect(r.json.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await storedFiles()).toEqual(before);
      expect(await rowsOf(customerId)).toBe(0);
      const [timeline] = (await sql('select count(*)::int as n from timeline_entry where customer_id = ? and kind = ?', [customerId, 'QUOTATION_SENT'])) as { n: number }[];
      expect(timeline!.n).toBe(0);
    } finally {
      await sql('drop trigger refuse_document on customer_document');
      await sql('drop function refuse_document');
    }
  });

  it('leaves nothing when the client goes away mid-upload', async () => {
    const customerId = await newCustomer(rep, 'Abort Co');
    const before = await storedFiles();
    const abort = new AbortController();
    let first = true;
    // The first 8 KiB go out, then the client stalls until it gives up.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!first) return new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve()));
        first = false;
        controller.enqueue(pdf(8192));
        return undefined;
      },
    });
    const request = fetch(`${base}/documents?${new URLSearchParams({ customerId, kind: 'OTHER', fileName: 'half.pdf' })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${await testToken(rep)}` },
      body,
      duplex: 'half',
      signal: abort.signal,
    });
    const settled = request.then(
      () => 'answered',
      () => 'aborted',
    );
    await waitFor(async () => ((await storedFiles()).some((f) => f.endsWith('.part')) ? true : undefined), { what: 'the upload to be streaming to a partial file' });
    abort.abort();
    expect(await settled).toBe('aborted');
    await waitFor(async () => ((await storedFiles()).some((f) => f.endsWith('.part')) ? undefined : true), { what: 'the partial file to be removed' });
    expect(await storedFiles()).toEqual(before);
    expect(await rowsOf(customerId)).toBe(0);
  });
});
