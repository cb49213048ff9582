import { on } from '@rapport/bus';
import { CustomerAddressChangedV1, CustomerUpdatedV1 } from '@rapport/contracts';

/**
 * Keeps `customer_profile` (industry, region) from the customers service's events, for the product
 * sales summary. Each part is only overwritten by an event at least as new as the one that set it,
 * so late or redelivered events change nothing; a removed address clears the region it had set.
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
