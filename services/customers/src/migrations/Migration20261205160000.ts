import { Migration } from '@mikro-orm/migrations';

/**
 * Documents whose bytes another service keeps: a sent quotation's PDF stays at sales (stored once,
 * never changed) and is filed here with `located_at`, the gateway path that serves it.
 */
export class Migration20261205160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table customer_document add column located_at text null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table customer_document drop column if exists located_at;');
  }
}
