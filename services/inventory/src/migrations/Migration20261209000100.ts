import { Migration } from '@mikro-orm/migrations';

/**
 * `undeliveredOrderLines` pages the order demand oldest confirmation first (`confirmed_at`, then the
 * line's id); without an index in that order every page sorted the whole demand table. With it a page
 * walks the index and stops once it has its lines.
 */
export class Migration20261209000100 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index order_demand_confirmed_idx on order_demand (confirmed_at, order_line_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists order_demand_confirmed_idx;');
  }
}
