import { inScaleChunks, insertScaleCustomerAccess, SCALE_CUSTOMERS_SQL, scaleIdSql, scaleParams, type ScaleSpec, type SqlRunner } from '@rapport/subgraph-kit';

// The customers service's part of the scale data set (issue 15 item 5; `@rapport/subgraph-kit`'s
// scale.ts says how customer n's rows follow from n): a million customers, each with a primary
// contact and a billing address, and their visibility rows, one set-based statement per table and
// chunk. Unlike the CSV import, it writes no audit entries and no `customers.customer.created.v1`
// events: the services that keep read copies of customers load theirs with their own bulk loaders,
// because feeding a million events through their consumers takes far longer than the ten minutes
// the issue allows (the scale bench measures that rate on an imported sample and reports it).

/** Rows written per table. */
export type ScaleCustomerRows = Record<'customer' | 'contact' | 'customer_address' | 'customer_access', number>;

const CITIES = `array['Leipzig','Berlin','Hamburg','Munich','Cologne','Vienna','Zurich','Lyon']`;

/** Writes the scale customers, contacts, addresses and `customer_access` rows (chunk by chunk). */
export async function loadScaleCustomers(db: SqlRunner, spec: ScaleSpec): Promise<ScaleCustomerRows> {
  const rows: ScaleCustomerRows = { customer: 0, contact: 0, customer_address: 0, customer_access: 0 };
  await inScaleChunks(db, spec, async (from, to) => {
    const params = scaleParams(spec, from, to);
    const customers = await db.query(
      `insert into customer (id, name, kind, lifecycle_state, email, owner_id, team_id, tier, created_at, updated_at)
       select c.customer_id, 'Scale customer ' || lpad(c.n::text, 7, '0'), case when c.n % 5 = 0 then 'PERSON' else 'COMPANY' end, 'ACTIVE',
              'c' || c.n || '@scale.example', c.owner_id, null, (array['A','B','C'])[1 + c.n % 3], now() - (c.n % 1000) * interval '1 day', now()
         from ${SCALE_CUSTOMERS_SQL}`,
      params,
    );
    const contacts = await db.query(
      `insert into contact (id, customer_id, name, emails, phones, is_primary, created_at, updated_at)
       select ${scaleIdSql('contact')}, c.customer_id, 'Contact ' || c.n, array['contact' || c.n || '@scale.example'], array['+49 341 ' || c.n], true, now(), now()
         from ${SCALE_CUSTOMERS_SQL}`,
      params,
    );
    const addresses = await db.query(
      `insert into customer_address (id, customer_id, kind, street, postal_code, city, country, created_at, updated_at)
       select ${scaleIdSql('address')}, c.customer_id, 'BILLING', c.n || ' Scale Street', lpad((c.n % 99999)::text, 5, '0'),
              (${CITIES})[1 + c.n % 8], 'DE', now(), now()
         from ${SCALE_CUSTOMERS_SQL}`,
      params,
    );
    rows.customer += customers.rowCount ?? 0;
    rows.contact += contacts.rowCount ?? 0;
    rows.customer_address += addresses.rowCount ?? 0;
    rows.customer_access += await insertScaleCustomerAccess(db, spec, from, to);
  });
  return rows;
}
