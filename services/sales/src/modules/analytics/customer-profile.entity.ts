import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { timestamp } from '@rapport/subgraph-kit/properties';

/**
 * What sales keeps of a customer for its summaries: the industry (from `customers.customer.updated.v1`)
 * and the region and country of its latest live address (from `customers.customer.address-changed.v1`).
 * Each part remembers when it was last set, so a late event never overwrites a newer one.
 */
export const CustomerProfile = defineEntity({
  name: 'CustomerProfile',
  tableName: 'customer_profile',
  properties: {
    customerId: p.uuid().primary(),
    industry: p.text().nullable(),
    industryAt: timestamp().nullable(),
    region: p.text().nullable(),
    country: p.string().columnType('char(2)').nullable(),
    regionAddressId: p.uuid().nullable(),
    regionAt: timestamp().nullable(),
  },
});
export type ICustomerProfile = InferEntity<typeof CustomerProfile>;
