import { Migration } from '@mikro-orm/migrations';

/** Purchasing's copy of inventory's catalogue (the kit's `CatalogueProduct`, as sales' table), and purchase prices per supplier and product. */
export class Migration20261205120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table catalogue_product (
        id uuid primary key,
        sku text not null,
        name text not null,
        unit text not null,
        list_price numeric(19,4) not null,
        list_price_currency char(3) not null check (list_price_currency ~ '^[A-Z]{3}$'),
        standard_cost numeric(19,4) null,
        standard_cost_currency char(3) null check (standard_cost_currency ~ '^[A-Z]{3}$'),
        active boolean not null,
        changed_at timestamptz not null,
        deleted_at timestamptz null
      );`);
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
