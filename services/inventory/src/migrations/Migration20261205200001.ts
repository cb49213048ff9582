import { Migration } from '@mikro-orm/migrations';

/**
 * Products get a specification, a category and a standard cost (in the product's currency, what
 * stock is valued at). The active flag is not a column: a product is active unless retired
 * (deleted softly), so the two can never disagree.
 */
export class Migration20261205200001 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table product add column specification text null;');
    this.addSql('alter table product add column category text null;');
    this.addSql('alter table product add column standard_cost numeric(19,4) not null default 0 check (standard_cost >= 0);');
  }

  override async down(): Promise<void> {
    this.addSql('alter table product drop column standard_cost;');
    this.addSql('alter table product drop column category;');
    this.addSql('alter table product drop column specification;');
  }
}
