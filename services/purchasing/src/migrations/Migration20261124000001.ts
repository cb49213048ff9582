import { Migration } from '@mikro-orm/migrations';

/** Suppliers. */
export class Migration20261124000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table supplier (
        id uuid primary key,
        name text not null,
        email text null,
        phone text null,
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        payment_terms_days integer not null check (payment_terms_days between 0 and 365),
        created_at timestamptz not null default now()
      );`);
    this.addSql('create index supplier_name_idx on supplier (name, id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists supplier;');
  }
}
