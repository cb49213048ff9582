import { Migration } from '@mikro-orm/migrations';

/**
 * Roll-ups of the opportunities for the forecast and the funnel, per owner and team of the customer
 * (so visibility is applied on the roll-up's own columns) and month, kept exact by PostgreSQL in the
 * same transaction as the change:
 * - `sales_rollup_pipeline`: open deals by expected close month and stage (the forecast; probability
 *   and category are joined from the stage when asked, so editing a stage changes nothing here);
 * - `sales_rollup_cohort`: deals by the month they were opened, their stage, furthest stage, status
 *   (the funnel's reach, standing and outcome; positions joined when asked);
 * - `sales_rollup_stay`: their stage stays by stage: how many, the seconds of finished stays, and for
 *   unfinished ones how many and the sum of their entry times, so the average days until now are
 *   `(closed + open × now − entered) / stays` exactly as averaging each stay gives.
 * Row triggers on `opportunity`, `opportunity_stage_history` and `customer_access` (a transfer moves
 * the customer's deals to the new owner's rows) keep them; a change subtracts the row's old share and
 * adds its new one. `sales_pipeline_rollup_rebuild()` recomputes all three (bulk loads).
 * `sales_rollup_day` holds what was sold per day and currency (company-wide) for the product sales
 * summary's total in base currency, kept by the order line roll-up functions of Migration20261205180100.
 */
