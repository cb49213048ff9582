import { Migration } from '@mikro-orm/migrations';

/**
 * Company-wide monthly roll-ups of what was sold, for the product sales summary of callers who see
 * every number (directors, admins): per product, and per customer industry and region as sales knew
 * them when the order line was written. PostgreSQL keeps them in the same transaction as the order
 * lines (a trigger at commit, as lines may be written before their order) and takes a cancelled
 * order's lines out again; `sales_rollup_rebuild()` recomputes both from the orders.
 */
export class Migration20261205180100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table sales_rollup_product (
        month date not null,
        product_id uuid not null,
        currency char(3) not null,
        lines integer not null,
        quantity numeric(19,3) not null,
        amount numeric(19,4) not null,
        primary key (month, product_id, currency)
      );`);
    this.addSql(`
      create table sales_rollup_segment (
        month date not null,
        industry text null,
        region text null,
        country char(2) null,
        currency char(3) not null,
        lines integer not null,
        quantity numeric(19,3) not null,
        amount numeric(19,4) not null,
        constraint sales_rollup_segment_key unique nulls not distinct (month, industry, region, country, currency)
      );`);
    this.addSql(`
      create function sales_rollup_add(p_order uuid, p_product uuid, p_currency char(3), p_lines integer, p_quantity numeric, p_amount numeric) returns void language plpgsql as $$
      declare
        o record;
        p record;
      begin
        select status, customer_id, (date_trunc('month', confirmed_at at time zone 'UTC'))::date as month into o from sales_order where id = p_order;
        if not found or o.status = 'CANCELLED' then return; end if;
        select industry, region, country into p from customer_profile where customer_id = o.customer_id;
        insert into sales_rollup_product as r (month, product_id, currency, lines, quantity, amount) values (o.month, p_product, p_currency, p_lines, p_quantity, p_amount)
          on conflict (month, product_id, currency) do update set lines = r.lines + excluded.lines, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount;
        insert into sales_rollup_segment as r (month, industry, region, country, currency, lines, quantity, amount) values (o.month, p.industry, p.region, p.country, p_currency, p_lines, p_quantity, p_amount)
          on conflict on constraint sales_rollup_segment_key do update set lines = r.lines + excluded.lines, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount;
      end $$;`);
    this.addSql(`
      create function sales_rollup_line_written() returns trigger language plpgsql as $$
      begin
        perform sales_rollup_add(new.order_id, new.product_id, new.currency, 1, new.quantity, new.line_total);
        return null;
      end $$;`);
    this.addSql(`
      create constraint trigger sales_rollup_line_written after insert on sales_order_line
        deferrable initially deferred for each row execute function sales_rollup_line_written();`);
    this.addSql(`
      create function sales_rollup_order_cancelled() returns trigger language plpgsql as $$
      declare
        l record;
      begin
        -- Runs before the status change is visible to sales_rollup_add, so it subtracts as the order was.
        for l in select product_id, currency, quantity, line_total from sales_order_line where order_id = new.id loop
          perform sales_rollup_remove(old, l.product_id, l.currency, l.quantity, l.line_total);
        end loop;
        return null;
      end $$;`);
    this.addSql(`
      create function sales_rollup_remove(o sales_order, p_product uuid, p_currency char(3), p_quantity numeric, p_amount numeric) returns void language plpgsql as $$
      declare
        p record;
        m date := (date_trunc('month', o.confirmed_at at time zone 'UTC'))::date;
      begin
        select industry, region, country into p from customer_profile where customer_id = o.customer_id;
        update sales_rollup_product set lines = lines - 1, quantity = quantity - p_quantity, amount = amount - p_amount
          where month = m and product_id = p_product and currency = p_currency;
        update sales_rollup_segment set lines = lines - 1, quantity = quantity - p_quantity, amount = amount - p_amount
          where month = m and industry is not distinct from p.industry and region is not distinct from p.region and country is not distinct from p.country and currency = p_currency;
      end $$;`);
    this.addSql(`
      create trigger sales_rollup_order_cancelled after update of status on sales_order
        for each row when (old.status <> 'CANCELLED' and new.status = 'CANCELLED') execute function sales_rollup_order_cancelled();`);
    this.addSql(`
      create function sales_rollup_rebuild() returns void language sql as $$
        truncate sales_rollup_product, sales_rollup_segment;
        insert into sales_rollup_product (month, product_id, currency, lines, quantity, amount)
          select (date_trunc('month', so.confirmed_at at time zone 'UTC'))::date, l.product_id, l.currency, count(*), sum(l.quantity), sum(l.line_total)
            from sales_order so join sales_order_line l on l.order_id = so.id where so.status <> 'CANCELLED' group by 1, 2, 3;
        insert into sales_rollup_segment (month, industry, region, country, currency, lines, quantity, amount)
          select (date_trunc('month', so.confirmed_at at time zone 'UTC'))::date, p.industry, p.region, p.country, l.currency, count(*), sum(l.quantity), sum(l.line_total)
            from sales_order so join sales_order_line l on l.order_id = so.id left join customer_profile p on p.customer_id = so.customer_id
           where so.status <> 'CANCELLED' group by 1, 2, 3, 4, 5;
      $$;`);
    this.addSql('select sales_rollup_rebuild();');
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists sales_rollup_order_cancelled on sales_order;');
    this.addSql('drop trigger if exists sales_rollup_line_written on sales_order_line;');
    this.addSql(
      'drop function if exists sales_rollup_rebuild(), sales_rollup_order_cancelled(), sales_rollup_remove(sales_order, uuid, char, numeric, numeric), sales_rollup_line_written(), sales_rollup_add(uuid, uuid, char, integer, numeric, numeric);',
    );
    this.addSql('drop table if exists sales_rollup_segment, sales_rollup_product;');
  }
}
