import { Migration } from '@mikro-orm/migrations';

/**
 * Inbound stock. `expected_order` and `expected_receipt`: the purchase orders purchasing approved,
 * one row per order and per order line (ordered, received, cancelled; what is still expected is
 * derived), replaced by each approval and reduced by cancellations; a level's `incoming` is the sum
 * of what its lines still expect. `receipt` and `receipt_line`: goods received (against a purchase
 * order's lines or without one), each line with its RECEIPT move. `transfer` and `transfer_line`:
 * goods sent between warehouses (TRANSFER_OUT at the source, TRANSFER_IN at the destination as they
 * arrive); a destination level's `in_transit` is the sum of what its transfers have not delivered.
 * `receipt_setting`: the over-receipt tolerance, one row.
 */
export class Migration20261205130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create sequence receipt_number_seq;');
    this.addSql('create sequence transfer_number_seq;');
    this.addSql(`
      create table receipt_setting (
        id text primary key check (id = 'default'),
        over_receipt_tolerance numeric(5,2) not null default 5 check (over_receipt_tolerance >= 0 and over_receipt_tolerance <= 100),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`insert into receipt_setting (id) values ('default');`);
    this.addSql(`
      create table expected_order (
        purchase_order_id uuid primary key,
        number text not null,
        supplier_id uuid not null,
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        warehouse_id uuid null,
        approved_at timestamptz not null,
        cancelled_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index expected_order_supplier_idx on expected_order (supplier_id);');
    this.addSql(`
      create table expected_receipt (
        purchase_order_line_id uuid primary key,
        purchase_order_id uuid not null references expected_order (purchase_order_id),
        product_id uuid not null,
        warehouse_id uuid null references warehouse (id),
        ordered numeric(19,3) not null check (ordered >= 0),
        received numeric(19,3) not null default 0 check (received >= 0),
        cancelled numeric(19,3) not null default 0 check (cancelled >= 0),
        open boolean not null default true,
        unit_price numeric(19,4) not null check (unit_price >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        expected_date date null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index expected_receipt_order_idx on expected_receipt (purchase_order_id);');
    this.addSql('create index expected_receipt_product_idx on expected_receipt (product_id, warehouse_id);');
    this.addSql(`
      create table receipt (
        id uuid primary key,
        number text not null,
        warehouse_id uuid not null references warehouse (id),
        purchase_order_id uuid null references expected_order (purchase_order_id),
        supplier_id uuid null,
        received_at timestamptz not null,
        actor_id uuid null,
        created_at timestamptz not null default now(),
        constraint receipt_number_key unique (number)
      );`);
    this.addSql('create index receipt_order_idx on receipt (purchase_order_id) where purchase_order_id is not null;');
    this.addSql('create index receipt_received_idx on receipt (received_at desc, id desc);');
    this.addSql(`
      create table receipt_line (
        id uuid primary key,
        receipt_id uuid not null references receipt (id),
        purchase_order_line_id uuid null references expected_receipt (purchase_order_line_id),
        product_id uuid not null references product (id),
        quantity numeric(19,3) not null check (quantity > 0),
        unit_cost numeric(19,4) not null check (unit_cost >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        stock_move_id uuid not null references stock_move (id)
      );`);
    this.addSql('create index receipt_line_receipt_idx on receipt_line (receipt_id);');
    this.addSql(`
      create table transfer (
        id uuid primary key,
        number text not null,
        from_warehouse_id uuid not null references warehouse (id),
        to_warehouse_id uuid not null references warehouse (id),
        reason text null,
        shipped_at timestamptz not null,
        actor_id uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint transfer_number_key unique (number),
        constraint transfer_warehouses_check check (from_warehouse_id <> to_warehouse_id)
      );`);
    this.addSql('create index transfer_shipped_idx on transfer (shipped_at desc, id desc);');
    this.addSql(`
      create table transfer_line (
        id uuid primary key,
        transfer_id uuid not null references transfer (id),
        product_id uuid not null references product (id),
        quantity numeric(19,3) not null check (quantity > 0),
        received numeric(19,3) not null default 0 check (received >= 0 and received <= quantity),
        constraint transfer_line_product_key unique (transfer_id, product_id)
      );`);
    this.addSql('create index transfer_line_open_idx on transfer_line (product_id) where received < quantity;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists transfer_line;');
    this.addSql('drop table if exists transfer;');
    this.addSql('drop table if exists receipt_line;');
    this.addSql('drop table if exists receipt;');
    this.addSql('drop table if exists expected_receipt;');
    this.addSql('drop table if exists expected_order;');
    this.addSql('drop table if exists receipt_setting;');
    this.addSql('drop sequence if exists transfer_number_seq;');
    this.addSql('drop sequence if exists receipt_number_seq;');
  }
}
