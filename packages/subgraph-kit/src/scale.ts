// The scale data set (issue 15 item 5: a million customers and ten million related rows), as every
// owning service's bulk loader writes its part of it. Customer n (1…customers) has an id, an owner and
// documents that follow from n alone, so each service generates its rows with one set-based
// statement per table (`generate_series`) and they agree across databases without a million events.
// Half the customers (n even) have open work: open tickets, an open deal, an open order and an overdue
// invoice; the benchmarked rep owns every `step`-th customer, so the rep's look like everyone else's.

/** What a bulk loader needs of a database connection (a `pg` Client or PoolClient has it). */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

export interface ScaleSpec {
  /** Customers 1…customers. */
  customers: number;
  /** The benchmarked rep, owner of `repCustomers` of them. */
  repId: string;
  repCustomers: number;
  /** The owners of all the others, in turn. */
  otherOwnerIds: readonly string[];
  /** Products the orders sell (existing products, so the sales copies and rollups name real ones). */
  productIds: readonly string[];
  /** Rows per statement: each table is written in chunks of this many customers, one transaction each. */
  chunk?: number;
}

/** The kinds of scale rows, each with its own block of ids. */
const SCALE_KINDS = {
  customer: 1,
  contact: 2,
  address: 3,
  ticket: 4,
  opportunity: 5,
  order: 6,
  'order-line': 7,
  'order-invoice': 8,
  invoice: 9,
  'invoice-line': 10,
  payment: 11,
} as const;
export type ScaleKind = keyof typeof SCALE_KINDS;

/**
 * The id of row `kind` number `n` (an SQL integer expression, by default the column `c.n`): a valid
 * version-4 uuid whose last twelve digits count up, so a bulk load appends to each index's right
 * edge as time-ordered ids would, instead of scattering random ids over a million-entry B-tree.
 */
export const scaleIdSql = (kind: ScaleKind, n = 'c.n'): string => `('5ca1e000-${SCALE_KINDS[kind].toString(16).padStart(4, '0')}-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/**
 * The scale customers of one chunk as a FROM item `c` (columns `n`, `customer_id`, `owner_id`), given
 * `$1` = first n, `$2` = last n, `$3` the rep's id, `$4` the step between the rep's customers, `$5`
 * how many the rep owns, `$6` the other owners (uuid[]): every bulk statement selects from it and
 * takes these six parameters first (`scaleParams`), more from `$7` on.
 */
export const SCALE_CUSTOMERS_SQL = `(select n, ${scaleIdSql('customer', 'n')} as customer_id,
    case when n % $4::int = 0 and n / $4::int <= $5::int then $3::uuid else ($6::uuid[])[1 + n % cardinality($6::uuid[])] end as owner_id
  from generate_series($1::int, $2::int) as n) as c`;

/** The six leading parameters of every statement (see SCALE_CUSTOMERS_SQL) for customers from…to. */
export function scaleParams(spec: ScaleSpec, from: number, to: number): unknown[] {
  if (spec.otherOwnerIds.length === 0) throw new Error('scale: otherOwnerIds must name at least one owner');
  // Even, so every customer of the rep has open work (as every even n has).
  const step = 2 * Math.floor(spec.customers / spec.repCustomers / 2);
  if (step < 2) throw new Error(`scale: repCustomers (${spec.repCustomers}) must be at most half of customers (${spec.customers})`);
  return [from, to, spec.repId, step, spec.repCustomers, `{${spec.otherOwnerIds.join(',')}}`];
}

/** Runs `write(from, to)` for each chunk of customers, each in its own transaction. */
export async function inScaleChunks(db: SqlRunner, spec: ScaleSpec, write: (from: number, to: number) => Promise<void>): Promise<void> {
  const chunk = spec.chunk ?? 250_000;
  for (let from = 1; from <= spec.customers; from += chunk) {
    const to = Math.min(spec.customers, from + chunk - 1);
    await db.query('begin');
    try {
      await write(from, to);
      await db.query('commit');
    } catch (error) {
      await db.query('rollback');
      throw error;
    }
  }
}

/**
 * A service's `customer_access` rows for the scale customers, as the kit's consumer of
 * `customers.customer.created.v1` would have written them one event at a time (owner, no team,
 * shared with nobody): the read copy's bulk path, used instead of a million events.
 */
export async function insertScaleCustomerAccess(db: SqlRunner, spec: ScaleSpec, from: number, to: number): Promise<number> {
  const { rowCount } = await db.query(
    `insert into customer_access (customer_id, owner_id, team_id, updated_at) select c.customer_id, c.owner_id, null, now() from ${SCALE_CUSTOMERS_SQL}`,
    scaleParams(spec, from, to),
  );
  return rowCount ?? 0;
}

/** Customer n's order (sales) and its copy and invoice (finance) sell one line: this quantity… */
export const SCALE_QUANTITY_SQL = `(1 + c.n % 5)::numeric(19,3)`;
/** …at this unit price (EUR, no discount, no tax) … */
export const SCALE_PRICE_SQL = `(100 + c.n % 50)::numeric(19,4)`;
/** …of this product (`$7`: the products, uuid[]; see scaleProductsParam). */
export const SCALE_PRODUCT_SQL = `($7::uuid[])[1 + c.n % cardinality($7::uuid[])]`;

/** The `$7` parameter of statements that name products. */
export function scaleProductsParam(spec: ScaleSpec): string {
  if (spec.productIds.length === 0) throw new Error('scale: productIds must name at least one product');
  return `{${spec.productIds.join(',')}}`;
}
