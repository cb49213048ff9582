import { randomUUID } from 'node:crypto';
import { createEvent, RateSetV1, type CloudEvent } from '@rapport/contracts';
import { sumInBase } from '@rapport/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';

// Purchasing's copy of finance's rates, through Kafka as finance publishes them: what its spend
// analysis (`SpendRow.netInBase`) converts with. Spend rows need registered bills, which the bill
// module's tests build; here the conversion is asked of the copy directly.
let subgraph: TestSubgraph;

/** Publishes finance's event through Kafka and waits until purchasing's consumer committed past it. */
const deliver = async (event: CloudEvent): Promise<void> => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
const inBase = (amounts: { amount: string; currency: string; day: string }[]) => sumInBase(subgraph.service.orm.em.fork(), amounts, 'netInBase');

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe("purchasing's copy of finance's exchange rates", () => {
  it('converts spend of each day at the rate finance set for it, and names the currency and day it has no rate for', async () => {
    await expect(inBase([{ amount: '10.00', currency: 'GBP', day: '2026-05-02' }])).rejects.toMatchObject({ code: 'RATE_MISSING', field: 'netInBase' });
    await deliver(
      createEvent(RateSetV1, 'GBP-EUR', {
        rateId: randomUUID(),
        fromCurrency: 'GBP',
        toCurrency: 'EUR',
        rate: '1.1575',
        validOn: '2026-05-01',
        baseCurrency: 'EUR',
        setAt: new Date().toISOString(),
      }),
    );
    // 10.00 GBP × 1.1575 = 11.575 → 11.58 (half up) + 5.00 EUR
    expect(
      await inBase([
        { amount: '10.00', currency: 'GBP', day: '2026-05-02' },
        { amount: '5.00', currency: 'EUR', day: '2026-05-02' },
      ]),
    ).toEqual({ amount: '16.58', currency: 'EUR' });
    await expect(inBase([{ amount: '10.00', currency: 'GBP', day: '2026-04-30' }])).rejects.toThrow(/GBP to EUR on or before 2026-04-30/);
  });
});
