import { createLogger, createOrm, type MikroORM } from '@rapport/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from './index.js';

// Invoices and payments written before invoices had lines and payments had allocations keep
// working: each invoice gets one line and one tax row for its total, keeps its number and what was
// paid; each payment names its customer and becomes an allocation to the invoice it paid.
let database: TestDatabase;
let orm: MikroORM;
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().getConnection().execute<T[]>(query, params);
const customerId = '0191b3a0-0000-7000-8000-00000000c001';
const paidInvoice = '0191b3a0-0000-7000-8000-0000000000a1';
const openInvoice = '0191b3a0-0000-7000-8000-0000000000a2';
const paymentId = '0191b3a0-0000-7000-8000-0000000000b1';

beforeAll(async () => {
  database = await createTestDatabase('finance_migration');
  orm = await createOrm({ url: database.url, entities: [], migrations, logger: createLogger('finance-migration', 'silent') });
  await orm.migrator.up({ to: 'Migration20261205100000' });
  await sql(
    `insert into invoice (id, number, customer_id, order_id, issue_date, due_date, currency, total, amount_paid, status) values
       (?, 'INV-000001', ?, null, '2026-10-01', '2026-10-31', 'EUR', 250.00, 100.00, 'PARTIALLY_PAID'),
       (?, 'INV-000002', ?, null, '2026-11-01', '2026-11-30', 'USD', 99.99, 0, 'ISSUED')`,
    [paidInvoice, customerId, openInvoice, customerId],
  );
  await sql(`insert into payment (id, invoice_id, amount, currency, paid_on) values (?, ?, 100.00, 'EUR', '2026-10-15')`, [paymentId, paidInvoice]);
  await orm.migrator.up();
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

describe('migrating existing invoices and payments', () => {
  it('gives each invoice one line and one tax row for its total, keeping number, status and what was paid', async () => {
    const invoices = await sql<Record<string, string | number>>(
      'select number, kind, net_total::text, tax_total::text, total::text, amount_paid::text, amount_credited::text, status from invoice order by number',
    );
    expect(invoices).toEqual([
      {
        number: 'INV-000001',
        kind: 'STANDARD',
        net_total: '250.0000',
        tax_total: '0.0000',
        total: '250.0000',
        amount_paid: '100.0000',
        amount_credited: '0.0000',
        status: 'PARTIALLY_PAID',
      },
      { number: 'INV-000002', kind: 'STANDARD', net_total: '99.9900', tax_total: '0.0000', total: '99.9900', amount_paid: '0.0000', amount_credited: '0.0000', status: 'ISSUED' },
    ]);
    const lines = await sql<Record<string, string | number>>(
      'select invoice_id, position, description, quantity::text, unit_price::text, net_amount::text, tax_rate::text from invoice_line order by invoice_id',
    );
    expect(lines).toEqual([
      { invoice_id: paidInvoice, position: 1, description: 'Invoice INV-000001', quantity: '1.000', unit_price: '250.0000', net_amount: '250.0000', tax_rate: '0.0000' },
      { invoice_id: openInvoice, position: 1, description: 'Invoice INV-000002', quantity: '1.000', unit_price: '99.9900', net_amount: '99.9900', tax_rate: '0.0000' },
    ]);
    expect(await sql('select invoice_id, net_amount::text, tax_amount::text from invoice_tax order by invoice_id')).toEqual([
      { invoice_id: paidInvoice, net_amount: '250.0000', tax_amount: '0.0000' },
      { invoice_id: openInvoice, net_amount: '99.9900', tax_amount: '0.0000' },
    ]);
  });

  it('makes each payment a payment of its invoice’s customer, allocated in full to that invoice', async () => {
    expect(await sql('select customer_id, method, account, amount::text, amount_allocated::text from payment')).toEqual([
      { customer_id: customerId, method: 'BANK_TRANSFER', account: 'BANK', amount: '100.0000', amount_allocated: '100.0000' },
    ]);
    expect(await sql('select invoice_id, payment_id, credit_note_id, amount::text, currency, allocated_on::text from allocation')).toEqual([
      { invoice_id: paidInvoice, payment_id: paymentId, credit_note_id: null, amount: '100.0000', currency: 'EUR', allocated_on: '2026-10-15' },
    ]);
  });

  it('numbers new invoices from a counter per year, no longer from the sequence', async () => {
    expect(await sql(`select 1 from pg_class where relname = 'invoice_number_seq'`)).toEqual([]);
    expect(await sql('select count(*)::int as n from document_counter')).toEqual([{ n: 0 }]);
  });
});

describe('issued documents are immutable in the database', () => {
  it('refuses changing what an invoice billed, its lines, or deleting it; lets payments settle it and a merge move it', async () => {
    await expect(sql(`update invoice set total = 1 where id = ?`, [openInvoice])).rejects.toThrow(/immutable/);
    await expect(sql(`update invoice set due_date = '2030-01-01' where id = ?`, [openInvoice])).rejects.toThrow(/immutable/);
    await expect(sql(`delete from invoice where id = ?`, [openInvoice])).rejects.toThrow(/never deleted/);
    await expect(sql(`update invoice_line set quantity = 2 where invoice_id = ?`, [openInvoice])).rejects.toThrow(/immutable/);
    await expect(sql(`delete from invoice_tax where invoice_id = ?`, [openInvoice])).rejects.toThrow(/immutable/);
    await sql(`update invoice set amount_paid = 9.99, status = 'PARTIALLY_PAID', customer_id = ? where id = ?`, ['0191b3a0-0000-7000-8000-00000000c002', openInvoice]);
    expect(await sql('select amount_paid::text, status from invoice where id = ?', [openInvoice])).toEqual([{ amount_paid: '9.9900', status: 'PARTIALLY_PAID' }]);
  });

  it('gives documents already in EUR (the base while none was set) rate 1 and their amount in base, and leaves the others without a rate, which they then keep', async () => {
    expect(await sql('select number, currency, rate_to_base::text, base_total::text from invoice order by number')).toEqual([
      { number: 'INV-000001', currency: 'EUR', rate_to_base: '1.0000000000', base_total: '250.0000' },
      { number: 'INV-000002', currency: 'USD', rate_to_base: null, base_total: null },
    ]);
    expect(await sql('select rate_to_base::text, base_amount::text from payment')).toEqual([{ rate_to_base: '1.0000000000', base_amount: '100.0000' }]);
    await expect(sql('update invoice set rate_to_base = 0.9, base_total = 89.99 where id = ?', [openInvoice])).rejects.toThrow(/rate to base at issue is immutable/);
  });
});