export class Migration20261208010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table sales_rollup_pipeline (
        month date not null,
        owner_id uuid null,
        team_id uuid null,
        stage_id uuid not null,
        currency char(3) not null,
        deals integer not null,
        amount numeric not null,
        constraint sales_rollup_pipeline_key unique nulls not distinct (month, owner_id, team_id, stage_id, currency)
      );`);
    this.addSql(`
      create table sales_rollup_cohort (
        month date not null,
        owner_id uuid null,
        team_id uuid null,
        stage_id uuid not null,
        furthest_stage_id uuid not null,
        status text not null,
        currency char(3) not null,
        deals integer not null,
        amount numeric not null,
        constraint sales_rollup_cohort_key unique nulls not distinct (month, owner_id, team_id, stage_id, furthest_stage_id, status, currency)
      );`);
    this.addSql(`
      create table sales_rollup_stay (
        month date not null,
        owner_id uuid null,
        team_id uuid null,
        pipeline_id uuid not null,
        stage_id uuid not null,
        stays integer not null,
        closed_seconds numeric not null,
        open_stays integer not null,
        open_entered numeric not null,
        constraint sales_rollup_stay_key unique nulls not distinct (month, owner_id, team_id, pipeline_id, stage_id)
      );`);
    this.addSql('create index sales_rollup_pipeline_owner_idx on sales_rollup_pipeline (owner_id, month);');
    this.addSql('create index sales_rollup_pipeline_team_idx on sales_rollup_pipeline (team_id, month);');
    this.addSql('create index sales_rollup_cohort_owner_idx on sales_rollup_cohort (owner_id, month);');
    this.addSql('create index sales_rollup_cohort_team_idx on sales_rollup_cohort (team_id, month);');
    this.addSql('create index sales_rollup_stay_owner_idx on sales_rollup_stay (owner_id, month);');
    this.addSql('create index sales_rollup_stay_team_idx on sales_rollup_stay (team_id, month);');
    this.addSql(`
      create table sales_rollup_day (
        day date not null,
        currency char(3) not null,
        amount numeric(19,4) not null,
        primary key (day, currency)
      );`);

    // An opportunity's share of the three roll-ups (p_sign 1 adds it, -1 takes it out), under the owner and team given.
    this.addSql(`
      create function sales_rollup_opportunity(o opportunity, p_owner uuid, p_team uuid, p_sign integer, p_stays boolean) returns void language plpgsql as $$
      declare
        m date := (date_trunc('month', o.created_at at time zone 'UTC'))::date;
        pl uuid;
      begin
        if o.deleted_at is not null then return; end if;
        if o.status = 'OPEN' and o.expected_close_date is not null then
          insert into sales_rollup_pipeline as r (month, owner_id, team_id, stage_id, currency, deals, amount)
            values ((date_trunc('month', o.expected_close_date))::date, p_owner, p_team, o.stage_id, o.currency, p_sign, p_sign * o.amount)
            on conflict on constraint sales_rollup_pipeline_key do update set deals = r.deals + excluded.deals, amount = r.amount + excluded.amount;
        end if;
        insert into sales_rollup_cohort as r (month, owner_id, team_id, stage_id, furthest_stage_id, status, currency, deals, amount)
          values (m, p_owner, p_team, o.stage_id, o.furthest_stage_id, o.status, o.currency, p_sign, p_sign * o.amount)
          on conflict on constraint sales_rollup_cohort_key do update set deals = r.deals + excluded.deals, amount = r.amount + excluded.amount;
        if p_stays then
          select pipeline_id into pl from pipeline_stage where id = o.stage_id;
          insert into sales_rollup_stay as r (month, owner_id, team_id, pipeline_id, stage_id, stays, closed_seconds, open_stays, open_entered)
            select m, p_owner, p_team, pl, h.stage_id, p_sign * count(*),
                   p_sign * coalesce(sum(extract(epoch from h.left_at) - extract(epoch from h.entered_at)) filter (where h.left_at is not null), 0),
                   p_sign * count(*) filter (where h.left_at is null),
                   p_sign * coalesce(sum(extract(epoch from h.entered_at)) filter (where h.left_at is null), 0)
              from opportunity_stage_history h where h.opportunity_id = o.id group by h.stage_id
            on conflict on constraint sales_rollup_stay_key do update set stays = r.stays + excluded.stays, closed_seconds = r.closed_seconds + excluded.closed_seconds,
              open_stays = r.open_stays + excluded.open_stays, open_entered = r.open_entered + excluded.open_entered;
        end if;
      end $$;`);
    this.addSql(`
      create function sales_rollup_opportunity_changed() returns trigger language plpgsql as $$
      declare
        ow uuid;
        tm uuid;
        moved boolean := tg_op <> 'UPDATE';
      begin
        if tg_op = 'UPDATE' then
          if (old.customer_id, old.deleted_at is null, old.created_at, old.stage_id, old.furthest_stage_id, old.status, old.currency, old.amount, old.expected_close_date)
             is not distinct from (new.customer_id, new.deleted_at is null, new.created_at, new.stage_id, new.furthest_stage_id, new.status, new.currency, new.amount, new.expected_close_date) then
            return null;
          end if;
          moved := (old.customer_id, old.deleted_at is null, old.created_at, old.stage_id) is distinct from (new.customer_id, new.deleted_at is null, new.created_at, new.stage_id);
        end if;
        if tg_op <> 'INSERT' then
          select owner_id, team_id into ow, tm from customer_access where customer_id = old.customer_id;
          perform sales_rollup_opportunity(old, ow, tm, -1, moved);
        end if;
        if tg_op <> 'DELETE' then
          ow := null;
          tm := null;
          select owner_id, team_id into ow, tm from customer_access where customer_id = new.customer_id;
          perform sales_rollup_opportunity(new, ow, tm, 1, moved);
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create trigger sales_rollup_opportunity_changed after insert or update or delete on opportunity
        for each row execute function sales_rollup_opportunity_changed();`);

    // A stage stay's share, keyed by its opportunity as it stands (an opportunity's change re-keys all its stays).
    this.addSql(`
      create function sales_rollup_stay_row(h opportunity_stage_history, p_sign integer) returns void language plpgsql as $$
      declare
        o opportunity;
        ow uuid;
        tm uuid;
        pl uuid;
      begin
        select * into o from opportunity where id = h.opportunity_id;
        if not found or o.deleted_at is not null then return; end if;
        select owner_id, team_id into ow, tm from customer_access where customer_id = o.customer_id;
        select pipeline_id into pl from pipeline_stage where id = o.stage_id;
        insert into sales_rollup_stay as r (month, owner_id, team_id, pipeline_id, stage_id, stays, closed_seconds, open_stays, open_entered)
          values ((date_trunc('month', o.created_at at time zone 'UTC'))::date, ow, tm, pl, h.stage_id, p_sign,
                  p_sign * case when h.left_at is not null then extract(epoch from h.left_at) - extract(epoch from h.entered_at) else 0 end,
                  p_sign * (h.left_at is null)::integer,
                  p_sign * case when h.left_at is null then extract(epoch from h.entered_at) else 0 end)
          on conflict on constraint sales_rollup_stay_key do update set stays = r.stays + excluded.stays, closed_seconds = r.closed_seconds + excluded.closed_seconds,
            open_stays = r.open_stays + excluded.open_stays, open_entered = r.open_entered + excluded.open_entered;
      end $$;`);
    this.addSql(`
      create function sales_rollup_stay_changed() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then perform sales_rollup_stay_row(old, -1); end if;
        if tg_op <> 'DELETE' then perform sales_rollup_stay_row(new, 1); end if;
        return null;
      end $$;`);
    this.addSql(`
      create trigger sales_rollup_stay_changed after insert or update or delete on opportunity_stage_history
        for each row execute function sales_rollup_stay_changed();`);

    // A transfer (or a first or removed access row) moves the customer's deals between owners' rows.
    this.addSql(`
      create function sales_rollup_access_changed() returns trigger language plpgsql as $$
      declare
        o opportunity;
        c uuid := case when tg_op = 'DELETE' then old.customer_id else new.customer_id end;
        old_owner uuid := case when tg_op = 'INSERT' then null else old.owner_id end;
        old_team uuid := case when tg_op = 'INSERT' then null else old.team_id end;
        new_owner uuid := case when tg_op = 'DELETE' then null else new.owner_id end;
        new_team uuid := case when tg_op = 'DELETE' then null else new.team_id end;
      begin
        if (old_owner, old_team) is not distinct from (new_owner, new_team) then return null; end if;
        for o in select * from opportunity where customer_id = c loop
          perform sales_rollup_opportunity(o, old_owner, old_team, -1, true);
          perform sales_rollup_opportunity(o, new_owner, new_team, 1, true);
        end loop;
        return null;
      end $$;`);
    this.addSql(`
      create trigger sales_rollup_access_changed after insert or update or delete on customer_access
        for each row execute function sales_rollup_access_changed();`);

    this.addSql(`
      create function sales_pipeline_rollup_rebuild() returns void language sql as $$
        truncate sales_rollup_pipeline, sales_rollup_cohort, sales_rollup_stay;
        insert into sales_rollup_pipeline (month, owner_id, team_id, stage_id, currency, deals, amount)
          select (date_trunc('month', o.expected_close_date))::date, ca.owner_id, ca.team_id, o.stage_id, o.currency, count(*), sum(o.amount)
            from opportunity o left join customer_access ca on ca.customer_id = o.customer_id
           where o.deleted_at is null and o.status = 'OPEN' and o.expected_close_date is not null group by 1, 2, 3, 4, 5;
        insert into sales_rollup_cohort (month, owner_id, team_id, stage_id, furthest_stage_id, status, currency, deals, amount)
          select (date_trunc('month', o.created_at at time zone 'UTC'))::date, ca.owner_id, ca.team_id, o.stage_id, o.furthest_stage_id, o.status, o.currency, count(*), sum(o.amount)
            from opportunity o left join customer_access ca on ca.customer_id = o.customer_id
           where o.deleted_at is null group by 1, 2, 3, 4, 5, 6, 7;
        insert into sales_rollup_stay (month, owner_id, team_id, pipeline_id, stage_id, stays, closed_seconds, open_stays, open_entered)
          select (date_trunc('month', o.created_at at time zone 'UTC'))::date, ca.owner_id, ca.team_id, s.pipeline_id, h.stage_id, count(*),
                 coalesce(sum(extract(epoch from h.left_at) - extract(epoch from h.entered_at)) filter (where h.left_at is not null), 0),
                 count(*) filter (where h.left_at is null),
                 coalesce(sum(extract(epoch from h.entered_at)) filter (where h.left_at is null), 0)
            from opportunity o join pipeline_stage s on s.id = o.stage_id join opportunity_stage_history h on h.opportunity_id = o.id
            left join customer_access ca on ca.customer_id = o.customer_id
           where o.deleted_at is null group by 1, 2, 3, 4, 5;
      $$;`);
    this.addSql('select sales_pipeline_rollup_rebuild();');

    // The order line roll-ups of Migration20261205180100, now also per day and currency.
    this.addSql(`
      create or replace function sales_rollup_add(p_order uuid, p_product uuid, p_currency char(3), p_lines integer, p_quantity numeric, p_amount numeric) returns void language plpgsql as $$
      declare
        o record;
        p record;
      begin
        select status, customer_id, (date_trunc('month', confirmed_at at time zone 'UTC'))::date as month, (confirmed_at at time zone 'UTC')::date as day into o from sales_order where id = p_order;
        if not found or o.status = 'CANCELLED' then return; end if;
        select industry, region, country into p from customer_profile where customer_id = o.customer_id;
        insert into sales_rollup_product as r (month, product_id, currency, lines, quantity, amount) values (o.month, p_product, p_currency, p_lines, p_quantity, p_amount)
          on conflict (month, product_id, currency) do update set lines = r.lines + excluded.lines, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount;
        insert into sales_rollup_segment as r (month, industry, region, country, currency, lines, quantity, amount) values (o.month, p.industry, p.region, p.country, p_currency, p_lines, p_quantity, p_amount)
          on conflict on constraint sales_rollup_segment_key do update set lines = r.lines + excluded.lines, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount;
        insert into sales_rollup_day as r (day, currency, amount) values (o.day, p_currency, p_amount)
          on conflict (day, currency) do update set amount = r.amount + excluded.amount;
      end $$;`);
    this.addSql(`
      create or replace function sales_rollup_remove(o sales_order, p_product uuid, p_currency char(3), p_quantity numeric, p_amount numeric) returns void language plpgsql as $$
      declare
        p record;
        m date := (date_trunc('month', o.confirmed_at at time zone 'UTC'))::date;
      begin
        select industry, region, country into p from customer_profile where customer_id = o.customer_id;
        update sales_rollup_product set lines = lines - 1, quantity = quantity - p_quantity, amount = amount - p_amount
          where month = m and product_id = p_product and currency = p_currency;
        update sales_rollup_segment set lines = lines - 1, quantity = quantity - p_quantity, amount = amount - p_amount
          where month = m and industry is not distinct from p.industry and region is not distinct from p.region and country is not distinct from p.country and currency = p_currency;
        update sales_rollup_day set amount = amount - p_amount where day = (o.confirmed_at at time zone 'UTC')::date and currency = p_currency;
      end $$;`);
    this.addSql(`
      create or replace function sales_rollup_rebuild() returns void language sql as $$
        truncate sales_rollup_product, sales_rollup_segment, sales_rollup_day;
        insert into sales_rollup_product (month, product_id, currency, lines, quantity, amount)
          select (date_trunc('month', so.confirmed_at at time zone 'UTC'))::date, l.product_id, l.currency, count(*), sum(l.quantity), sum(l.line_total)
            from sales_order so join sales_order_line l on l.order_id = so.id where so.status <> 'CANCELLED' group by 1, 2, 3;
        insert into sales_rollup_segment (month, industry, region, country, currency, lines, quantity, amount)
          select (date_trunc('month', so.confirmed_at at time zone 'UTC'))::date, p.industry, p.region, p.country, l.currency, count(*), sum(l.quantity), sum(l.line_total)
            from sales_order so join sales_order_line l on l.order_id = so.id left join customer_profile p on p.customer_id = so.customer_id
           where so.status <> 'CANCELLED' group by 1, 2, 3, 4, 5;
        insert into sales_rollup_day (day, currency, amount)
          select (so.confirmed_at at time zone 'UTC')::date, l.currency, sum(l.line_total)
            from sales_order so join sales_order_line l on l.order_id = so.id where so.status <> 'CANCELLED' group by 1, 2;
      $$;`);
    this.addSql('select sales_rollup_rebuild();');
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists sales_rollup_access_changed on customer_access;');
    this.addSql('drop trigger if exists sales_rollup_stay_changed on opportunity_stage_history;');
    this.addSql('drop trigger if exists sales_rollup_opportunity_changed on opportunity;');
    this.addSql(
      'drop function if exists sales_pipeline_rollup_rebuild(), sales_rollup_access_changed(), sales_rollup_stay_changed(), sales_rollup_stay_row(opportunity_stage_history, integer), sales_rollup_opportunity_changed(), sales_rollup_opportunity(opportunity, uuid, uuid, integer, boolean);',
    );
    // sales_rollup_day stays: the order line roll-up functions replaced above write it.
    this.addSql('drop table if exists sales_rollup_pipeline, sales_rollup_cohort, sales_rollup_stay;');
  }
}
