import { Migration } from '@mikro-orm/migrations';

/** Sales' read copy of inventory's product catalogue, fed by inventory's product events (the cost is unknown while only a v1 creation is). */
export class Migration20261206100000 extends Migration {
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
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists catalogue_product;');
  }
}
