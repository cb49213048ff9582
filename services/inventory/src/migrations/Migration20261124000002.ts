import { Migration } from '@mikro-orm/migrations';

/**
 * Soft deletion of products. Every read excludes deleted rows, so the list index becomes a
 * partial one over the live rows; a deleted product keeps its SKU (restore it to use it again).
 */
export class Migration20261124000002 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table product add column if not exists deleted_at timestamptz null;');
    this.addSql('drop index if exists product_name_idx;');
    this.addSql('create index product_name_idx on product (name, id) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists product_name_idx;');
    this.addSql('alter table product drop column if exists deleted_at;');
    this.addSql('create index product_name_idx on product (name, id);');
  }
}
