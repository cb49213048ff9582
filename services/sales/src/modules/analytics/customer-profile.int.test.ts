import { randomUUID } from 'node:crypto';
import { createEvent, CustomerAddressChangedV1, CustomerUpdatedV1, type CloudEvent } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';

let subgraph: TestSubgraph;
const deliver = async (event: CloudEvent): Promise<void> => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
const profile = async (customerId: string) =>
  (
    await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ industry: string | null; region: string | null; country: string | null }[]>('select industry, region, country from customer_profile where customer_id = ?', [
        customerId,
      ])
  )[0];

const updated = (customerId: string, industry: string | null, at: string) =>
  createEvent(CustomerUpdatedV1, customerId, {
    customerId,
    changedFields: ['industry'],
    customer: { name: 'Acme', kind: 'COMPANY', lifecycleState: 'ACTIVE', email: null, phone: null, industry, source: null, tier: null, tags: [], taxId: null },
    updatedAt: at,
  });
const address = (customerId: string, addressId: string, change: 'ADDED' | 'REMOVED', region: string | null, at: string) =>
  createEvent(CustomerAddressChangedV1, customerId, {
    customerId,
    addressId,
    change,
    address: { kind: 'BILLING', street: 'Werkstr. 1', postalCode: null, city: 'Munich', region, country: 'DE', deletedAt: change === 'REMOVED' ? at : null },
    changedAt: at,
  });

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe("sales' copy of each customer's industry and region", () => {
  it('takes the newest industry and ignores a late older one', async () => {
    const customerId = randomUUID();
    await deliver(updated(customerId, 'Chemicals', '2026-12-01T12:00:00.000Z'));
    await deliver(updated(customerId, 'Food', '2026-12-01T11:00:00.000Z'));
    expect(await profile(customerId)).toMatchObject({ industry: 'Chemicals' });
    await deliver(updated(customerId, null, '2026-12-01T13:00:00.000Z'));
    expect(await profile(customerId)).toMatchObject({ industry: null });
  });

  it('takes the region of the latest live address and clears it when that address is removed', async () => {
    const customerId = randomUUID();
    const first = randomUUID();
    const second = randomUUID();
    await deliver(address(customerId, first, 'ADDED', 'Bavaria', '2026-12-01T10:00:00.000Z'));
    await deliver(address(customerId, second, 'ADDED', 'Saxony', '2026-12-01T11:00:00.000Z'));
    expect(await profile(customerId)).toEqual({ industry: null, region: 'Saxony', country: 'DE' });
    await deliver(address(customerId, first, 'REMOVED', null, '2026-12-01T12:00:00.000Z'));
    expect(await profile(customerId)).toMatchObject({ region: 'Saxony' });
    await deliver(address(customerId, second, 'REMOVED', null, '2026-12-01T13:00:00.000Z'));
    expect(await profile(customerId)).toEqual({ industry: null, region: null, country: null });
  });
});
