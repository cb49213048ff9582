import { Migration } from '@mikro-orm/migrations';

/**
 * Reservations for confirmed orders. `order_demand`, one row per order line: what was ordered,
 * cancelled since, and what could not be reserved yet (`short`, waiting for stock, served oldest
 * order first). `reservation`, one row per order line and warehouse: what is set aside there; the
 * level's `reserved` is always their sum.
 */
export class Migration20261205200004 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table order_demand (
        order_line_id uuid primary key,
        order_id uuid not null,
        customer_id uuid not null,
        product_id uuid not null,
        warehouse_id uuid null,
        ordered numeric(19,3) not null check (ordered > 0),
        cancelled numeric(19,3) not null default 0 check (cancelled >= 0),
        short numeric(19,3) not null default 0 check (short >= 0),
        confirmed_at timestamptz not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index order_demand_order_idx on order_demand (order_id);');
    this.addSql('create index order_demand_shortage_idx on order_demand (product_id, confirmed_at, order_line_id) where short > 0;');
    this.addSql(`
      create table reservation (
        id uuid primary key,
        order_id uuid not null,
        order_line_id uuid not null references order_demand (order_line_id),
        product_id uuid not null references product (id),
        warehouse_id uuid not null references warehouse (id),
        quantity numeric(19,3) not null check (quantity >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint reservation_line_warehouse_key unique (order_line_id, warehouse_id)
      );`);
    this.addSql('create index reservation_order_idx on reservation (order_id);');
    this.addSql('create index reservation_product_idx on reservation (product_id, warehouse_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists reservation;');
    this.addSql('drop table if exists order_demand;');
  }
}
