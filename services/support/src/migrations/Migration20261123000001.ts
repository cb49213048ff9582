import { Migration } from '@mikro-orm/migrations';

/** Support tickets, numbered from a sequence (T-000001, T-000002, …). */
export class Migration20261123000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create sequence ticket_number_seq;');
    this.addSql(`
      create table ticket (
        id uuid primary key,
        number text not null unique,
        customer_id uuid not null,
        subject text not null,
        description text null,
        priority text not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
        status text not null check (status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED')),
        opened_at timestamptz not null,
        resolved_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index ticket_opened_idx on ticket (opened_at desc, id desc);');
    this.addSql('create index ticket_customer_opened_idx on ticket (customer_id, opened_at desc, id desc);');
    this.addSql(`create index ticket_customer_open_idx on ticket (customer_id, opened_at desc, id desc) where status not in ('RESOLVED', 'CLOSED');`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists ticket;');
    this.addSql('drop sequence if exists ticket_number_seq;');
  }
}
