import { Migration } from '@mikro-orm/migrations';

/**
 * Shipping notices per order line (issue 11, item 5). A notice (`shipment`) is now numbered
 * DN-000001…, goes out of one warehouse to one customer, and carries lines (`shipment_line`: order,
 * order line, product, quantity planned, shipped and cancelled) that may belong to several orders of
 * that customer; `order_id` only remains for notices of one order. It may be CANCELLED. A backorder
 * notice names the notice it was split from.
 *
 * Existing rows are carried over: numbers by creation order; a shipped or delivered notice gets its
 * warehouse and lines from the DELIVERY moves it posted (each move matched to the reservation of the
 * order in that warehouse for that product: one line per order line); a notice still planned takes
 * the order's open reservations in the warehouse holding most of them (the rest stays reserved and
 * can be planned by hand); a planned notice of an order that reserved nothing (confirmed through v1,
 * without line ids) keeps no lines and no warehouse, and cannot be shipped.
 */
export class Migration20261205101000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table shipment
        add column number text null,
        add column warehouse_id uuid null,
        add column planned_for date null,
        add column carrier text null,
        add column backorder_of uuid null,
        alter column order_id drop not null;`);
    this.addSql('alter table shipment drop constraint if exists shipment_status_check;');
    this.addSql(`alter table shipment add constraint shipment_status_check check (status in ('PLANNED', 'SHIPPED', 'DELIVERED', 'CANCELLED'));`);
    this.addSql('create sequence shipment_number_seq;');
    this.addSql(`
      update shipment s set number = 'DN-' || lpad(o.n::text, 6, '0')
      from (select id, row_number() over (order by created_at, id) as n from shipment) o where o.id = s.id;`);
    this.addSql(`select setval('shipment_number_seq', greatest((select count(*) from shipment), 1), (select count(*) from shipment) > 0);`);
    this.addSql('alter table shipment alter column number set not null;');
    this.addSql('alter table shipment add constraint shipment_number_key unique (number);');
    this.addSql(`
      create table shipment_line (
        id uuid primary key,
        shipment_id uuid not null references shipment (id),
        order_id uuid not null,
        order_line_id uuid not null,
        product_id uuid not null,
        planned numeric(19,3) not null check (planned >= 0),
        shipped numeric(19,3) not null default 0 check (shipped >= 0),
        cancelled numeric(19,3) not null default 0 check (cancelled >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint shipment_line_shipment_order_line_key unique (shipment_id, order_line_id),
        constraint shipment_line_shipped_within_planned check (shipped <= planned)
      );`);
    this.addSql('create index shipment_line_order_line_idx on shipment_line (order_line_id);');
    this.addSql('create index shipment_line_order_idx on shipment_line (order_id, shipment_id);');
    this.addSql('create index shipment_customer_idx on shipment (customer_id, planned_at, id);');
    this.addSql("create index shipment_open_idx on shipment (warehouse_id, customer_id) where status = 'PLANNED';");

    // Shipped and delivered notices: their DELIVERY moves, each matched to one order line.
    this.addSql(`
      update shipment s set warehouse_id = m.warehouse_id
      from (select distinct on (reference_id) reference_id, warehouse_id from stock_move
            where reference_type = 'SHIPMENT' and kind = 'DELIVERY' order by reference_id, moved_at, id) m
      where m.reference_id = s.id;`);
    this.addSql(`
      insert into shipment_line (id, shipment_id, order_id, order_line_id, product_id, planned, shipped)
      select gen_random_uuid(), x.shipment_id, x.order_id, x.order_line_id, x.product_id, sum(x.q), sum(x.q)
      from (
        select distinct on (m.id) s.id as shipment_id, s.order_id, r.order_line_id, m.product_id, -m.quantity as q
        from stock_move m
        join shipment s on s.id = m.reference_id
        join reservation r on r.order_id = s.order_id and r.product_id = m.product_id and r.warehouse_id = m.warehouse_id
        where m.reference_type = 'SHIPMENT' and m.kind = 'DELIVERY'
        order by m.id, r.order_line_id
      ) x
      group by x.shipment_id, x.order_id, x.order_line_id, x.product_id;`);
    // Planned notices: the order's open reservations in the warehouse holding most of them.
    this.addSql(`
      update shipment s set warehouse_id = w.warehouse_id
      from (select distinct on (order_id) order_id, warehouse_id from reservation where quantity > 0
            group by order_id, warehouse_id order by order_id, sum(quantity) desc, warehouse_id) w
      where s.status = 'PLANNED' and s.warehouse_id is null and w.order_id = s.order_id;`);
    this.addSql(`
      insert into shipment_line (id, shipment_id, order_id, order_line_id, product_id, planned)
      select gen_random_uuid(), s.id, r.order_id, r.order_line_id, r.product_id, r.quantity
      from shipment s join reservation r on r.order_id = s.order_id and r.warehouse_id = s.warehouse_id
      where s.status = 'PLANNED' and r.quantity > 0;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists shipment_line;');
    this.addSql('drop sequence if exists shipment_number_seq;');
    this.addSql('alter table shipment drop constraint if exists shipment_number_key;');
    this.addSql('alter table shipment drop constraint if exists shipment_status_check;');
    this.addSql(`delete from shipment where order_id is null;`);
    this.addSql(`update shipment set status = 'PLANNED' where status = 'CANCELLED';`);
    this.addSql(`alter table shipment add constraint shipment_status_check check (status in ('PLANNED', 'SHIPPED', 'DELIVERED'));`);
    this.addSql('drop index if exists shipment_customer_idx;');
    this.addSql('drop index if exists shipment_open_idx;');
    this.addSql(`
      alter table shipment
        drop column number, drop column warehouse_id, drop column planned_for, drop column carrier, drop column backorder_of,
        alter column order_id set not null;`);
  }
}
