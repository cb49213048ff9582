import { Migration } from '@mikro-orm/migrations';
import { PRODUCT_COPY_TABLE_SQL } from '@rapport/subgraph-kit';

/** Purchasing's copy of inventory's catalogue, and purchase prices per supplier and product. */
export class Migration20261205120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(PRODUCT_COPY_TABLE_SQL);
    this.addSql(`
      create table supplier_price (
        id uuid primary key,
        supplier_id uuid not null references supplier (id),
        product_id uuid not null,
        price numeric(19,4) not null check (price >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        minimum_quantity numeric(19,3) not null check (minimum_quantity >= 0),
        lead_time_days integer not null check (lead_time_days between 0 and 3650),
        valid_from date null,
        valid_to date null,
        created_at timestamptz not null default now(),
        deleted_at timestamptz null,
        check (valid_to is null or valid_from is null or valid_to >= valid_from)
      );`);
    this.addSql('create index supplier_price_product_idx on supplier_price (product_id, price) where deleted_at is null;');
    this.addSql('create index supplier_price_supplier_idx on supplier_price (supplier_id) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists supplier_price;');
    this.addSql('drop table if exists catalogue_product;');
  }
}
