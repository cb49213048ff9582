import { Migration } from '@mikro-orm/migrations';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { CustomerAddressChangedV1, CustomerCreatedV1, CustomerUpdatedV1 } from '@rapport/contracts';

/**
 * `print_customer` and `print_customer_address`: the recipients of printed documents, for services
 * that print to customers. `if not exists`, because sales created the same tables in its own
 * Migration20261205160000 before this copy moved into the kit.
 */
export class PrintRecipientCopyMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists print_customer (
        customer_id uuid primary key,
        name text not null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table if not exists print_customer_address (
        address_id uuid primary key,
        customer_id uuid not null,
        kind text not null,
        street text not null,
        postal_code text null,
        city text not null,
        region text null,
        country text not null,
        deleted_at timestamptz null,
        changed_at timestamptz not null
      );`);
    this.addSql('create index if not exists print_customer_address_customer_idx on print_customer_address (customer_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists print_customer_address;');
    this.addSql('drop table if exists print_customer;');
  }
}

export const PRINT_RECIPIENT_COPY_MIGRATION = { name: 'Migration00000000000011_print_recipient_copy', class: PrintRecipientCopyMigration };

/**
 * Keeps the recipients of printed documents: each customer's name (created, updated) and addresses
 * (added, removed, restored), from the customers service's events (keyed by the customer, so in
 * order). Raw SQL: a read copy, not audited.
 */
export const printRecipientHandlers = [
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

/** Whom a document is addressed to: the customer's name and one address (billing first), as copied from customers' events. */
export interface Recipient {
  name: string;
  addressLines: string[];
}

/** Address kinds in the order a printed document prefers them. */
const PREFERRED_KINDS = ['BILLING', 'INVOICE', 'HEADQUARTERS', 'MAIN', 'OFFICE'];

/** The customer's name and preferred live address; the name is "Customer <id>" before customers' events arrived. */
export async function recipientOf(em: SqlEntityManager, customerId: string): Promise<Recipient> {
  const [customer] = await em.execute<{ name: string }[]>('select name from print_customer where customer_id = ?', [customerId]);
  const addresses = await em.execute<{ kind: string; street: string; postal_code: string | null; city: string; region: string | null; country: string }[]>(
    'select kind, street, postal_code, city, region, country from print_customer_address where customer_id = ? and deleted_at is null order by changed_at, address_id',
    [customerId],
  );
  const rank = (kind: string): number => {
    const at = PREFERRED_KINDS.indexOf(kind.toUpperCase());
    return at === -1 ? PREFERRED_KINDS.length : at;
  };
  const address = [...addresses].sort((a, b) => rank(a.kind) - rank(b.kind))[0];
  const lines = address ? [address.street, [address.postal_code, address.city].filter(Boolean).join(' '), ...(address.region ? [address.region] : []), address.country] : [];
  return { name: customer?.name ?? `Customer ${customerId}`, addressLines: lines };
}
