import { Migration } from '@mikro-orm/migrations';

/**
 * Orders follow their quantities: per line what was shipped (delivered) and invoiced less credited;
 * per order when it was fully delivered and paid, and the states derived from them; a read copy of
 * finance's invoices per order, which tells when the order is paid.
 */
export class Migration20261205110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table sales_order drop constraint if exists sales_order_status_check;');
    this.addSql(`
      alter table sales_order
        add constraint sales_order_status_check
          check (status in ('CONFIRMED', 'PARTLY_DELIVERED', 'DELIVERED', 'PARTLY_INVOICED', 'INVOICED', 'PAID', 'COMPLETED', 'CANCELLED')),
        add column delivered_at timestamptz null,
        add column paid_at timestamptz null;`);
    this.addSql(`
      alter table sales_order_line
        add column delivered_quantity numeric(19,3) not null default 0,
        add column invoiced_quantity numeric(19,3) not null default 0;`);
    // Orders completed by the old whole-order delivery event delivered everything they did not cancel.
    this.addSql(`
      update sales_order_line l set delivered_quantity = l.quantity - l.cancelled_quantity
        from sales_order o where o.id = l.order_id and o.status = 'COMPLETED';`);
    this.addSql(`update sales_order set delivered_at = completed_at, completed_at = null, status = 'DELIVERED' where status = 'COMPLETED';`);
    this.addSql('alter table sales_order_line alter column delivered_quantity drop default, alter column invoiced_quantity drop default;');
    this.addSql(`
      create table sales_order_invoice (
        id uuid primary key,
        invoice_id uuid not null,
        order_id uuid not null references sales_order (id) on delete cascade deferrable initially deferred,
        number text not null,
        issued_at timestamptz null,
        paid_at timestamptz null,
        constraint sales_order_invoice_key unique (invoice_id, order_id)
      );`);
    this.addSql('create index sales_order_invoice_order_idx on sales_order_invoice (order_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists sales_order_invoice;');
    this.addSql('alter table sales_order_line drop column delivered_quantity, drop column invoiced_quantity;');
    this.addSql(`update sales_order set status = 'COMPLETED', completed_at = coalesce(completed_at, delivered_at, now()) where status not in ('CONFIRMED', 'CANCELLED');`);
    this.addSql('alter table sales_order drop constraint if exists sales_order_status_check;');
    this.addSql(
      `alter table sales_order add constraint sales_order_status_check check (status in ('CONFIRMED', 'CANCELLED', 'COMPLETED')), drop column delivered_at, drop column paid_at;`,
    );
  }
}
