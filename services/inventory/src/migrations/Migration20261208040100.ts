import { Migration } from '@mikro-orm/migrations';

/**
 * A thumbnail beside each product picture (WebP, at most 256 × 256, made at upload). Pictures
 * uploaded before have none until first asked for: it is made then and kept.
 */
export class Migration20261208040100 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table product_picture add column thumbnail bytea null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table product_picture drop column if exists thumbnail;');
  }
}
