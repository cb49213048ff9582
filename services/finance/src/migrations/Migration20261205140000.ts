import { Migration } from '@mikro-orm/migrations';

/**
 * Finance as a receivables desk: a read copy of confirmed order lines and the quantities shipped
 * against them; invoices with lines and totals per tax rate, numbered without gaps per series and
 * year from a counter row; payments readable on their own (method, account, reference) and
 * allocated over invoices; credit notes. Existing invoices get one line for their total and keep
 * their numbers; existing payments become allocations to the invoice they paid. Foreign keys
 * between a document and its parts are checked at commit, as one flush writes them in any order.
 */
export class Migration20261205140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table sales_order (
        id uuid primary key,
        customer_id uuid not null,
        number text not null,
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        confirmed_at timestamptz not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table order_line (
        id uuid primary key,
        order_id uuid not null references sales_order (id) deferrable initially deferred,
        position int not null,
        product_id uuid not null,
        quantity numeric(19,3) not null check (quantity > 0),
        cancelled_quantity numeric(19,3) not null default 0 check (cancelled_quantity >= 0),
        unit_price numeric(19,4) not null,
        discount_percent numeric(7,4) not null,
        tax_rate numeric(7,4) not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index order_line_order_idx on order_line (order_id, position);');
    this.addSql(`
      create table shipped_line (
        id uuid primary key,
        shipment_id uuid not null,
        order_line_id uuid not null,
        order_id uuid not null,
        product_id uuid not null,
        quantity numeric(19,3) not null,
        shipped_at timestamptz not null,
        created_at timestamptz not null default now(),
        unique (shipment_id, order_line_id)
      );`);
    this.addSql('create index shipped_line_order_line_idx on shipped_line (order_line_id);');
    this.addSql(`
      create table document_counter (
        series text not null,
        year int not null,
        last_number int not null check (last_number > 0),
        primary key (series, year)
      );`);

    // Invoices: kind, net and tax totals (total stays the gross), credited amount, payment terms.
    this.addSql(`alter table invoice add column kind text not null default 'STANDARD' check (kind in ('STANDARD', 'ADVANCE', 'FREE'));`);
    this.addSql('alter table invoice add column net_total numeric(19,4) null;');
    this.addSql('alter table invoice add column tax_total numeric(19,4) not null default 0;');
    this.addSql('alter table invoice add column amount_credited numeric(19,4) not null default 0 check (amount_credited >= 0);');
    this.addSql('alter table invoice add column payment_terms_days int null check (payment_terms_days >= 0);');
    this.addSql('update invoice set net_total = total;');
    this.addSql('alter table invoice alter column net_total set not null;');
    this.addSql('alter table invoice drop constraint invoice_check;');
    this.addSql('alter table invoice add constraint invoice_settled_check check (amount_paid >= 0 and amount_paid + amount_credited <= total);');
    this.addSql('alter table invoice drop constraint invoice_status_check;');
    this.addSql(`alter table invoice add constraint invoice_status_check check (status in ('ISSUED', 'PARTIALLY_PAID', 'PAID', 'CREDITED'));`);
    this.addSql('drop index invoice_customer_unpaid_due_idx;');
    this.addSql('create index invoice_customer_unpaid_due_idx on invoice (customer_id, due_date, id) where amount_paid + amount_credited < total;');
    this.addSql('create index invoice_order_idx on invoice (order_id) where order_id is not null;');
    this.addSql(`
      create table invoice_line (
        id uuid primary key,
        invoice_id uuid not null references invoice (id) deferrable initially deferred,
        position int not null,
        order_line_id uuid null,
        product_id uuid null,
        description text not null,
        quantity numeric(19,3) not null check (quantity > 0),
        unit_price numeric(19,4) not null,
        discount_percent numeric(7,4) not null check (discount_percent >= 0 and discount_percent <= 100),
        tax_rate numeric(7,4) not null check (tax_rate >= 0),
        net_amount numeric(19,4) not null,
        created_at timestamptz not null default now()
      );`);
    this.addSql('create index invoice_line_invoice_idx on invoice_line (invoice_id, position);');
    this.addSql('create index invoice_line_order_line_idx on invoice_line (order_line_id) where order_line_id is not null;');
    this.addSql(`
      create table invoice_tax (
        id uuid primary key,
        invoice_id uuid not null references invoice (id) deferrable initially deferred,
        tax_rate numeric(7,4) not null,
        net_amount numeric(19,4) not null,
        tax_amount numeric(19,4) not null,
        unique (invoice_id, tax_rate)
      );`);
    this.addSql(`insert into invoice_line (id, invoice_id, position, description, quantity, unit_price, discount_percent, tax_rate, net_amount, created_at)
      select gen_random_uuid(), id, 1, 'Invoice ' || number, 1, total, 0, 0, total, created_at from invoice;`);
    this.addSql('insert into invoice_tax (id, invoice_id, tax_rate, net_amount, tax_amount) select gen_random_uuid(), id, 0, total, 0 from invoice;');

    // Credit notes.
    this.addSql(`
      create table credit_note (
        id uuid primary key,
        number text not null unique,
        invoice_id uuid not null references invoice (id) deferrable initially deferred,
        customer_id uuid not null,
        order_id uuid null,
        reason text not null check (reason in ('RETURN', 'CANCELLATION', 'PRICE_CORRECTION', 'OTHER')),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        issue_date date not null,
        net_total numeric(19,4) not null,
        tax_total numeric(19,4) not null,
        gross_total numeric(19,4) not null check (gross_total > 0),
        amount_applied numeric(19,4) not null default 0,
        amount_refunded numeric(19,4) not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (amount_applied >= 0 and amount_refunded >= 0 and amount_applied + amount_refunded <= gross_total)
      );`);
    this.addSql('create index credit_note_invoice_idx on credit_note (invoice_id);');
    this.addSql('create index credit_note_customer_idx on credit_note (customer_id, issue_date desc, id desc);');
    this.addSql(`
      create table credit_note_line (
        id uuid primary key,
        credit_note_id uuid not null references credit_note (id) deferrable initially deferred,
        position int not null,
        invoice_line_id uuid null references invoice_line (id) deferrable initially deferred,
        order_line_id uuid null,
        product_id uuid null,
        description text not null,
        quantity numeric(19,3) not null check (quantity > 0),
        returns_quantity boolean not null,
        unit_price numeric(19,4) not null,
        discount_percent numeric(7,4) not null,
        tax_rate numeric(7,4) not null,
        net_amount numeric(19,4) not null
      );`);
    this.addSql(`
      create table credit_note_tax (
        id uuid primary key,
        credit_note_id uuid not null references credit_note (id) deferrable initially deferred,
        invoice_id uuid not null references invoice (id) deferrable initially deferred,
        tax_rate numeric(7,4) not null,
        net_amount numeric(19,4) not null,
        tax_amount numeric(19,4) not null,
        unique (credit_note_id, tax_rate)
      );`);
    this.addSql('create index credit_note_tax_invoice_idx on credit_note_tax (invoice_id, tax_rate);');
    this.addSql('create index credit_note_line_note_idx on credit_note_line (credit_note_id, position);');
    this.addSql('create index credit_note_line_invoice_line_idx on credit_note_line (invoice_line_id);');

    // Payments: money received from a customer, allocated over invoices; the rest is the customer's credit.
    this.addSql('alter table payment add column customer_id uuid null;');
    this.addSql('update payment set customer_id = i.customer_id from invoice i where i.id = payment.invoice_id;');
    this.addSql('alter table payment alter column customer_id set not null;');
    this.addSql('alter table payment alter column invoice_id drop not null;');
    this.addSql(
      `alter table payment add column method text not null default 'BANK_TRANSFER' check (method in ('BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE', 'DIRECT_DEBIT', 'OTHER'));`,
    );
    this.addSql(`alter table payment add column account text not null default 'BANK';`);
    this.addSql('alter table payment add column reference text null;');
    this.addSql('alter table payment add column amount_allocated numeric(19,4) not null default 0;');
    this.addSql('update payment set amount_allocated = amount;');
    this.addSql('alter table payment add constraint payment_allocated_check check (amount_allocated >= 0 and amount_allocated <= amount);');
    this.addSql('alter table payment add column updated_at timestamptz not null default now();');
    this.addSql('create index payment_customer_idx on payment (customer_id, paid_on desc, id desc);');
    this.addSql(`
      create table allocation (
        id uuid primary key,
        invoice_id uuid not null references invoice (id) deferrable initially deferred,
        payment_id uuid null references payment (id) deferrable initially deferred,
        credit_note_id uuid null references credit_note (id) deferrable initially deferred,
        amount numeric(19,4) not null check (amount > 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        allocated_on date not null,
        created_at timestamptz not null default now(),
        check ((payment_id is null) <> (credit_note_id is null))
      );`);
    this.addSql('create index allocation_invoice_idx on allocation (invoice_id, created_at, id);');
    this.addSql('create index allocation_payment_idx on allocation (payment_id) where payment_id is not null;');
    this.addSql('create index allocation_credit_note_idx on allocation (credit_note_id) where credit_note_id is not null;');
    this.addSql(`insert into allocation (id, invoice_id, payment_id, amount, currency, allocated_on, created_at)
      select gen_random_uuid(), invoice_id, id, amount, currency, paid_on, created_at from payment where invoice_id is not null;`);
    this.addSql('drop sequence if exists invoice_number_seq;');
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop table if exists allocation, credit_note_tax, credit_note_line, credit_note, invoice_tax, invoice_line, document_counter, shipped_line, order_line, sales_order;',
    );
  }
}
