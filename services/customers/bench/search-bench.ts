/**
 * Customer search benchmark: `npm run bench:search -w @rapport/customers`.
 *
 * Creates its own database (rapport_bench_search) through the service's migrations, loads
 * 1,000,000 customers and ~1,500,000 contacts with INSERT … SELECT from generate_series, runs
 * VACUUM ANALYZE, then times searchCustomers (20 runs per case, p50/p95) and drops the database.
 */
import { performance } from 'node:perf_hooks';
import type { Principal } from '@rapport/auth';
import { callerOf } from '@rapport/subgraph-kit';
import { percentile, withBenchService } from '@rapport/subgraph-kit/testing';
import { createCustomersService } from '../src/create-customers-service.js';
import { customerPolicy } from '../src/modules/customer/customer.policy.js';
import type { CustomerFilter } from '../src/modules/customer/customer.service.js';
import { searchCustomers } from '../src/modules/search/search.service.js';

const DB = 'rapport_bench_search';
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const CONTACTS = Math.round(CUSTOMERS * 1.5);
const RUNS = 20;

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const sqlArray = (values: string[]): string => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

const BRANDS = sqlArray([
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Vandelay',
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Litware',
  'Adventure',
  'Tailspin',
  'Woodgrove',
  'Proseware',
  'Alpine',
  'Baltic',
  'Cascade',
  'Danube',
  'Everest',
  'Fjord',
  'Granite',
  'Harbor',
  'Iberia',
  'Jasper',
  'Kestrel',
  'Lagoon',
  'Meridian',
  'Nordic',
  'Orion',
  'Pioneer',
  'Quantum',
  'Riverside',
  'Summit',
  'Titan',
  'Union',
  'Vertex',
  'Westfield',
  'Xenon',
  'Yellowstone',
  'Zenith',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Schulz',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Dubois',
  'Moreau',
  'Laurent',
  'Lefebvre',
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Romano',
  'Garcia',
  'Martinez',
  'Lopez',
  'Gonzalez',
  'Nowak',
  'Kowalski',
  'Jansen',
  'De Vries',
  'Van Dijk',
  'Andersson',
  'Johansson',
  'Nielsen',
  'Hansen',
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Evans',
  'Thomas',
  'Roberts',
  'Walker',
  'Wright',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
  'Blue Sky',
  'Red Rock',
  'Silver Line',
  'Golden Gate',
  'Green Valley',
  'Iron Bridge',
  'Oak Tree',
  'Sunrise',
  'Starlight',
  'Bluewater',
  'Highland',
  'Lakeside',
  'Seaside',
  'Eastgate',
]);
const TRADES = sqlArray([
  'Pumps',
  'Logistics',
  'Bakery',
  'Consulting',
  'Engineering',
  'Software',
  'Foods',
  'Motors',
  'Textiles',
  'Pharma',
  'Plastics',
  'Steel',
  'Timber',
  'Solar',
  'Energy',
  'Construction',
  'Dental',
  'Optics',
  'Printing',
  'Packaging',
  'Chemicals',
  'Robotics',
  'Furniture',
  'Brewery',
  'Dairy',
  'Farms',
  'Hotels',
  'Travel',
  'Insurance',
  'Capital',
  'Holdings',
  'Industries',
  'Systems',
  'Labs',
  'Media',
  'Studios',
  'Trading',
  'Imports',
  'Supplies',
  'Plumbing',
  'Electric',
  'Hydraulics',
  'Valves',
  'Tools',
  'Machines',
  'Medical',
  'Clinic',
  'Pharmacy',
  'Garden',
  'Fashion',
  'Shoes',
  'Jewels',
]);
const SUFFIXES = sqlArray(['GmbH', 'AG', 'Ltd', 'Inc.', 'LLC', 'GmbH & Co. KG', 'S.A.', 'B.V.', 'SARL', 'Group', '', '', '']);
const FIRST = sqlArray([
  'Anna',
  'Peter',
  'Maria',
  'Thomas',
  'Julia',
  'Michael',
  'Laura',
  'Stefan',
  'Sarah',
  'Andreas',
  'Lisa',
  'Markus',
  'Emma',
  'Lukas',
  'Sophie',
  'Jonas',
  'Lea',
  'Felix',
  'Mia',
  'Paul',
  'John',
  'Mary',
  'James',
  'Linda',
  'Robert',
  'Susan',
  'David',
  'Karen',
  'Pierre',
  'Camille',
  'Luca',
  'Giulia',
  'Carlos',
  'Lucia',
  'Jan',
  'Eva',
  'Lars',
  'Ingrid',
  'Olga',
  'Ivan',
  'Fatima',
  'Ahmed',
  'Yuki',
  'Hiro',
  'Chen',
  'Wei',
  'Priya',
  'Raj',
]);
const LAST = sqlArray([
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Schulz',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Martin',
  'Dubois',
  'Rossi',
  'Garcia',
  'Nowak',
  'Jansen',
  'Nielsen',
  'Tanaka',
  'Wang',
  'Kumar',
  'Gibbons',
  'Belson',
  'Lumbergh',
  'Bolton',
  'Nagheenanajar',
  'Waddams',
  'Porter',
]);
const TAGS = sqlArray(['water', 'industrial', 'retail', 'export', 'key-account', 'public-sector', 'vip', 'late-payer', 'new', 'partner']);

