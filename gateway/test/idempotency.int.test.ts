import { randomUUID } from 'node:crypto';
import { purgeExpiredIdempotencyKeys } from '@rapport/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Safe retries through the gateway: a client that lost the answer to a mutation (the gateway died,
// the socket broke) sends it again with the same Idempotency-Key and gets the first answer, with no
// second record and no second event.

let system: TestSystem;
const CREATE = 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id name owner { id } } }';

interface Answer {
  status: number;
  replayed: string | null;
  body: { data?: { createCustomer: { id: string; name: string } } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function createCustomer(name: string, key: string | null, token = system.adminToken, email?: string): Promise<Answer> {
  const response = await fetch(system.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify({ query: CREATE, variables: { i: { name, kind: 'COMPANY', ...(email ? { email } : {}) } } }),
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as Answer['body'] };
}

const customersSql = <T>(query: string, params: unknown[] = []): Promise<T[]> => system.subgraphs.customers.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const rowsNamed = async (name: string) => Number((await customersSql<{ n: string }>('select count(*) as n from customer where name = ?', [name]))[0]!.n);
const createdEvents = async (name: string) =>
  Number(
    (await customersSql<{ n: string }>(`select count(*) as n from outbox_message where type = 'customers.customer.created.v1' and payload->'data'->>'name' = ?`, [name]))[0]!.n,
  );
const storedKeys = async (key: string) => Number((await customersSql<{ n: string }>('select count(*) as n from idempotency_key where key = ?', [key]))[0]!.n);

beforeAll(async () => {
  system = await startTestSystem('idempotency');
});
afterAll(async () => system?.stop());

describe('a mutation retried with the same Idempotency-Key', () => {
  it('answers the retry with the first result: the same id, one row, one event', async () => {
    const name = `Retried Pumps ${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const first = await createCustomer(name, key);
    expect(first.body.errors).toBeUndefined();
    const retry = await createCustomer(name, key);

    expect(retry.body).toEqual(first.body);
    expect(retry.replayed).toBe('true');
    expect(first.replayed).toBeNull();
    expect(await rowsNamed(name)).toBe(1);
    expect(await createdEvents(name)).toBe(1);
  });

  it('refuses the same key with a different request (CONFLICT IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
    const key = randomUUID();
    const name = `Keyed Valves ${randomUUID().slice(0, 8)}`;
    expect((await createCustomer(name, key)).body.errors).toBeUndefined();
    const other = `Other Valves ${randomUUID().slice(0, 8)}`;
    const reused = await createCustomer(other, key);

    expect(reused.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(reused.body.errors?.[0]?.message).toContain('idempotency key reused with a different request');
    expect(await rowsNamed(other)).toBe(0);
  });

  it('runs 10 concurrent duplicates once: every answer carries the same id, one row, one event', async () => {
    const name = `Concurrent Seals ${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => createCustomer(name, key)));

    expect(answers.map((a) => a.body.errors)).toEqual(answers.map(() => undefined));
    expect(new Set(answers.map((a) => a.body.data!.createCustomer.id)).size).toBe(1);
    expect(answers.filter((a) => a.replayed === 'true')).toHaveLength(9);
    expect(await rowsNamed(name)).toBe(1);
    expect(await createdEvents(name)).toBe(1);
  });

  it('keeps keys per caller: another user with the same key gets their own record', async () => {
    const key = randomUUID();
    const director = await system.createUser({ email: `director.${randomUUID().slice(0, 8)}@rapport.example`, role: 'DIRECTOR' });
    const mine = await createCustomer(`Mine ${key.slice(0, 8)}`, key);
    const theirs = await createCustomer(`Theirs ${key.slice(0, 8)}`, key, director.token);

    expect(mine.body.errors).toBeUndefined();
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.replayed).toBeNull();
    expect(theirs.body.data!.createCustomer.id).not.toBe(mine.body.data!.createCustomer.id);
  });

  it('stores no answer for a refused mutation, so a corrected retry with the same key runs', async () => {
    const key = randomUUID();
    const name = `Refused ${randomUUID().slice(0, 8)}`;
    const refused = await createCustomer(name, key, system.adminToken, 'not-an-email');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await storedKeys(key)).toBe(0);
    expect(await rowsNamed(name)).toBe(0);
  });

