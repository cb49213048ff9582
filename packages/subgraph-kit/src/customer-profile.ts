import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { on } from '@rapport/bus';
import { CustomerAddressChangedV1, CustomerUpdatedV1 } from '@rapport/contracts';
import { timestamp } from './properties.js';

// A read copy of what a subgraph groups customers by in its analyses: the industry and the region and
// country of the latest live address, fed by the customers service's events. Sales (product sales
// summary) and inventory (outbound summary) keep one each; the table, entity and handlers live here
// so both keep it the same way.

/**
 * What a subgraph keeps of a customer for its summaries: the industry (from `customers.customer.updated.v1`)
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

/** The `customer_profile` table, for a subgraph's migration that starts keeping the copy. */
export const CUSTOMER_PROFILE_TABLE_SQL = `
  create table customer_profile (
    customer_id uuid primary key,
    industry text null,
    industry_at timestamptz null,
    region text null,
    country char(2) null,
    region_address_id uuid null,
    region_at timestamptz null
  );`;

/**
 * Keeps `customer_profile` (industry, region) from the customers service's events. Each part is only
 * overwritten by an event at least as new as the one that set it, so late or redelivered events
 * change nothing; a removed address clears the region it had set.
 */
export const customerProfileHandlers = [
  on(CustomerUpdatedV1, async (data, _event, em) => {
    await em.execute(
      `insert into customer_profile (customer_id, industry, industry_at) values (?, ?, ?)
       on conflict (customer_id) do update set industry = excluded.industry, industry_at = excluded.industry_at
        where customer_profile.industry_at is null or customer_profile.industry_at <= excluded.industry_at`,
      [data.customerId, data.customer.industry, data.updatedAt],
    );
  }),
  on(CustomerAddressChangedV1, async (data, _event, em) => {
    const live = data.change !== 'REMOVED' && !data.address.deletedAt;
    if (live) {
      await em.execute(
        `insert into customer_profile (customer_id, region, country, region_address_id, region_at) values (?, ?, ?, ?, ?)
         on conflict (customer_id) do update set region = excluded.region, country = excluded.country, region_address_id = excluded.region_address_id, region_at = excluded.region_at
          where customer_profile.region_at is null or customer_profile.region_at <= excluded.region_at`,
        [data.customerId, data.address.region, data.address.country, data.addressId, data.changedAt],
      );
    } else {
      await em.execute(
        `update customer_profile set region = null, country = null, region_address_id = null, region_at = ?
          where customer_id = ? and region_address_id = ? and (region_at is null or region_at <= ?)`,
        [data.changedAt, data.customerId, data.addressId, data.changedAt],
      );
    }
  }),
];
