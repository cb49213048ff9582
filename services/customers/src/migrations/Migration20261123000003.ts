import { Migration } from '@mikro-orm/migrations';

/** Soft deletion of customers. */
export class Migration20261123000003 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table customer add column if not exists deleted_at timestamptz null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table customer drop column if exists deleted_at;');
  }
}
