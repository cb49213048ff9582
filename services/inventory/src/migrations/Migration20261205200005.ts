import { Migration } from '@mikro-orm/migrations';

/**
 * Safety stock and reorder quantity per product and warehouse (on its stock level), and safety
 * alarms: one open alarm per product and warehouse at most (a partial unique index), raised when
 * available stock falls below the safety level and cleared when it recovers.
 */
export class Migration20261205200005 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table stock_level add column safety_stock numeric(19,3) not null default 0 check (safety_stock >= 0);');
    this.addSql('alter table stock_level add column reorder_quantity numeric(19,3) not null default 0 check (reorder_quantity >= 0);');
    this.addSql(`
      create table stock_alarm (
        id uuid primary key,
        product_id uuid not null references product (id),
        warehouse_id uuid not null references warehouse (id),
        available numeric(19,3) not null,
        safety_stock numeric(19,3) not null,
        reorder_quantity numeric(19,3) not null,
        raised_at timestamptz not null,
        recovered_at timestamptz null,
        recovered_available numeric(19,3) null
      );`);
    this.addSql('create unique index stock_alarm_open_key on stock_alarm (product_id, warehouse_id) where recovered_at is null;');
    this.addSql('create index stock_alarm_raised_idx on stock_alarm (raised_at desc, id desc);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists stock_alarm;');
    this.addSql('alter table stock_level drop column reorder_quantity;');
    this.addSql('alter table stock_level drop column safety_stock;');
  }
}
