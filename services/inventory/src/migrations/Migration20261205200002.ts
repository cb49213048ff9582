import { Migration } from '@mikro-orm/migrations';

/** Warehouses: several, each with a unique code and an address; stock may go negative only where a warehouse allows it. */
export class Migration20261205200002 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table warehouse (
        id uuid primary key,
        code text not null,
        name text not null,
        address text null,
        allow_negative_stock boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint warehouse_code_key unique (code)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists warehouse;');
  }
}
