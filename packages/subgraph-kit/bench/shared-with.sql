-- The visibility filter's two forms at 200,000 customer_access rows (not a test). Run on a scratch database:
--   createdb speed_vis && psql -d speed_vis -f packages/subgraph-kit/bench/shared-with.sql && dropdb speed_vis
-- (as the postgres user at DATABASE_URL's server). Prints each plan with its execution time.
create table customer_access (customer_id uuid primary key, owner_id uuid null, team_id uuid null, shared_with uuid[] not null default '{}', updated_at timestamptz not null default now());
create index customer_access_owner_idx on customer_access (owner_id);
create index customer_access_team_idx on customer_access (team_id);
create index customer_access_shared_idx on customer_access using gin (shared_with);
insert into customer_access (customer_id, owner_id, team_id, shared_with)
 select ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(n % 2000), 12, '0'))::uuid, ('00000000-0000-4000-a000-' || lpad(to_hex(n % 200), 12, '0'))::uuid,
 case when n % 50 = 0 then array[('00000000-0000-4000-8000-' || lpad(to_hex((n / 50) % 2000), 12, '0'))::uuid] else '{}'::uuid[] end from generate_series(1, 200000) n;
analyze customer_access;
\timing on
explain analyze select customer_id from customer_access where owner_id = '00000000-0000-4000-8000-00000000002a' or '00000000-0000-4000-8000-00000000002a' = any(shared_with);
explain analyze select customer_id from customer_access where owner_id = '00000000-0000-4000-8000-00000000002a' or '00000000-0000-4000-8000-00000000002a' = any(shared_with);
explain analyze select customer_id from customer_access where owner_id = '00000000-0000-4000-8000-00000000002a' or shared_with @> array['00000000-0000-4000-8000-00000000002a']::uuid[];
explain analyze select customer_id from customer_access where owner_id = '00000000-0000-4000-8000-00000000002a' or shared_with @> array['00000000-0000-4000-8000-00000000002a']::uuid[];