function loadSql(): string[] {
  // h(i, k): a cheap, deterministic pseudo-random non-negative integer per row and purpose.
  const h = (expr: string, k: number) => `(hashint8(${expr}::bigint * 7919 + ${k})::bigint & 2147483647)`;
  const pick = (arr: string, expr: string, k: number) => `(${arr})[1 + ${h(expr, k)} % cardinality(${arr})]`;
  return [
    `create temp table owners as select g as n, md5('owner' || g)::uuid as owner_id, md5('team' || (g % 20))::uuid as team_id from generate_series(0, 199) g`,
    `insert into customer (id, name, kind, lifecycle_state, email, phone, owner_id, team_id, tier, tags, created_at, updated_at)
     select md5('c' || i)::uuid,
            case when i % 10 < 7
                 then trim(${pick(BRANDS, 'i', 1)} || ' ' || ${pick(TRADES, 'i', 2)} || ' ' || ${pick(SUFFIXES, 'i', 3)})
                      || case when i % 5 = 0 then ' ' || (1 + ${h('i', 4)} % 500)::text else '' end
                 else ${pick(FIRST, 'i', 5)} || ' ' || ${pick(LAST, 'i', 6)} end,
            case when i % 10 < 7 then 'COMPANY' else 'PERSON' end,
            (array['LEAD','PROSPECT','ACTIVE','DORMANT','LOST'])[1 + ${h('i', 7)} % 5],
            case when i % 2 = 0 then 'info' || i || '@' || lower(replace(${pick(BRANDS, 'i', 1)}, ' ', '')) || '.example' end,
            case when i % 3 <> 0 then '+49 ' || (30 + ${h('i', 8)} % 70)::text || ' ' || lpad((${h('i', 9)} % 100000000)::text, 8, '0') end,
            o.owner_id, o.team_id,
            (array['A','B','C',null])[1 + ${h('i', 10)} % 4],
            case ${h('i', 11)} % 4 when 0 then '{}'::text[]
                 when 1 then array[${pick(TAGS, 'i', 12)}]
                 else array(select distinct t from unnest(array[${pick(TAGS, 'i', 12)}, ${pick(TAGS, 'i', 13)}, ${pick(TAGS, 'i', 14)}]) t) end,
            now() - (${h('i', 15)} % 2000) * interval '1 day', now()
       from generate_series(1, ${CUSTOMERS}) i join owners o on o.n = i % 200`,
    `insert into customer_access (customer_id, owner_id, team_id) select id, owner_id, team_id from customer`,
    `insert into contact (id, customer_id, name, emails, phones, is_primary, created_at, updated_at)
     select md5('k' || j)::uuid, md5('c' || (1 + (j - 1) % ${CUSTOMERS}))::uuid,
            ${pick(FIRST, 'j', 21)} || ' ' || ${pick(LAST, 'j', 22)},
            array[lower(${pick(FIRST, 'j', 21)} || '.' || replace(${pick(LAST, 'j', 22)}, ' ', '')) || j || '@' || lower(replace(${pick(BRANDS, 'j', 23)}, ' ', '')) || '.example'],
            case when j % 4 <> 0 then array['+1 555 ' || lpad((${h('j', 24)} % 10000000)::text, 7, '0')] else '{}'::text[] end,
            false, now(), now()
       from generate_series(1, ${CONTACTS}) j`,
    // VACUUM, not only ANALYZE: it also merges the GIN indexes' pending lists, as autovacuum does
    // after bulk inserts on a production server (this machine runs with autovacuum off); unmerged,
    // every search reads the lists whole (the phone case's 44-47 ms per lookup, README).
    'vacuum analyze customer',
    'vacuum analyze contact',
    'vacuum analyze customer_access',
  ];
}

