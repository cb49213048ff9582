import { Migration } from '@mikro-orm/migrations';

/** The default pipeline with its stages, opportunities, sales orders and their lines. */
export class Migration20261124000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table pipeline_stage (
        id uuid primary key,
        name text not null unique,
        probability integer not null check (probability between 0 and 100),
        position integer not null unique,
        closes_as text null check (closes_as in ('WON', 'LOST'))
      );`);
    this.addSql(`
      insert into pipeline_stage (id, name, probability, position, closes_as) values
        ('5a1e5000-0000-4000-8000-000000000001', 'Qualification', 10, 1, null),
        ('5a1e5000-0000-4000-8000-000000000002', 'Needs analysis', 25, 2, null),
        ('5a1e5000-0000-4000-8000-000000000003', 'Proposal', 50, 3, null),
        ('5a1e5000-0000-4000-8000-000000000004', 'Negotiation', 75, 4, null),
        ('5a1e5000-0000-4000-8000-000000000005', 'Won', 100, 5, 'WON'),
        ('5a1e5000-0000-4000-8000-000000000006', 'Lost', 0, 6, 'LOST');`);
    this.addSql(`
      create table opportunity (
        id uuid primary key,
        customer_id uuid not null,
        title text not null,
        amount numeric(19,4) not null check (amount >= 0),
        currency char(3) not null,
        stage_id uuid not null references pipeline_stage (id),
        status text not null check (status in ('OPEN', 'WON', 'LOST')),
        expected_close_date date null,
        closed_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index opportunity_customer_status_idx on opportunity (customer_id, status, created_at desc, id desc);');
    this.addSql('create index opportunity_created_idx on opportunity (created_at desc, id desc);');
    this.addSql('create sequence sales_order_number_seq;');
    this.addSql(`
      create table sales_order (
        id uuid primary key,
        number text not null unique,
        customer_id uuid not null,
        status text not null check (status in ('CONFIRMED', 'CANCELLED', 'COMPLETED')),
        currency char(3) not null,
        total numeric(19,4) not null check (total >= 0),
        confirmed_at timestamptz not null,
        cancelled_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index sales_order_customer_status_idx on sales_order (customer_id, status, confirmed_at desc, id desc);');
    this.addSql('create index sales_order_confirmed_idx on sales_order (confirmed_at desc, id desc);');
    // Deferred: the ORM knows no relation between line and order, so it may insert lines first.
    this.addSql(`
      create table sales_order_line (
        id uuid primary key,
        order_id uuid not null references sales_order (id) on delete cascade deferrable initially deferred,
        position integer not null,
        product_id uuid not null,
        quantity numeric(15,3) not null check (quantity > 0),
        unit_price numeric(19,4) not null check (unit_price >= 0),
        currency char(3) not null,
        line_total numeric(19,4) not null,
        unique (order_id, position)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists sales_order_line;');
    this.addSql('drop table if exists sales_order;');
    this.addSql('drop sequence if exists sales_order_number_seq;');
    this.addSql('drop table if exists opportunity;');
    this.addSql('drop table if exists pipeline_stage;');
  }
}
