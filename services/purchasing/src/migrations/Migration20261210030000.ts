import { Migration } from '@mikro-orm/migrations';

/**
 * A bill line may differ from its order line in price and in quantity at once: its one `issue`
 * becomes `issues`, comma-separated codes as the bill's `hold_reasons` (every stored value is one code,
 * a list of one).
 */
export class Migration20261210030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table supplier_bill_line rename column issue to issues;');
  }

  override async down(): Promise<void> {
    this.addSql(`update supplier_bill_line set issues = split_part(issues, ',', 1) where issues like '%,%';`);
    this.addSql('alter table supplier_bill_line rename column issues to issue;');
  }
}
