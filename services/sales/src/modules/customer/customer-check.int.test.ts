import { randomUUID } from 'node:crypto';
import type { TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSalesSubgraph } from '../../testing.js';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';

const subgraph = useSalesSubgraph();
const pump = productSnapshot();
const rep: TestPrincipal = { role: 'SALES_REP', userId: randomUUID(), teamIds: [randomUUID()] };
const create = 'mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id } }';

beforeAll(async () => {
  await seedCatalogue(subgraph, pump);
});

describe('a customer sales has not heard of yet', () => {
  it('refuses a quotation for it saying it may only be not known yet (retryable), and takes it once the customer reaches sales', async () => {
    const customerId = randomUUID();
    const input = { customerId, currency: 'EUR', lines: [{ productId: pump.productId, quantity: '1' }] };
    const early = await subgraph.gqlAs(rep, create, { input });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CUSTOMER_NOT_FOUND', field: 'input.customerId', details: { retryable: true } });
    expect(early.errors?.[0]?.message).toMatch(/or not yet/);

    // What the customers service's customers.customer.created event writes (customer-access.int.test.ts delivers the real event).
    await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)', [customerId, rep.userId, rep.teamIds![0], '{}']);
    const later = await subgraph.gqlAs(rep, create, { input });
    expect(later.errors).toBeUndefined();
  });
});
