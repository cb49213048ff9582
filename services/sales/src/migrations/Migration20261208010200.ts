import { Migration } from '@mikro-orm/migrations';

/**
 * For the performance per salesperson and the product summary by product and month:
 * - `sales_rollup_order`: orders not cancelled per day of confirmation (UTC), owner and team of the
 *   customer and currency (how many, their net total), kept by triggers on `sales_order` and
 *   `customer_access` (a transfer moves the customer's orders) in the changing transaction;
 *   `sales_order_rollup_rebuild()` recomputes it (bulk loads);
 * - an index on deals closed per day (won and lost in a period);
 * - an index giving the product roll-up in the summary's order (currency, product, month), so a
 *   director's product × month summary reads it without sorting.
 */
export class Migration20261208010200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table sales_rollup_order (
        day date not null,
        owner_id uuid null,
        team_id uuid null,
        currency char(3) not null,
        orders integer not null,
        total numeric not null,
        constraint sales_rollup_order_key unique nulls not distinct (day, owner_id, team_id, currency)
      );`);
    this.addSql('create index sales_rollup_order_owner_idx on sales_rollup_order (owner_id, day);');
    this.addSql('create index sales_rollup_order_team_idx on sales_rollup_order (team_id, day);');
    this.addSql(`
      create function sales_rollup_order_add(o sales_order, p_owner uuid, p_team uuid, p_sign integer) returns void language plpgsql as $$
      begin
        if o.status = 'CANCELLED' then return; end if;
        insert into sales_rollup_order as r (day, owner_id, team_id, currency, orders, total)
          values ((o.confirmed_at at time zone 'UTC')::date, p_owner, p_team, o.currency, p_sign, p_sign * o.total)
          on conflict on constraint sales_rollup_order_key do update set orders = r.orders + excluded.orders, total = r.total + excluded.total;
      end $$;`);
    this.addSql(`
      create function sales_rollup_order_changed() returns trigger language plpgsql as $$
      declare
        ow uuid;
        tm uuid;
      begin
        if tg_op = 'UPDATE' and (old.customer_id, old.status = 'CANCELLED', old.confirmed_at, old.currency, old.total)
           is not distinct from (new.customer_id, new.status = 'CANCELLED', new.confirmed_at, new.currency, new.total) then
          return null;
        end if;
        if tg_op <> 'INSERT' then
          select owner_id, team_id into ow, tm from customer_access where customer_id = old.customer_id;
          perform sales_rollup_order_add(old, ow, tm, -1);
        end if;
        if tg_op <> 'DELETE' then
          ow := null;
          tm := null;
          select owner_id, team_id into ow, tm from customer_access where customer_id = new.customer_id;
          perform sales_rollup_order_add(new, ow, tm, 1);
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create trigger sales_rollup_order_changed after insert or update or delete on sales_order
        for each row execute function sales_rollup_order_changed();`);
    this.addSql(`
      create function sales_rollup_order_access_changed() returns trigger language plpgsql as $$
      declare
        o sales_order;
        c uuid := case when tg_op = 'DELETE' then old.customer_id else new.customer_id end;
        old_owner uuid := case when tg_op = 'INSERT' then null else old.owner_id end;
        old_team uuid := case when tg_op = 'INSERT' then null else old.team_id end;
        new_owner uuid := case when tg_op = 'DELETE' then null else new.owner_id end;
        new_team uuid := case when tg_op = 'DELETE' then null else new.team_id end;
      begin
        if (old_owner, old_team) is not distinct from (new_owner, new_team) then return null; end if;
        for o in select * from sales_order where customer_id = c loop
          perform sales_rollup_order_add(o, old_owner, old_team, -1);
          perform sales_rollup_order_add(o, new_owner, new_team, 1);
        end loop;
        return null;
      end $$;`);
    this.addSql(`
      create trigger sales_rollup_order_access_changed after insert or update or delete on customer_access
        for each row execute function sales_rollup_order_access_changed();`);
    this.addSql(`
      create function sales_order_rollup_rebuild() returns void language sql as $$
        truncate sales_rollup_order;
        insert into sales_rollup_order (day, owner_id, team_id, currency, orders, total)
          select (so.confirmed_at at time zone 'UTC')::date, ca.owner_id, ca.team_id, so.currency, count(*), sum(so.total)
            from sales_order so left join customer_access ca on ca.customer_id = so.customer_id
           where so.status <> 'CANCELLED' group by 1, 2, 3, 4;
      $$;`);
    this.addSql('select sales_order_rollup_rebuild();');
    this.addSql("create index opportunity_closed_idx on opportunity (closed_at) include (customer_id, status, currency, amount) where deleted_at is null and status <> 'OPEN';");
    this.addSql(
      "create index opportunity_open_undated_idx on opportunity (customer_id) include (stage_id, currency, amount) where deleted_at is null and status = 'OPEN' and expected_close_date is null;",
    );
    this.addSql('create index sales_rollup_product_order_idx on sales_rollup_product (currency, product_id, month) include (lines, quantity, amount);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists sales_rollup_product_order_idx;');
    this.addSql('drop index if exists opportunity_open_undated_idx;');
    this.addSql('drop index if exists opportunity_closed_idx;');
    this.addSql('drop trigger if exists sales_rollup_order_access_changed on customer_access;');
    this.addSql('drop trigger if exists sales_rollup_order_changed on sales_order;');
    this.addSql(
      'drop function if exists sales_order_rollup_rebuild(), sales_rollup_order_access_changed(), sales_rollup_order_changed(), sales_rollup_order_add(sales_order, uuid, uuid, integer);',
    );
    this.addSql('drop table if exists sales_rollup_order;');
  }
}
