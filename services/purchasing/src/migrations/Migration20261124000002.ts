import { Migration } from '@mikro-orm/migrations';

/** Soft deletion of suppliers: the by-name index behind the list covers live suppliers only. */
export class Migration20261124000002 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table supplier add column if not exists deleted_at timestamptz null;');
    this.addSql('drop index if exists supplier_name_idx;');
    this.addSql('create index supplier_name_idx on supplier (name, id) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists supplier_name_idx;');
    this.addSql('create index supplier_name_idx on supplier (name, id);');
    this.addSql('alter table supplier drop column if exists deleted_at;');
  }
}
