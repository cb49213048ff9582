import { Migration } from '@mikro-orm/migrations';
import { CUSTOMER_PROFILE_TABLE_SQL } from '@rapport/subgraph-kit';

/**
 * `customer_profile`: the customers' industry and region, a read copy from the customers service's
 * events (the kit's `customerProfileHandlers`, as sales keeps it), for the outbound summary by region
 * and industry. Customers whose events came before it existed stay unknown until their next change.
 */
export class Migration20261208090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(CUSTOMER_PROFILE_TABLE_SQL);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists customer_profile;');
  }
}
