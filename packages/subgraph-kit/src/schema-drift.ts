import { BooleanType } from '@mikro-orm/core';
import { DatabaseSchema, SchemaComparator, type MikroORM } from '@mikro-orm/postgresql';

/**
 * What a subgraph's database holds that no entity maps, because only raw SQL reads and writes it,
 * each with the reason: the schema comparator would propose dropping it.
 */
export interface UnmappedSchema {
  /** Table name → why no entity maps it. */
  tables?: Readonly<Record<string, string>>;
  /** `table.column` → why the table's entity has no property for it. */
  columns?: Readonly<Record<string, string>>;
}

/** Columns of the kit's and the bus's tables that their entities leave out. */
export const KIT_UNMAPPED_COLUMNS: Readonly<Record<string, string>> = {
  'outbox_message.position': "the outbox's write order, numbered by the database; only the relay's raw SQL reads it (bus-tables.migration.ts)",
};

/** The kit's own tables without entities, in every subgraph's database (the customer_* ones where `customerAccess` is on). */
export const KIT_UNMAPPED_TABLES: Readonly<Record<string, string>> = {
  idempotency_key: 'claimed and answered by raw SQL inside the idempotent-mutation transaction (idempotency.ts)',
  access_revocation: "identity's access revocations, inserted and loaded by raw SQL (revocation.ts)",
  customer_merge: 'which customers were merged into which, kept by raw SQL in the customer-access handlers (visibility.ts)',
  customer_deletion: 'which customers are deleted, kept by raw SQL in the customer-access handlers (visibility.ts)',
  company_profile_copy: "the newest snapshot of identity's company profile, kept by raw SQL where `companyProfileCopy` is on (company-profile.ts)",
  print_customer: "customers' names for printed documents, a read copy kept by raw SQL where `printRecipientCopy` is on (print-recipient.ts)",
  print_customer_address: "customers' addresses for printed documents, a read copy kept by raw SQL where `printRecipientCopy` is on (print-recipient.ts)",
};

export interface SchemaDrift {
  /**
   * The SQL MikroORM's schema generator would run to make the migrated database match the entity
   * metadata, less the database-only rules below: empty when they agree.
   */
  sql: string;
  /**
   * Rules only the migrations state, which the entities do not model and need not, as
   * `table: name`: indexes (partial, expression and unique ones beyond the entities' own), CHECK
   * constraints, foreign keys between plain uuid columns (the entities declare no relations), and
   * triggers (e.g. inventory's append-only ledger; MikroORM 7 compares triggers too).
   * The comparator would drop them; they make the database stricter than the metadata, never
   * different from it.
   */
  databaseOnly: string[];
  /**
   * Differences the comparator does not see, as `table.column: what`: it takes a boolean column
   * without a default for one defaulting to true, so the presence of boolean defaults is compared here.
   */
  unseen: string[];
}

const DATABASE_ONLY_RULES = ['removedIndexes', 'removedChecks', 'removedForeignKeys', 'removedTriggers'] as const;

/**
 * Compares the database `orm` is connected to with `orm`'s entity metadata, with MikroORM's own
 * schema comparator. Every table and column the metadata declares (type, precision and scale,
 * length, nullability, default) and every index, unique constraint and check it declares must be in
 * the database as declared, and every table and column in the database must be mapped or listed in
 * `unmapped` (the kit's own tables always are).
 */
export async function schemaDrift(orm: MikroORM, unmapped: UnmappedSchema = {}): Promise<SchemaDrift> {
  const platform = orm.em.getPlatform();
  const skipTables = Object.keys({ ...KIT_UNMAPPED_TABLES, ...unmapped.tables });
  const fromSchema = await DatabaseSchema.create(orm.em.getConnection(), platform, orm.config, undefined, undefined, undefined, skipTables);
  const toSchema = orm.schema.getTargetSchema();
  const unseen: string[] = [];
  for (const target of toSchema.getTables()) {
    if (!fromSchema.hasTable(target.name)) continue;
    const actual = fromSchema.getTable(target.name);
    for (const column of target.getColumns()) {
      const existing = actual?.getColumn(column.name);
      if (!existing || !(column.mappedType instanceof BooleanType)) continue;
      if ((existing.default == null) !== (column.default == null)) {
        unseen.push(`${target.name}.${column.name}: default ${existing.default ?? 'none'} in the database, ${column.default ?? 'none'} in the metadata`);
      }
    }
  }
  const diff = new SchemaComparator(platform).compare(fromSchema, toSchema);
  const databaseOnly: string[] = [];
  const unmappedColumns = new Set(Object.keys({ ...KIT_UNMAPPED_COLUMNS, ...unmapped.columns }));
  for (const [key, table] of Object.entries(diff.changedTables)) {
    const name = table.toTable.name; // the key may carry the schema: public.invoice
    for (const kind of DATABASE_ONLY_RULES) {
      for (const rule of Object.keys(table[kind])) databaseOnly.push(`${name}: ${rule}`);
      table[kind] = {};
    }
    for (const column of Object.keys(table.removedColumns)) {
      if (unmappedColumns.has(`${name}.${column}`)) delete table.removedColumns[column];
    }
    const { name: _name, fromTable: _from, toTable: _to, ...changes } = table;
    const changed = Object.values(changes).some((entry) => (entry === undefined ? false : typeof entry === 'string' || Object.keys(entry).length > 0));
    if (!changed) delete diff.changedTables[key];
  }
  const sql = await orm.schema.diffToSQL(diff, { wrap: false, safe: false, dropTables: true });
  return { sql: sql.trim(), databaseOnly: databaseOnly.sort(), unseen };
}

/** Whether the database `orm` is connected to has `table` (and `column` of it, when given). */
export async function hasDatabaseObject(orm: MikroORM, table: string, column?: string): Promise<boolean> {
  const rows = await orm.em
    .getConnection()
    .execute<{ n: string }[]>(
      column
        ? `select count(*) as n from information_schema.columns where table_schema = current_schema() and table_name = ? and column_name = ?`
        : `select count(*) as n from information_schema.tables where table_schema = current_schema() and table_name = ?`,
      column ? [table, column] : [table],
    );
  return Number(rows[0]?.n ?? 0) > 0;
}
