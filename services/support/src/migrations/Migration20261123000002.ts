import { Migration } from '@mikro-orm/migrations';

/** Soft deletion of tickets: the open-tickets index covers live tickets only. */
export class Migration20261123000002 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table ticket add column if not exists deleted_at timestamptz null;');
    this.addSql('drop index if exists ticket_customer_open_idx;');
    this.addSql(`create index ticket_customer_open_idx on ticket (customer_id, opened_at desc, id desc) where status not in ('RESOLVED', 'CLOSED') and deleted_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists ticket_customer_open_idx;');
    this.addSql(`create index ticket_customer_open_idx on ticket (customer_id, opened_at desc, id desc) where status not in ('RESOLVED', 'CLOSED');`);
    this.addSql('alter table ticket drop column if exists deleted_at;');
  }
}
