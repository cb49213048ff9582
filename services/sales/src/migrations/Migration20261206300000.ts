import { Migration } from '@mikro-orm/migrations';

/**
 * Orders with real prices: tax and gross totals, the quotation an order came from; per line the
 * description, discount, tax rate, both unit prices, and the quantities inventory reports
 * (reserved, short) and those cancelled. Existing lines had neither discount nor tax.
 */
export class Migration20261206300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table sales_order
        add column quotation_id uuid null,
        add column tax_total numeric(19,4) not null default 0,
        add column gross_total numeric(19,4) not null default 0;`);
    this.addSql('update sales_order set gross_total = total;');
    this.addSql('alter table sales_order alter column tax_total drop default, alter column gross_total drop default;');
    this.addSql('create unique index sales_order_quotation_key on sales_order (quotation_id) where quotation_id is not null;');
    this.addSql(`
      alter table sales_order_line
        add column quotation_line_id uuid null,
        add column description text not null default '',
        add column unit_price_gross numeric(19,4) null,
        add column price_entry text not null default 'NET' check (price_entry in ('NET', 'GROSS')),
        add column discount_percent numeric(5,2) not null default 0 check (discount_percent between 0 and 100),
        add column tax_rate numeric(5,2) not null default 0 check (tax_rate between 0 and 100),
        add column reserved_quantity numeric(19,3) not null default 0,
        add column short_quantity numeric(19,3) not null default 0,
        add column short_reported_at timestamptz null,
        add column cancelled_quantity numeric(19,3) not null default 0;`);
    this.addSql('update sales_order_line set unit_price_gross = unit_price;');
    this.addSql(`
      alter table sales_order_line
        alter column unit_price_gross set not null,
        alter column description drop default,
        alter column price_entry drop default,
        alter column discount_percent drop default,
        alter column tax_rate drop default,
        alter column reserved_quantity drop default,
        alter column short_quantity drop default,
        alter column cancelled_quantity drop default;`);
    this.addSql('create index sales_order_line_product_idx on sales_order_line (product_id, order_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists sales_order_line_product_idx;');
    this.addSql(`
      alter table sales_order_line
        drop column quotation_line_id, drop column description, drop column unit_price_gross, drop column price_entry,
        drop column discount_percent, drop column tax_rate, drop column reserved_quantity, drop column short_quantity,
        drop column short_reported_at, drop column cancelled_quantity;`);
    this.addSql('drop index if exists sales_order_quotation_key;');
    this.addSql('alter table sales_order drop column quotation_id, drop column tax_total, drop column gross_total;');
  }
}
