import { Migration } from '@mikro-orm/migrations';

/**
 * Customer returns against a delivery (issue 11, item 6): `customer_return`, numbered RT-000001…,
 * against one shipment, with the reason and the warehouse the goods came back to; its lines
 * (`customer_return_line`) name the order line, the quantity and its condition (RESTOCK: back into
 * stock by a CUSTOMER_RETURN move; SCRAP: not).
 */
export class Migration20261205102000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create sequence customer_return_number_seq;');
    this.addSql(`
      create table customer_return (
        id uuid primary key,
        number text not null,
        shipment_id uuid not null references shipment (id),
        customer_id uuid not null,
        warehouse_id uuid not null references warehouse (id),
        reason text not null,
        received_at timestamptz not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint customer_return_number_key unique (number)
      );`);
    this.addSql('create index customer_return_shipment_idx on customer_return (shipment_id, received_at, id);');
    this.addSql(`
      create table customer_return_line (
        id uuid primary key,
        return_id uuid not null references customer_return (id),
        order_id uuid not null,
        order_line_id uuid not null,
        product_id uuid not null references product (id),
        quantity numeric(19,3) not null check (quantity > 0),
        condition text not null check (condition in ('RESTOCK', 'SCRAP')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index customer_return_line_return_idx on customer_return_line (return_id);');
    this.addSql('create index customer_return_line_order_line_idx on customer_return_line (order_line_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists customer_return_line;');
    this.addSql('drop table if exists customer_return;');
    this.addSql('drop sequence if exists customer_return_number_seq;');
  }
}
