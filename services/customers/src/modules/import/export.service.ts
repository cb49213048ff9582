import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { notDeletedSql, type Viewer } from '@rapport/subgraph-kit';
import { applyCustomerFilter, visibleQuery, type CustomerFilter } from '../customer/customer.service.js';
import { csvLine, writeXlsx } from './csv.js';
import { fieldLabel, IMPORT_FIELDS, type ImportField, type ImportFormat } from './import.parser.js';

// Export: the customers the caller may see, filtered as `customers(filter:)` filters them, as a
// file that imports back as is.

/** The export's columns, in order; the header names them as the import's fields (camelCase), so an export imports back as is. */
export const EXPORT_FIELDS: readonly ImportField[] = IMPORT_FIELDS;

interface ExportRow {
  name: string;
  kind: string;
  lifecycle_state: string;
  email: string | null;
  phone: string | null;
  industry: string | null;
  source: string | null;
  tier: string | null;
  tags: string[];
  notes: string | null;
  tax_id: string | null;
  street: string | null;
  city: string | null;
  country: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  owner_id: string | null;
}

/**
 * The customers the caller may see (live ones), by name then id, each with its primary contact
 * and first billing (or other) address, as CSV with a header of import field names. The filter
 * is `customers`' own (visibleQuery and applyCustomerFilter).
 */
export async function exportCustomers(em: SqlEntityManager, viewer: Viewer, filter: CustomerFilter | null | undefined, format?: ImportFormat | null): Promise<string> {
  const exportFormat = format ?? 'CSV';
  // The customers `customers(filter:)` lists: the same base query and filter, as a subquery of ids.
  const customers = visibleQuery(em, viewer);
  applyCustomerFilter(customers, filter);
  const ids = customers.select('c.id').toQuery(); // `?` placeholders, as em.execute expects
  const rows = await em.execute<ExportRow[]>(
    `select c.name, c.kind, c.lifecycle_state, c.email, c.phone, c.industry, c.source, c.tier, c.tags, c.notes, c.tax_id, c.owner_id,
              a.street, a.city, a.country, k.name as contact_name, k.emails[1] as contact_email, k.phones[1] as contact_phone
         from customer c
         left join lateral (select street, city, country from customer_address ad where ad.customer_id = c.id and ${notDeletedSql('ad')}
                            order by (ad.kind = 'BILLING') desc, ad.created_at, ad.id limit 1) a on true
         left join lateral (select name, emails, phones from contact ct where ct.customer_id = c.id and ${notDeletedSql('ct')} and ct.is_primary limit 1) k on true
        where c.id in (${ids.sql})
        order by c.name, c.id`,
    ids.params,
  );
  const table = rows.map((r) => [
    r.name,
    r.kind,
    r.lifecycle_state,
    r.email,
    r.phone,
    r.industry,
    r.source,
    r.tier,
    r.tags.join(';'),
    r.notes,
    r.tax_id,
    r.street,
    r.city,
    r.country,
    r.contact_name,
    r.contact_email,
    r.contact_phone,
    r.owner_id,
  ]);
  const header = EXPORT_FIELDS.map(fieldLabel);
  if (exportFormat === 'XLSX') return (await writeXlsx('Customers', header, table)).toString('base64');
  return `${[header, ...table].map(csvLine).join('\n')}\n`;
}
