import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish, publishMany } from '@rapport/bus';
import { BaseCurrencySetV1, RateSetV1, type EventMetadata } from '@rapport/contracts';
import {
  badInput,
  conflict,
  convertUnits,
  formatAmount,
  formatRate,
  invertRate,
  multiplyRates,
  ONE_RATE,
  parseAmount,
  parseRate,
  rateMissing,
  requireCurrency,
  requireIsoDate,
  type Money,
} from '@rapport/errors';
import { keysetPage, type Connection, type Keyset } from '@rapport/subgraph-kit';
import { inTransaction } from '../invoice/documents.js';
import { BaseCurrency, ExchangeRate, type IExchangeRate } from './currency.entity.js';

/** The base currency while none is set. */
export const DEFAULT_BASE_CURRENCY = 'EUR';

/** The most rows one import takes (all or nothing, in one transaction). */
export const MAX_IMPORT_ROWS = 10_000;

/** The company's base currency: the one set, EUR otherwise. */
export async function getBaseCurrency(em: SqlEntityManager): Promise<string> {
  const [row] = await em.execute<{ currency: string }[]>('select currency from base_currency where id = 1');
  return row?.currency ?? DEFAULT_BASE_CURRENCY;
}

/**
 * Sets the base currency (`finance.base-currency.set.v1`). Refused with CONFLICT once documents
 * hold a rate to the current one: their snapshots would silently change meaning.
 */
export async function setBaseCurrency(em: SqlEntityManager, input: string, meta: EventMetadata): Promise<string> {
  const currency = requireCurrency('currency', input);
  return inTransaction(em, async (tx) => {
    await tx.execute('lock table base_currency in exclusive mode');
    const current = await getBaseCurrency(tx);
    if (current === currency) return currency;
    const [used] = await tx.execute<{ used: boolean }[]>(
      `select exists (select 1 from invoice where rate_to_base is not null)
           or exists (select 1 from payment where rate_to_base is not null)
           or exists (select 1 from credit_note where rate_to_base is not null) as used`,
    );
    if (used?.used) throw conflict('BASE_CURRENCY_IN_USE', `documents already hold rates to ${current}; the base currency cannot change to ${currency}`, 'currency');
    const row = await tx.findOne(BaseCurrency, { id: 1 });
    if (row) row.currency = currency;
    else tx.create(BaseCurrency, { id: 1, currency });
    publish(tx, BaseCurrencySetV1, 'company', { baseCurrency: currency, setAt: new Date().toISOString() }, meta);
    return currency;
  });
}

/** The rate that applies on a day: the pair's latest on or before it, or the reverse pair's inverted; 1 for a currency to itself. */
export interface AppliedRate {
  fromCurrency: string;
  toCurrency: string;
  /** Rate units (10 places). */
  rate: bigint;
  /** The day the rate was set for; null for a currency to itself. */
  validOn: string | null;
  /** Derived from the reverse pair's rate. */
  inverted: boolean;
}

/** The pair's own rate or its reverse pair's inverted, the latest on or before `day`; null without either. */
async function directRateOn(em: SqlEntityManager, from: string, to: string, day: string): Promise<AppliedRate | null> {
  // The pair or its reverse, the latest on or before the day; the pair itself first on the same day.
  const [row] = await em.execute<{ from_currency: string; rate: string; valid_on: string }[]>(
    `select from_currency, rate::text, valid_on::text from exchange_rate
      where ((from_currency = ? and to_currency = ?) or (from_currency = ? and to_currency = ?)) and valid_on <= ?::date
      order by valid_on desc, (from_currency = ?) desc limit 1`,
    [from, to, to, from, day, from],
  );
  if (!row) return null;
  const units = parseRate('rate', row.rate);
  const inverted = row.from_currency !== from;
  return { fromCurrency: from, toCurrency: to, rate: inverted ? invertRate(units) : units, validOn: row.valid_on, inverted };
}

/**
 * The rate from `from` to `to` on `day`: the pair's (or its reverse's, inverted) latest on or
 * before it; failing both, and when neither side is the base currency, the cross rate through the
 * base (from→base × base→to, each found the same way, the older day reported). Null when none applies.
 */
export async function findRateOn(em: SqlEntityManager, from: string, to: string, day: string): Promise<AppliedRate | null> {
  if (from === to) return { fromCurrency: from, toCurrency: to, rate: ONE_RATE, validOn: null, inverted: false };
  const direct = await directRateOn(em, from, to, day);
  if (direct) return direct;
  const base = await getBaseCurrency(em);
  if (from === base || to === base) return null;
  const [toBase, fromBase] = [await directRateOn(em, from, base, day), await directRateOn(em, base, to, day)];
  if (!toBase || !fromBase) return null;
  return {
    fromCurrency: from,
    toCurrency: to,
    rate: multiplyRates(toBase.rate, fromBase.rate),
    validOn: toBase.validOn! < fromBase.validOn! ? toBase.validOn : fromBase.validOn,
    inverted: toBase.inverted || fromBase.inverted,
  };
}

