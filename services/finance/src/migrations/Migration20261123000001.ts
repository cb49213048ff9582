import { Migration } from '@mikro-orm/migrations';

/** Customer invoices, numbered from a sequence (INV-000001, …), and the payments recorded against them. */
export class Migration20261123000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create sequence invoice_number_seq;');
    this.addSql(`
      create table invoice (
        id uuid primary key,
        number text not null unique,
        customer_id uuid not null,
        order_id uuid null,
        issue_date date not null,
        due_date date not null,
        currency char(3) not null,
        total numeric(19,4) not null check (total > 0),
        amount_paid numeric(19,4) not null default 0 check (amount_paid >= 0 and amount_paid <= total),
        status text not null check (status in ('ISSUED', 'PARTIALLY_PAID', 'PAID')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (due_date >= issue_date)
      );`);
    this.addSql('create index invoice_issue_date_idx on invoice (issue_date desc, id desc);');
    this.addSql('create index invoice_customer_issue_date_idx on invoice (customer_id, issue_date desc, id desc);');
    this.addSql('create index invoice_customer_unpaid_due_idx on invoice (customer_id, due_date, id) where amount_paid < total;');
    this.addSql(`
      create table payment (
        id uuid primary key,
        invoice_id uuid not null references invoice (id),
        amount numeric(19,4) not null check (amount > 0),
        currency char(3) not null,
        paid_on date not null,
        created_at timestamptz not null default now()
      );`);
    this.addSql('create index payment_invoice_idx on payment (invoice_id, paid_on, id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists payment;');
    this.addSql('drop table if exists invoice;');
    this.addSql('drop sequence if exists invoice_number_seq;');
  }
}
