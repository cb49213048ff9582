import { Migration } from '@mikro-orm/migrations';

/** Products and shipping notices. */
export class Migration20261124000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table product (
        id uuid primary key,
        sku text not null unique,
        name text not null,
        unit text not null,
        list_price numeric(19,4) not null check (list_price >= 0),
        currency char(3) not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index product_name_idx on product (name, id);');
    this.addSql(`
      create table shipment (
        id uuid primary key,
        order_id uuid not null,
        customer_id uuid not null,
        status text not null check (status in ('PLANNED', 'SHIPPED', 'DELIVERED')),
        planned_at timestamptz not null,
        shipped_at timestamptz null,
        delivered_at timestamptz null,
        tracking_number text null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index shipment_order_idx on shipment (order_id, planned_at, id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists shipment;');
    this.addSql('drop table if exists product;');
  }
}
