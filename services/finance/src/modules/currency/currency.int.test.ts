import { randomUUID } from 'node:crypto';
import { testCast } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';

const subgraph = useFinanceSubgraph();
const { rep, accountant, agent } = testCast();
const customerId = randomUUID();

const setRate = (fromCurrency: string, toCurrency: string, validOn: string, rate: string, who = accountant) =>
  subgraph.gqlAs<{ setExchangeRate: { id: string; rate: string } }>(
    who,
    'mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id fromCurrency toCurrency validOn rate } }',
    { input: { fromCurrency, toCurrency, validOn, rate } },
  );
const rateOn = (fromCurrency: string, toCurrency: string, on: string) =>
  subgraph.gql<{ exchangeRate: { rate: string; validOn: string | null; inverted: boolean } }>(
    'query($f: String!, $t: String!, $on: String) { exchangeRate(fromCurrency: $f, toCurrency: $t, on: $on) { rate validOn inverted } }',
    { f: fromCurrency, t: toCurrency, on },
  );
const importRates = (format: 'CSV' | 'JSON', body: string) =>
  subgraph.gqlAs<{ importExchangeRates: { id: string }[] }>(accountant, 'mutation($input: ImportExchangeRatesInput!) { importExchangeRates(input: $input) { id } }', {
    input: { format, body },
  });
const count = async (sql: string, params: unknown[] = []): Promise<number> => (await subgraph.sql<{ n: number }>(sql, params))[0]!.n;
const rateEvents = () => count(`select count(*)::int as n from outbox_message where type = 'finance.rate.set.v1'`);

interface Snapshot {
  id: string;
  rateToBase: string | null;
  baseTotal: { amount: string; currency: string } | null;
}
async function invoiceIn(currency: string, amount: string, issueDate: string): Promise<Snapshot> {
  const result = await subgraph.must<{ issueFreeInvoice: Snapshot }>(
    'mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id rateToBase baseTotal { amount currency } } }',
    { input: { customerId, currency, issueDate, dueDate: '2026-12-31', lines: [{ description: 'Service', quantity: '1', unitPrice: amount }] } },
  );
  return result.issueFreeInvoice;
}