/** As `findRateOn`; a missing rate is BAD_USER_INPUT (RATE_MISSING) naming `field`, the currencies and the day. */
export async function rateOn(em: SqlEntityManager, from: string, to: string, day: string, field: string): Promise<AppliedRate> {
  const found = await findRateOn(em, from, to, day);
  if (!found) throw rateMissing(field, from, to, day);
  return found;
}

/**
 * A document's snapshot at issue: its rate to the base currency on its date and its amount in
 * base (half up at the base's minor unit). Without a rate on or before the day a document in
 * another currency is refused: BAD_USER_INPUT (RATE_MISSING) naming `field`, the currencies and the
 * day, as ERPNext refuses it. `field` null is for documents no user issues (credit notes written
 * from another service's event): those fall back to `fallbackRate` (the invoice's), else null.
 */
export async function baseSnapshot(
  tx: SqlEntityManager,
  amount: Money,
  day: string,
  field: string | null,
  fallbackRate: string | null = null,
): Promise<{ rateToBase: string | null; baseAmount: string | null }> {
  const base = await getBaseCurrency(tx);
  const found = await findRateOn(tx, amount.currency, base, day);
  const rate = found?.rate ?? (fallbackRate === null ? null : parseRate('rateToBase', fallbackRate));
  if (rate === null) {
    if (field !== null) throw rateMissing(field, amount.currency, base, day);
    return { rateToBase: null, baseAmount: null };
  }
  return { rateToBase: formatRate(rate), baseAmount: formatAmount(convertUnits(parseAmount('amount', amount.amount), rate, base)) };
}

/** A snapshot as the columns of a document: `rateToBase` and its amount in base under `key`. */
export const snapshotOf = <K extends string>(snapshot: { rateToBase: string | null; baseAmount: string | null }, key: K) =>
  ({ rateToBase: snapshot.rateToBase, [key]: snapshot.baseAmount }) as { rateToBase: string | null } & Record<K, string | null>;

/** `amount` converted to `to` at the rate of `day`; RATE_MISSING naming `field` without one. */
export async function convertAmount(em: SqlEntityManager, amount: Money, to: string, day: string, field: string): Promise<Money> {
  const target = requireCurrency('to', to);
  const applied = await rateOn(em, amount.currency, target, requireIsoDate('on', day), field);
  return { amount: formatAmount(convertUnits(parseAmount(`${field}.amount`, amount.amount), applied.rate, target)), currency: target };
}

/** A rate as given (one mutation, or one row of an import), before it is checked. */
export interface RateInput {
  fromCurrency: string;
  toCurrency: string;
  validOn: string;
  rate: string;
}

interface CheckedRate {
  fromCurrency: string;
  toCurrency: string;
  validOn: string;
  rate: string;
}

