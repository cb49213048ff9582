import { Migration } from '@mikro-orm/migrations';

/**
 * Soft deletion of opportunities. Every read excludes deleted rows, so the list indexes become
 * partial ones over the live rows; restoring finds a deleted row by its primary key.
 */
export class Migration20261124000002 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table opportunity add column if not exists deleted_at timestamptz null;');
    this.addSql('drop index if exists opportunity_customer_status_idx;');
    this.addSql('drop index if exists opportunity_created_idx;');
    this.addSql('create index opportunity_customer_status_idx on opportunity (customer_id, status, created_at desc, id desc) where deleted_at is null;');
    this.addSql('create index opportunity_created_idx on opportunity (created_at desc, id desc) where deleted_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists opportunity_customer_status_idx;');
    this.addSql('drop index if exists opportunity_created_idx;');
    this.addSql('alter table opportunity drop column if exists deleted_at;');
    this.addSql('create index opportunity_customer_status_idx on opportunity (customer_id, status, created_at desc, id desc);');
    this.addSql('create index opportunity_created_idx on opportunity (created_at desc, id desc);');
  }
}
