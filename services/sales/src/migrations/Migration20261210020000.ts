import { Migration } from '@mikro-orm/migrations';

/**
 * Orders made of loans the customer kept (`inventory.loan.converted.v2`): the loan they came from and
 * its number, shown on the order. An order comes from a quotation, a loan, or neither (entered directly).
 */
export class Migration20261210020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table sales_order add column loan_id uuid null, add column loan_number text null;');
    this.addSql('alter table sales_order add constraint sales_order_origin_check check (quotation_id is null or loan_id is null);');
    this.addSql('create index sales_order_loan_idx on sales_order (loan_id) where loan_id is not null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists sales_order_loan_idx;');
    this.addSql('alter table sales_order drop constraint if exists sales_order_origin_check, drop column if exists loan_number, drop column if exists loan_id;');
  }
}