/** Checks every row, naming the first bad one's field (`rows[3].rate`); a pair twice on one day is refused too. */
export function checkRateRows(rows: readonly RateInput[], prefix: string): CheckedRate[] {
  if (rows.length === 0) throw badInput(prefix, `${prefix} holds no rates`, 'EMPTY_IMPORT');
  if (rows.length > MAX_IMPORT_ROWS) throw badInput(prefix, `${prefix} holds ${rows.length} rates; at most ${MAX_IMPORT_ROWS} at once`, 'TOO_MANY_ROWS');
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const field = rows.length === 1 && prefix === 'input' ? 'input' : `${prefix}[${i}]`;
    const text = (name: keyof RateInput): string => {
      const value: unknown = row[name];
      if (typeof value !== 'string') throw badInput(`${field}.${name}`, `${field}.${name} is required`, 'REQUIRED');
      return value;
    };
    const fromCurrency = requireCurrency(`${field}.fromCurrency`, text('fromCurrency'));
    const toCurrency = requireCurrency(`${field}.toCurrency`, text('toCurrency'));
    if (fromCurrency === toCurrency) throw badInput(`${field}.toCurrency`, `${field}.toCurrency must differ from fromCurrency`, 'SAME_CURRENCY');
    const validOn = requireIsoDate(`${field}.validOn`, text('validOn'));
    const rate = formatRate(parseRate(`${field}.rate`, text('rate')));
    const key = `${fromCurrency}-${toCurrency}-${validOn}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw badInput(`${field}.validOn`, `${field} sets ${fromCurrency}→${toCurrency} on ${validOn} again (as ${prefix}[${earlier}] does)`, 'DUPLICATE_RATE');
    seen.set(key, i);
    return { fromCurrency, toCurrency, validOn, rate };
  });
}

/**
 * Writes checked rates through the ORM (audited; inserted in batches) — a pair's rate set again for
 * the same day is corrected — and one `finance.rate.set.v1` per rate through the bus's bulk path
 * (`publishMany`), all in one transaction.
 */
export async function writeRates(em: SqlEntityManager, rows: readonly CheckedRate[], meta: EventMetadata): Promise<IExchangeRate[]> {
  return inTransaction(em, async (tx) => {
    const keyOf = (r: { fromCurrency: string; toCurrency: string; validOn: string }): string => `${r.fromCurrency}-${r.toCurrency}-${r.validOn}`;
    // The rates already set for these currencies and days (a superset of the pairs), locked: a correction waits for a concurrent one.
    const existing = await tx.find(
      ExchangeRate,
      {
        fromCurrency: { $in: [...new Set(rows.map((r) => r.fromCurrency))] },
        toCurrency: { $in: [...new Set(rows.map((r) => r.toCurrency))] },
        validOn: { $in: [...new Set(rows.map((r) => r.validOn))] },
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const byKey = new Map(existing.map((e) => [keyOf(e), e]));
    const written = rows.map((r) => {
      const found = byKey.get(keyOf(r));
      if (found) {
        found.rate = r.rate;
        return found;
      }
      return tx.create(ExchangeRate, { id: randomUUID(), ...r });
    });
    const base = await getBaseCurrency(tx);
    const setAt = new Date().toISOString();
    await publishMany(
      tx,
      RateSetV1,
      written.map((e, i) => ({
        subject: `${e.fromCurrency}-${e.toCurrency}`,
        data: { rateId: e.id, fromCurrency: e.fromCurrency, toCurrency: e.toCurrency, rate: rows[i]!.rate, validOn: e.validOn, baseCurrency: base, setAt },
      })),
      meta,
    );
    await tx.flush();
    return written;
  });
}

/** Reads an import body: CSV with a header naming the columns (fromCurrency,toCurrency,validOn,rate in any order), or a JSON array of rate objects. */
export function parseRateImport(format: 'CSV' | 'JSON', body: string): RateInput[] {
  if (format === 'JSON') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw badInput('input.body', 'input.body is not valid JSON', 'INVALID_JSON');
    }
    if (!Array.isArray(parsed)) throw badInput('input.body', 'input.body must be a JSON array of rates', 'INVALID_JSON');
    return parsed.map((row: unknown, i) => {
      if (typeof row !== 'object' || row === null) throw badInput(`rows[${i}]`, `rows[${i}] must be an object`, 'INVALID_ROW');
      return row as RateInput;
    });
  }
  const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
  const columns = ['fromCurrency', 'toCurrency', 'validOn', 'rate'] as const;
  const index = Object.fromEntries(columns.map((c) => [c, header.indexOf(c)])) as Record<(typeof columns)[number], number>;
  const absent = columns.filter((c) => index[c] < 0);
  if (absent.length) throw badInput('input.body', `the CSV header lacks ${absent.join(', ')} (expected fromCurrency,toCurrency,validOn,rate)`, 'INVALID_CSV');
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.trim());
    return { fromCurrency: cells[index.fromCurrency] ?? '', toCurrency: cells[index.toCurrency] ?? '', validOn: cells[index.validOn] ?? '', rate: cells[index.rate] ?? '' };
  });
}

export interface RateFilter {
  fromCurrency?: string | null;
  toCurrency?: string | null;
}

const RATE_ORDER: Keyset<IExchangeRate> = { sort: 'r.valid_on', kind: 'date', direction: 'desc', id: 'r.id', sortValue: (r) => r.validOn };

/** The rates set, newest day first, optionally of one currency on either side, paged by keyset. */
export async function listRates(
  em: SqlEntityManager,
  filter: RateFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IExchangeRate>> {
  const qb = em.createQueryBuilder(ExchangeRate, 'r').select('*');
  if (filter?.fromCurrency) qb.andWhere({ fromCurrency: requireCurrency('filter.fromCurrency', filter.fromCurrency) });
  if (filter?.toCurrency) qb.andWhere({ toCurrency: requireCurrency('filter.toCurrency', filter.toCurrency) });
  return keysetPage(qb, RATE_ORDER, { field: 'exchangeRates', first, after });
}

/** Per-request loaders of this module: the base currency, read once per request whatever asks for it. */
export const createCurrencyLoaders = (em: SqlEntityManager) => {
  let base: Promise<string> | null = null;
  return { baseCurrency: { load: (): Promise<string> => (base ??= getBaseCurrency(em)) } };
};

/** An amount in base currency as Money; null when the document has none. */
export const baseMoney = (amount: string | null | undefined, base: string): Money | null =>
  amount == null ? null : { amount: formatAmount(parseAmount('amount', amount)), currency: base };

/** A stored rate (`numeric(20,10)` text) in its canonical form; null stays null. */
export const rateText = (value: string | null | undefined): string | null => (value == null ? null : formatRate(parseRate('rateToBase', value)));

/**
 * The realised exchange difference of settling `amount` (in the documents' currency) issued at
 * `invoiceRate` with money received at `paymentRate`, in base currency units: the amount at the
 * payment's rate less the amount at the invoice's (each half up at the base's minor unit).
 */
export function exchangeDifferenceUnits(amount: string, invoiceRate: string, paymentRate: string, base: string): bigint {
  const units = parseAmount('amount', amount);
  return convertUnits(units, parseRate('paymentRate', paymentRate), base) - convertUnits(units, parseRate('invoiceRate', invoiceRate), base);
}
