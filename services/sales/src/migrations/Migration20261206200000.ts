import { Migration } from '@mikro-orm/migrations';

/**
 * Quotations and their lines; `document_counter`, whose row per kind of document is taken under a
 * row lock in the numbering transaction, so numbers (Q-000001, …) have no gaps.
 */
export class Migration20261206200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table document_counter (name text primary key, value bigint not null check (value >= 0));`);
    this.addSql(`insert into document_counter (name, value) values ('quotation', 0);`);
    this.addSql(`
      create table quotation (
        id uuid primary key,
        number text not null,
        base_number text not null,
        revision integer not null check (revision >= 1),
        customer_id uuid not null,
        opportunity_id uuid null,
        status text not null check (status in ('DRAFT', 'AWAITING_APPROVAL', 'APPROVED', 'SENT', 'ACCEPTED', 'REJECTED', 'CONVERTED')),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        valid_until date not null,
        terms text null,
        net_total numeric(19,4) not null,
        tax_total numeric(19,4) not null,
        gross_total numeric(19,4) not null,
        copied_from_id uuid null,
        revision_of_id uuid null,
        superseded_by_id uuid null,
        rejection_reason text null,
        order_id uuid null,
        sent_at timestamptz null,
        accepted_at timestamptz null,
        rejected_at timestamptz null,
        converted_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint quotation_number_key unique (number),
        constraint quotation_base_revision_key unique (base_number, revision)
      );`);
    this.addSql('create index quotation_customer_status_idx on quotation (customer_id, status, created_at desc, id desc);');
    this.addSql('create index quotation_opportunity_idx on quotation (opportunity_id, created_at desc, id desc) where opportunity_id is not null;');
    this.addSql('create index quotation_created_idx on quotation (created_at desc, id desc);');
    this.addSql(`
      create table quotation_line (
        id uuid primary key,
        quotation_id uuid not null references quotation (id) on delete cascade deferrable initially deferred,
        position integer not null,
        product_id uuid not null,
        description text not null,
        quantity numeric(19,3) not null check (quantity > 0),
        unit_price numeric(19,4) not null check (unit_price >= 0),
        unit_price_gross numeric(19,4) not null check (unit_price_gross >= 0),
        price_entry text not null check (price_entry in ('NET', 'GROSS')),
        discount_percent numeric(5,2) not null check (discount_percent between 0 and 100),
        tax_rate numeric(5,2) not null check (tax_rate between 0 and 100),
        net_amount numeric(19,4) not null,
        currency char(3) not null check (currency ~ '^[A-Z]{3}$')
      );`);
    this.addSql('create index quotation_line_quotation_idx on quotation_line (quotation_id, position);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists quotation_line;');
    this.addSql('drop table if exists quotation;');
    this.addSql('drop table if exists document_counter;');
  }
}
