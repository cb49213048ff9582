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
    const francs = await invoiceIn('SEK', '10.00', '2026-01-15');
    expect(francs).toMatchObject({ rateToBase: null, baseTotal: null });
    const credited = await invoiceIn('USD', '40.00', '2026-02-03');
    const note = await subgraph.must<{ issueCreditNote: { rateToBase: string; baseGrossTotal: { amount: string; currency: string } } }>(
      'mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { rateToBase baseGrossTotal { amount currency } } }',
      { input: { invoiceId: credited.id, reason: 'OTHER', full: true, issueDate: '2026-02-03' } },
    );
    expect(note.issueCreditNote).toEqual({ rateToBase: '0.92', baseGrossTotal: { amount: '36.80', currency: 'EUR' } });
    const change = await subgraph.gql('mutation { setBaseCurrency(currency: "USD") }');
    expect(change.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'currency' });
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
    // open: 100 USD × 0.9 = 90.00; 50 EUR; 10 SEK × (1/11 = 0.0909090909) = 0.91; 50 USD left × 0.9 = 45.00
    expect(answer.receivablesAgeingInBase).toEqual({ currency: 'EUR', total: { amount: '185.91', currency: 'EUR' }, invoiceCount: 4 });
    const perCurrency = await subgraph.must<{ receivablesAgeing: { currency: string }[] }>(`query($c: ID) { receivablesAgeing(customerId: $c) { currency } }`, { c: customerId });
    expect(perCurrency.receivablesAgeing.map((r) => r.currency)).toEqual(['EUR', 'SEK', 'USD']);
  });
});
