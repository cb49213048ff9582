import { Migration } from '@mikro-orm/migrations';

/**
 * Stock counts and loans. `stock_count` (CNT-000001…), one sheet per warehouse, and
 * `stock_count_line`, one row per product with the expected quantity frozen when it was put on the
 * sheet and the counted quantity once entered; posting writes COUNT moves for the differences.
 * `loan` (LN-000001…): goods out to a customer on loan or as a sample, with what came back and what
 * the customer kept; the rest is still out.
 */
export class Migration20261205170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create sequence stock_count_number_seq;');
    this.addSql('create sequence loan_number_seq;');
    this.addSql(`
      create table stock_count (
        id uuid primary key,
        number text not null,
        warehouse_id uuid not null references warehouse (id),
        note text null,
        posted_at timestamptz null,
        cancelled_at timestamptz null,
        actor_id uuid null,
        posted_by uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint stock_count_number_key unique (number),
        constraint stock_count_closed_check check (posted_at is null or cancelled_at is null)
      );`);
    this.addSql('create index stock_count_created_idx on stock_count (created_at desc, id desc);');
    this.addSql(`
      create table stock_count_line (
        id uuid primary key,
        count_id uuid not null references stock_count (id),
        product_id uuid not null references product (id),
        expected numeric(19,3) not null,
        counted numeric(19,3) null check (counted >= 0),
        frozen_at timestamptz not null,
        constraint stock_count_line_product_key unique (count_id, product_id)
      );`);
    this.addSql(`
      create table loan (
        id uuid primary key,
        number text not null,
        kind text not null check (kind in ('LOAN', 'SAMPLE')),
        customer_id uuid not null,
        owner_id uuid null,
        product_id uuid not null references product (id),
        warehouse_id uuid not null references warehouse (id),
        quantity numeric(19,3) not null check (quantity > 0),
        returned numeric(19,3) not null default 0 check (returned >= 0),
        converted numeric(19,3) not null default 0 check (converted >= 0),
        expected_return_date date null,
        note text null,
        lent_at timestamptz not null,
        overdue_flagged_at timestamptz null,
        actor_id uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint loan_number_key unique (number),
        constraint loan_settled_check check (returned + converted <= quantity),
        constraint loan_return_date_check check (kind = 'SAMPLE' or expected_return_date is not null)
      );`);
    this.addSql('create index loan_lent_idx on loan (lent_at desc, id desc);');
    this.addSql('create index loan_open_due_idx on loan (expected_return_date) where returned + converted < quantity;');
    this.addSql('create index loan_customer_idx on loan (customer_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists loan;');
    this.addSql('drop table if exists stock_count_line;');
    this.addSql('drop table if exists stock_count;');
    this.addSql('drop sequence if exists loan_number_seq;');
    this.addSql('drop sequence if exists stock_count_number_seq;');
  }
}
