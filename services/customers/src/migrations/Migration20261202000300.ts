import { Migration } from '@mikro-orm/migrations';

/** The rows an import found to be duplicates, with the customer each matched and what was done. */
export class Migration20261202000300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table import_job add column if not exists duplicate_rows jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table import_job drop column if exists duplicate_rows;');
  }
}