  it('forgets keys after 24 hours: expired ones are purged and may be used again', async () => {
    const name = `Expiring ${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const first = await createCustomer(name, key);
    await customersSql(`update idempotency_key set expires_at = now() - interval '1 second' where key = ?`, [key]);
    expect(await storedKeys(key)).toBe(1);
    expect(await purgeExpiredIdempotencyKeys(system.subgraphs.customers.service.orm.em.fork())).toBeGreaterThanOrEqual(1);
    expect(await storedKeys(key)).toBe(0);

    const again = await createCustomer(name, key);
    expect(again.replayed).toBeNull();
    expect(again.body.data!.createCustomer.id).not.toBe(first.body.data!.createCustomer.id);
  });

  it('replays an operation whose mutation fields run as steps on several subgraphs, step by step', async () => {
    const key = randomUUID();
    const tag = randomUUID().slice(0, 8);
    const operation = `mutation { first: createCustomer(input: { name: "Step One ${tag}", kind: COMPANY }) { id }
      supplier: createSupplier(input: { name: "Step Two ${tag}", currency: "EUR" }) { id }
      third: createCustomer(input: { name: "Step Three ${tag}", kind: COMPANY }) { id } }`;
    const send = async () =>
      (await fetch(system.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${system.adminToken}`, 'idempotency-key': key },
        body: JSON.stringify({ query: operation }),
      }).then((r) => r.json())) as { data?: Record<string, { id: string }>; errors?: unknown[] };
    const first = await send();
    expect(first.errors).toBeUndefined();
    const retry = await send();

    expect(retry).toEqual(first);
    expect(await rowsNamed(`Step One ${tag}`)).toBe(1);
    expect(await rowsNamed(`Step Three ${tag}`)).toBe(1);
    const suppliers = await system.subgraphs.purchasing.service.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>('select count(*) as n from supplier where name = ?', [`Step Two ${tag}`]);
    expect(Number(suppliers[0]!.n)).toBe(1);
  });

  it('replays a retried state transition (cancelOrder) with its first success instead of a CONFLICT, and one audit entry', async () => {
    const product = await system.must<{ createProduct: { id: string } }>(
      system.adminToken,
      `mutation { createProduct(input: { sku: "IDEM-1", name: "Retried", listPrice: { amount: "10", currency: "EUR" } }) { id } }`,
    );
    await system.untilSellable(product.createProduct.id);
    const placed = await system.must<{ placeOrder: { id: string } }>(system.adminToken, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
      i: { customerId: randomUUID(), currency: 'EUR', lines: [{ productId: product.createProduct.id, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }] },
    });
    const id = placed.placeOrder.id;
    const key = randomUUID();
    const cancel = () =>
      system.as<{ cancelOrder: { id: string; status: string } }>(
        system.adminToken,
        'mutation($id: ID!) { cancelOrder(id: $id) { id status } }',
        { id },
        { 'idempotency-key': key },
      );
    const first = await cancel();
    const retry = await cancel();

    expect(first.errors).toBeUndefined();
    expect(retry).toEqual(first);
    const updates = await system.subgraphs.sales.service.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from audit_entry where entity = 'SalesOrder' and entity_id = ? and action = 'UPDATE'`, [id]);
    expect(Number(updates[0]!.n)).toBe(1);
  });

  it('runs a keyed mutation that opens its own transaction (logActivity) once', async () => {
    const customer = await createCustomer(`Activity Target ${randomUUID().slice(0, 8)}`, null);
    const customerId = customer.body.data!.createCustomer.id;
    const key = randomUUID();
    const log = () =>
      system.as<{ logActivity: { id: string } }>(
        system.adminToken,
        'mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }',
        { i: { customerId, kind: 'CALL', subject: 'Retried call' } },
        { 'idempotency-key': key },
      );
    const first = await log();
    const retry = await log();

    expect(first.errors).toBeUndefined();
    expect(retry.data!.logActivity.id).toBe(first.data!.logActivity.id);
    expect(Number((await customersSql<{ n: string }>('select count(*) as n from activity where customer_id = ?', [customerId]))[0]!.n)).toBe(1);
  });

  it('without a key, a retry is a second request, as before', async () => {
    const name = `Unkeyed ${randomUUID().slice(0, 8)}`;
    await createCustomer(name, null);
    await createCustomer(name, null);
    expect(await rowsNamed(name)).toBe(2);
  });
});
