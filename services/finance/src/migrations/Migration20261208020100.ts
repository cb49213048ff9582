import { Migration } from '@mikro-orm/migrations';

/**
 * The basis each order line was invoiced on (DELIVERED or ORDERED, a prepayment), so a return
 * credits at once what was invoiced as delivered and came back (Odoo), while prepaid units still to
 * ship are credited only when the customer will not end up with them. Lines of no order line have
 * none. Lines written before this migration are taken as DELIVERED (the default basis; the ORDERED
 * basis is one stop old and its invoices cannot be told apart afterwards).
 */
export class Migration20261208020100 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "invoice_line" add column "basis" text null;');
    // Issued lines are immutable (a trigger refuses updates): this one-time fill bypasses it.
    this.addSql('alter table "invoice_line" disable trigger "invoice_line_immutable";');
    this.addSql(`update "invoice_line" set "basis" = 'DELIVERED' where "order_line_id" is not null;`);
    this.addSql('alter table "invoice_line" enable trigger "invoice_line_immutable";');
    this.addSql(`alter table "invoice_line" add constraint "invoice_line_basis_check" check ("basis" in ('DELIVERED', 'ORDERED'));`);
    this.addSql('alter table "invoice_line" add constraint "invoice_line_basis_of_order_line" check (("basis" is null) = ("order_line_id" is null));');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "invoice_line" drop constraint "invoice_line_basis_of_order_line", drop constraint "invoice_line_basis_check", drop column "basis";');
  }
}
