import { on } from '@rapport/bus';
import { CustomerAddressChangedV1, CustomerCreatedV1, CustomerUpdatedV1 } from '@rapport/contracts';

/**
 * Keeps the recipients of printed documents: each customer's name (created, updated) and addresses
 * (added, removed, restored), from the customers service's events (keyed by the customer, so in
 * order). Raw SQL: a read copy, not audited.
 */
export const printingHandlers = [
  on(CustomerCreatedV1, async (data, _event, em) => {
    await em.execute(`insert into print_customer (customer_id, name) values (?, ?) on conflict (customer_id) do nothing`, [data.customerId, data.name]);
  }),
  on(CustomerUpdatedV1, async (data, _event, em) => {
    await em.execute(`insert into print_customer (customer_id, name) values (?, ?) on conflict (customer_id) do update set name = excluded.name, updated_at = now()`, [
      data.customerId,
      data.customer.name,
    ]);
  }),
  on(CustomerAddressChangedV1, async (data, _event, em) => {
    const a = data.address;
    await em.execute(
      `insert into print_customer_address (address_id, customer_id, kind, street, postal_code, city, region, country, deleted_at, changed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (address_id) do update set customer_id = excluded.customer_id, kind = excluded.kind, street = excluded.street, postal_code = excluded.postal_code,
         city = excluded.city, region = excluded.region, country = excluded.country, deleted_at = excluded.deleted_at, changed_at = excluded.changed_at
       where print_customer_address.changed_at <= excluded.changed_at`,
      [
        data.addressId,
        data.customerId,
        a.kind,
        a.street,
        a.postalCode,
        a.city,
        a.region,
        a.country,
        data.change === 'REMOVED' ? (a.deletedAt ?? data.changedAt) : null,
        data.changedAt,
      ],
    );
  }),
];
