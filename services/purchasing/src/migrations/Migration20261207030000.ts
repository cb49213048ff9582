import { Migration } from '@mikro-orm/migrations';

/** Inquiries (requests for quotation, RFQ-000001): lines asked, suppliers asked, their answers per line; a gap-free counter of their numbers. */
export class Migration20261207030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into purchasing_counter (name, value) values ('purchase_inquiry', 0);`);
    this.addSql(`
      create table purchase_inquiry (
        id uuid primary key,
        number text not null,
        status text not null check (status in ('SENT', 'CLOSED')),
        respond_by date null,
        note text null,
        created_by uuid not null,
        sent_at timestamptz not null,
        closed_at timestamptz null,
        closed_by uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint purchase_inquiry_number_key unique (number)
      );`);
    this.addSql('create index purchase_inquiry_created_idx on purchase_inquiry (created_at desc, id desc);');
    this.addSql(`
      create table purchase_inquiry_line (
        id uuid primary key,
        inquiry_id uuid not null references purchase_inquiry (id) deferrable initially deferred,
        position integer not null,
        product_id uuid not null,
        description text not null,
        quantity numeric(19,3) not null check (quantity > 0)
      );`);
    this.addSql('create index purchase_inquiry_line_inquiry_idx on purchase_inquiry_line (inquiry_id, position);');
    this.addSql(`
      create table purchase_inquiry_supplier (
        id uuid primary key,
        inquiry_id uuid not null references purchase_inquiry (id) deferrable initially deferred,
        supplier_id uuid not null references supplier (id),
        position integer not null,
        answered_at timestamptz null,
        purchase_order_id uuid null references purchase_order (id) deferrable initially deferred,
        constraint purchase_inquiry_supplier_key unique (inquiry_id, supplier_id)
      );`);
    this.addSql(`
      create table purchase_inquiry_answer (
        id uuid primary key,
        inquiry_id uuid not null references purchase_inquiry (id) deferrable initially deferred,
        line_id uuid not null references purchase_inquiry_line (id) deferrable initially deferred,
        supplier_id uuid not null references supplier (id),
        unit_price numeric(19,4) not null check (unit_price >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        lead_time_days integer not null check (lead_time_days >= 0),
        valid_until date null,
        answered_at timestamptz not null,
        chosen boolean not null,
        constraint purchase_inquiry_answer_line_supplier_key unique (line_id, supplier_id)
      );`);
    this.addSql('create index purchase_inquiry_answer_inquiry_idx on purchase_inquiry_answer (inquiry_id);');
  }

  override async down(): Promise<void> {
    for (const table of ['purchase_inquiry_answer', 'purchase_inquiry_supplier', 'purchase_inquiry_line', 'purchase_inquiry']) this.addSql(`drop table if exists ${table};`);
    this.addSql(`delete from purchasing_counter where name = 'purchase_inquiry';`);
  }
}