async function main(): Promise<void> {
  await withBenchService('customers', createCustomersService, DB, async (service) => {
    const em = service.orm.em.fork();
    let started = performance.now();
    const [kept] = process.env.BENCH_REUSE ? await em.execute<{ n: string }[]>('select count(*) as n from customer') : [];
    if (kept && Number(kept.n) > 0) out(`reused ${DB} (BENCH_REUSE=1): ${Number(kept.n).toLocaleString('en')} customers`);
    else {
      for (const sql of loadSql()) await em.execute(sql);
      out(`loaded ${CUSTOMERS.toLocaleString('en')} customers and ${CONTACTS.toLocaleString('en')} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    const sampleRow = Math.floor((CUSTOMERS * 0.4242) / 3) * 3 + 1; // a customer with a phone
    const [sample] = await em.execute<{ name: string; email: string; phone: string }[]>(
      `select c.name, k.emails[1] as email, c.phone from customer c join contact k on k.customer_id = c.id
      where c.id = md5('c' || ?)::uuid and c.phone is not null limit 1`,
      [sampleRow],
    );
    const [scoped] = await em.execute<{ name: string; owner_id: string; tags: string[] }[]>(
      `select name, owner_id, tags from customer where tier = 'A' and cardinality(tags) > 0 and kind = 'COMPANY' order by id limit 1`,
    );
    if (!sample || !scoped) throw new Error('bench data missing');
    const typo = (name: string) => name.replace(/^(\S+ \S)\S/, '$1'); // drops a letter of the second word
    const principal: Principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'bench@example.com', role: 'ADMIN', teamIds: [], tokenId: 'bench' };
    const rep: Principal = { userId: scoped.owner_id, email: 'rep@example.com', role: 'SALES_REP', teamIds: [], tokenId: 'bench' };
    const cases: { label: string; query: string; filter?: CustomerFilter; as?: Principal }[] = [
      { label: 'fuzzy name', query: typo(sample.name) },
      { label: 'email', query: sample.email },
      { label: 'phone', query: sample.phone.replace(/^\+49 /, '') },
      { label: 'fuzzy name + tier/tags/owner', query: typo(scoped.name), filter: { tier: 'A', tags: [scoped.tags[0]!], ownerId: scoped.owner_id } },
      // extra: a short, very common query (thousands of near matches) and the same as a sales rep
      { label: 'extra: short common name', query: 'acme pmps' },
      { label: 'extra: short common, as a rep', query: 'acme pmps', as: rep },
    ];
    out(`runs per case: ${RUNS}; first page of 20; ADMIN caller; via searchCustomers()`);
    for (const c of cases) {
      const times: number[] = [];
      let hits = 0;
      let top = '';
      for (let i = 0; i < RUNS + 2; i++) {
        started = performance.now();
        const result = await searchCustomers(service.orm.em.fork(), callerOf(c.as ?? principal).viewer(customerPolicy, 'read'), c.query, c.filter, 20, null);
        const elapsed = performance.now() - started;
        if (i >= 2) times.push(elapsed); // two warm-up runs
        hits = result.edges.length;
        top = result.edges[0] ? `${result.edges[0].node.name} (${result.edges[0].score})` : '-';
      }
      times.sort((a, b) => a - b);
      out(
        `${c.label.padEnd(30)} query=${JSON.stringify(c.query).padEnd(40)} p50=${percentile(times, 50).toFixed(1)} ms  p95=${percentile(times, 95).toFixed(1)} ms  hits=${hits}  top=${top}`,
      );
    }
  });
}

await main();
