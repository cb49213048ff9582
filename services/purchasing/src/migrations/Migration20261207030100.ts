import { Migration } from '@mikro-orm/migrations';

/** Purchasing's read copy of inventory's warehouses (from its created/changed events): which ids orders may name. */
export class Migration20261207030100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table warehouse_copy (
        id uuid primary key,
        code text not null,
        name text not null,
        active boolean not null,
        changed_at timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists warehouse_copy;');
  }
}
