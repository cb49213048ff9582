import { Migration } from '@mikro-orm/migrations';

/**
 * Receivables ageing reads only open invoices' currency, due date, customer and sums: a partial
 * covering index lets PostgreSQL answer it from the index (an index-only scan) instead of reading
 * every invoice row.
 */
export class Migration20261205140100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index invoice_open_ageing_idx on invoice (currency, due_date) include (customer_id, total, amount_paid, amount_credited) where amount_paid + amount_credited < total;',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists invoice_open_ageing_idx;');
  }
}