describe('finance: the base currency and exchange rates', () => {
  it('answers EUR as the base currency until one is set, and an accountant may set it while no document holds a rate', async () => {
    expect((await subgraph.must<{ baseCurrency: string }>('{ baseCurrency }')).baseCurrency).toBe('EUR');
    await subgraph.must('mutation { setBaseCurrency(currency: "chf") }');
    expect((await subgraph.must<{ baseCurrency: string }>('{ baseCurrency }')).baseCurrency).toBe('CHF');
    await subgraph.must('mutation { setBaseCurrency(currency: "EUR") }');
    expect(await count(`select count(*)::int as n from outbox_message where type = 'finance.base-currency.set.v1'`)).toBe(2);
    const bad = await subgraph.gql('mutation { setBaseCurrency(currency: "EURO") }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
  });

  it('takes the latest rate on or before the day, inverts the reverse pair, and names the currencies and day when none is set', async () => {
    const before = await rateEvents();
    expect((await setRate('USD', 'EUR', '2026-01-01', '0.9')).errors).toBeUndefined();
    expect((await setRate('USD', 'EUR', '2026-02-01', '0.92')).data?.setExchangeRate.rate).toBe('0.92');
    expect(await rateEvents()).toBe(before + 2);
    expect((await rateOn('USD', 'EUR', '2026-01-31')).data?.exchangeRate).toEqual({ rate: '0.9', validOn: '2026-01-01', inverted: false });
    expect((await rateOn('USD', 'EUR', '2026-03-15')).data?.exchangeRate).toEqual({ rate: '0.92', validOn: '2026-02-01', inverted: false });
    expect((await rateOn('EUR', 'USD', '2026-01-15')).data?.exchangeRate).toEqual({ rate: '1.1111111111', validOn: '2026-01-01', inverted: true });
    const missing = await rateOn('USD', 'EUR', '2025-12-31');
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromCurrency', reason: 'RATE_MISSING' });
    expect(missing.errors?.[0]?.message).toMatch(/USD to EUR on or before 2025-12-31/);
    const converted = await subgraph.must<{ convertAmount: { amount: string; currency: string } }>(
      'query { convertAmount(amount: { amount: "100.005", currency: "USD" }, toCurrency: "EUR", on: "2026-01-10") { amount currency } }',
    );
    // 100.005 × 0.9 = 90.0045 → 90.00 (half up at the cent)
    expect(converted.convertAmount).toEqual({ amount: '90.00', currency: 'EUR' });
  });

  it('corrects a rate set again for the same day, with a new event, and refuses bad rates naming the field', async () => {
    const first = await setRate('GBP', 'EUR', '2026-01-01', '1.15');
    const again = await setRate('GBP', 'EUR', '2026-01-01', '1.16');
    expect(again.data?.setExchangeRate.id).toBe(first.data?.setExchangeRate.id);
    expect((await rateOn('GBP', 'EUR', '2026-01-02')).data?.exchangeRate.rate).toBe('1.16');
    expect((await setRate('GBP', 'EUR', '2026-01-03', '0')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rate' });
    expect((await setRate('GBP', 'EUR', '2026-01-03', '1.12345678901')).errors?.[0]?.extensions).toMatchObject({ field: 'input.rate' });
    expect((await setRate('GBP', 'GBP', '2026-01-03', '1')).errors?.[0]?.extensions).toMatchObject({ field: 'input.toCurrency' });
    expect((await setRate('GBP', 'EUR', '2026-13-01', '1')).errors?.[0]?.extensions).toMatchObject({ field: 'input.validOn' });
  });

  it('imports many rates from CSV or JSON all or nothing, naming the bad row and field', async () => {
    const rows = await count('select count(*)::int as n from exchange_rate');
    const events = await rateEvents();
    const bad = await importRates('CSV', 'fromCurrency,toCurrency,validOn,rate\nJPY,EUR,2026-01-01,0.0061\nJPY,EUR,2026-01-02,0.0062\nJPY,EUR,2026-01-03,abc\n');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows[2].rate' });
    const twice = await importRates(
      'JSON',
      JSON.stringify([
        { fromCurrency: 'JPY', toCurrency: 'EUR', validOn: '2026-01-01', rate: '0.0061' },
        { fromCurrency: 'JPY', toCurrency: 'EUR', validOn: '2026-01-01', rate: '0.0063' },
      ]),
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ field: 'rows[1].validOn', reason: 'DUPLICATE_RATE' });
    expect(await count('select count(*)::int as n from exchange_rate')).toBe(rows);
    expect(await rateEvents()).toBe(events);

    const days = Array.from({ length: 300 }, (_, i) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const csv = ['rate,validOn,fromCurrency,toCurrency', ...days.map((d, i) => `0.00${6000 + i},${d},JPY,EUR`)].join('\r\n');
    const ok = await importRates('CSV', csv);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.importExchangeRates).toHaveLength(300);
    expect(await count('select count(*)::int as n from exchange_rate')).toBe(rows + 300);
    expect(await rateEvents()).toBe(events + 300);
    expect((await rateOn('JPY', 'EUR', '2025-01-03')).data?.exchangeRate.rate).toBe('0.006002');
  });

  it('lets accountants set rates and sales read them; a rep may not set one, support may not read them', async () => {
    expect((await setRate('CHF', 'EUR', '2026-01-01', '1.05', rep)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count(`select count(*)::int as n from exchange_rate where from_currency = 'CHF'`)).toBe(0);
    const asRep = await subgraph.gqlAs<{ exchangeRate: { rate: string } }>(rep, '{ exchangeRate(fromCurrency: "USD", toCurrency: "EUR", on: "2026-03-01") { rate } }');
    expect(asRep.data?.exchangeRate.rate).toBe('0.92');
    const asAgent = await subgraph.gqlAs(agent, '{ exchangeRates(first: 5) { edges { node { rate } } } }');
    expect(asAgent.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('finance documents keep their rate to base at issue', () => {
  it('snapshots the rate of the issue date on invoices (1 in base, null without a rate) and refuses to change the base afterwards', async () => {
    const dollars = await invoiceIn('USD', '100.00', '2026-01-15');
    expect(dollars).toMatchObject({ rateToBase: '0.9', baseTotal: { amount: '90.00', currency: 'EUR' } });
    const euros = await invoiceIn('EUR', '50.00', '2026-01-15');
    expect(euros).toMatchObject({ rateToBase: '1', baseTotal: { amount: '50.00', currency: 'EUR' } });
    // An invoice written before rates were required keeps none (the migration left such rows null): a copy of the EUR one, in SEK.
    await subgraph.sql(
      `insert into invoice select (jsonb_populate_record(null::invoice, to_jsonb(i) || jsonb_build_object('id', gen_random_uuid(), 'number', 'INV-2026-LEGACY',
         'currency', 'SEK', 'total', 10, 'net_total', 10, 'tax_total', 0, 'rate_to_base', null, 'base_total', null))).* from invoice i where i.id = ?`,
      [euros.id],
    );
    const credited = await invoiceIn('USD', '40.00', '2026-02-03');
    const note = await subgraph.must<{ issueCreditNote: { rateToBase: string; baseGrossTotal: { amount: string; currency: string } } }>(
      'mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { rateToBase baseGrossTotal { amount currency } } }',
      { input: { invoiceId: credited.id, reason: 'OTHER', full: true, issueDate: '2026-02-03' } },
    );
    expect(note.issueCreditNote).toEqual({ rateToBase: '0.92', baseGrossTotal: { amount: '36.80', currency: 'EUR' } });
    const change = await subgraph.gql('mutation { setBaseCurrency(currency: "USD") }');
    expect(change.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'currency' });
  });

  it('refuses an invoice, credit note or payment in another currency on a day without a rate, naming the field, the currency and the day, and writes nothing', async () => {
    const counts = async () =>
      subgraph.sql<{ invoices: number; notes: number; payments: number }>(
        'select (select count(*)::int from invoice) as invoices, (select count(*)::int from credit_note) as notes, (select count(*)::int from payment) as payments',
      );
    const before = await counts();
    const invoice = await subgraph.gql('mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id } }', {
      input: { customerId, currency: 'SEK', issueDate: '2026-01-15', dueDate: '2026-12-31', lines: [{ description: 'Service', quantity: '1', unitPrice: '10.00' }] },
    });
    expect(invoice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency', reason: 'RATE_MISSING' });
    expect(invoice.errors?.[0]?.message).toMatch(/SEK to EUR on or before 2026-01-15/);
    // USD has rates from 2026-01-01 on: a day before that has none.
    const early = await subgraph.gql('mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id } }', {
      input: { customerId, currency: 'USD', issueDate: '2025-12-31', dueDate: '2026-12-31', lines: [{ description: 'Service', quantity: '1', unitPrice: '10.00' }] },
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ field: 'input.currency', reason: 'RATE_MISSING' });
    const payment = await subgraph.gql('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
      input: { customerId, amount: { amount: '5.00', currency: 'USD' }, method: 'CASH', receivedOn: '2025-12-31' },
    });
    expect(payment.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.currency', reason: 'RATE_MISSING' });
    expect(payment.errors?.[0]?.message).toMatch(/USD to EUR on or before 2025-12-31/);
    const dollars = await invoiceIn('USD', '20.00', '2026-01-15');
    const note = await subgraph.gql('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', {
      input: { invoiceId: dollars.id, reason: 'OTHER', full: true, issueDate: '2025-12-31' },
    });
    expect(note.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.issueDate', reason: 'RATE_MISSING' });
    expect(await counts()).toEqual([{ ...before[0]!, invoices: before[0]!.invoices + 1 }]);
    // Issued the day after, the reverse pair (EUR→USD) serves as well as the pair itself.
    expect((await setRate('EUR', 'CHF', '2026-01-10', '0.95')).errors).toBeUndefined();
    expect(await invoiceIn('CHF', '95.00', '2026-01-15')).toMatchObject({ rateToBase: '1.0526315789', baseTotal: { amount: '100.00', currency: 'EUR' } });
  });

  it('converts between two currencies that are not the base through it when the pair has no rate of its own', async () => {
    // USD→EUR 0.9 (2026-01-01) and EUR→CHF 0.95 (2026-01-10): USD→CHF = 0.9 × 0.95 = 0.855, dated the older of the two days.
    expect((await rateOn('USD', 'CHF', '2026-01-20')).data?.exchangeRate).toEqual({ rate: '0.855', validOn: '2026-01-01', inverted: false });
    const converted = await subgraph.must<{ convertAmount: { amount: string; currency: string } }>(
      'query { convertAmount(amount: { amount: "100.00", currency: "USD" }, toCurrency: "CHF", on: "2026-01-20") { amount currency } }',
    );
    expect(converted.convertAmount).toEqual({ amount: '85.50', currency: 'CHF' });
    expect((await rateOn('USD', 'CHF', '2026-01-05')).errors?.[0]?.extensions).toMatchObject({ reason: 'RATE_MISSING' });
  });

  it('shows the realised exchange difference when a payment at another rate settles an invoice', async () => {
    const invoice = await invoiceIn('USD', '200.00', '2026-01-20'); // at 0.9: 180.00 EUR
    const paid = await subgraph.must<{
      receivePayment: { rateToBase: string; baseAmount: { amount: string }; allocations: { exchangeDifference: { amount: string; currency: string } | null }[] };
    }>('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { rateToBase baseAmount { amount } allocations { exchangeDifference { amount currency } } } }', {
      input: {
        customerId,
        amount: { amount: '150.00', currency: 'USD' },
        method: 'BANK_TRANSFER',
        receivedOn: '2026-02-10',
        allocations: [{ invoiceId: invoice.id, amount: '150.00' }],
      },
    });
    // 150 USD at 0.92 = 138.00 EUR received for what was billed at 0.9 = 135.00 EUR: a gain of 3.00.
    expect(paid.receivePayment).toEqual({ rateToBase: '0.92', baseAmount: { amount: '138.00' }, allocations: [{ exchangeDifference: { amount: '3.00', currency: 'EUR' } }] });
  });

  it('ages receivables in base at each invoice rate, and names the currency and day of an invoice without any rate', async () => {
    const ageing = `query($c: ID) { receivablesAgeingInBase(customerId: $c, asOf: "2026-02-15") { currency total { amount currency } invoiceCount } }`;
    const withSek = await subgraph.gql(ageing, { c: customerId });
    expect(withSek.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RATE_MISSING' });
    expect(withSek.errors?.[0]?.message).toMatch(/SEK to EUR on or before 2026-01-15/);
    // A SEK rate set later for that day is used for the invoice issued before it (its snapshot stays null).
    expect((await setRate('EUR', 'SEK', '2026-01-01', '11')).errors).toBeUndefined();
    const answer = await subgraph.must<{ receivablesAgeingInBase: { currency: string; total: { amount: string }; invoiceCount: number } }>(ageing, { c: customerId });
    // open: 100 USD × 0.9 = 90.00; 50 EUR; 10 SEK × (1/11 = 0.0909090909) = 0.91; 50 USD left × 0.9 = 45.00;
    // 20 USD × 0.9 = 18.00; 95 CHF × (1/0.95 = 1.0526315789) = 100.00
    expect(answer.receivablesAgeingInBase).toEqual({ currency: 'EUR', total: { amount: '303.91', currency: 'EUR' }, invoiceCount: 6 });
    const perCurrency = await subgraph.must<{ receivablesAgeing: { currency: string }[] }>(`query($c: ID) { receivablesAgeing(customerId: $c) { currency } }`, { c: customerId });
    expect(perCurrency.receivablesAgeing.map((r) => r.currency)).toEqual(['CHF', 'EUR', 'SEK', 'USD']);
  });
});
