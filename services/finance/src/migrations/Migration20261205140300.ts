import { Migration } from '@mikro-orm/migrations';

/**
 * A final invoice may deduct a paid advance invoice of its order (a negative line, as Odoo's down
 * payments): the line names the advance it deducts, so an advance is never deducted twice.
 */
export class Migration20261205140300 extends Migration {
  override async up(): Promise<void> {
    // The migrations run in one transaction: check the deferred keys of the rows the earlier ones
    // wrote now, as PostgreSQL will not alter a table with trigger events still pending.
    this.addSql('set constraints all immediate;');
    this.addSql('alter table invoice_line add column deducts_invoice_id uuid null references invoice (id) deferrable initially deferred;');
    this.addSql('create index invoice_line_deducts_idx on invoice_line (deducts_invoice_id) where deducts_invoice_id is not null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table invoice_line drop column if exists deducts_invoice_id;');
  }
}
