import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { on, pgArray } from '@rapport/bus';
import { BaseCurrencySetV1, RateSetV1 } from '@rapport/contracts';
import { convertUnits, formatMoneyAmount, formatRate, invertRate, ONE_RATE, parseAmount, parseRate, rateMissing, RATE_SCALE, type Money } from '@rapport/errors';
import { currency, timestamp } from './properties.js';

/**
 * A service's read copy of finance's exchange rates (DESIGN.md: `finance.rate.set` → sales and
 * purchasing report in base currency). Only finance's events write it. A service using it registers
 * `CopiedRate` and `CopiedBaseCurrency` among its entities and `rateCopyHandlers` among its handlers,
 * and creates the tables `rate_copy` and `rate_copy_base` in its own migration (as sales' and
 * purchasing's Migration20261207020000 do; each service's schema-drift test checks they agree).
 */
export const CopiedRate = defineEntity({
  name: 'CopiedRate',
  tableName: 'rate_copy',
  properties: {
    /** Finance's rate id (a correction of a pair's rate for a day keeps it). */
    id: p.uuid().primary(),
    fromCurrency: currency(),
    toCurrency: currency(),
    validOn: p.date(),
    rate: p.decimal('string').precision(20).scale(RATE_SCALE),
    /** When finance set the rate held: a late, older event changes nothing. */
    setAt: timestamp(),
  },
});
export type ICopiedRate = InferEntity<typeof CopiedRate>;

/** The company's base currency as finance last announced it (one row, id 1; EUR until one arrives). */
export const CopiedBaseCurrency = defineEntity({
  name: 'CopiedBaseCurrency',
  tableName: 'rate_copy_base',
  properties: {
    id: p.integer().primary().autoincrement(false),
    currency: currency(),
    setAt: timestamp(),
  },
});

/** Finance's base currency while it has announced none. */
export const DEFAULT_BASE_CURRENCY = 'EUR';

async function applyBaseCurrency(em: SqlEntityManager, baseCurrency: string, setAt: Date): Promise<void> {
  const held = await em.findOne(CopiedBaseCurrency, { id: 1 });
  if (!held) em.create(CopiedBaseCurrency, { id: 1, currency: baseCurrency, setAt });
  else if (held.setAt.getTime() <= setAt.getTime()) Object.assign(held, { currency: baseCurrency, setAt });
}

/**
 * Keeps the copy in step with finance, inside the inbox transaction (a redelivered event changes
 * nothing); a rate event also carries the base currency of its time.
 */
export const rateCopyHandlers = [
  on(RateSetV1, async (data, _event, em) => {
    const setAt = new Date(data.setAt);
    const fields = { fromCurrency: data.fromCurrency, toCurrency: data.toCurrency, validOn: data.validOn, rate: formatRate(parseRate('rate', data.rate)), setAt };
    const held = await em.findOne(CopiedRate, { id: data.rateId });
    if (!held) em.create(CopiedRate, { id: data.rateId, ...fields });
    else if (held.setAt.getTime() <= setAt.getTime()) Object.assign(held, fields);
    await applyBaseCurrency(em, data.baseCurrency, setAt);
    await em.flush();
  }),
  on(BaseCurrencySetV1, async (data, _event, em) => {
    await applyBaseCurrency(em, data.baseCurrency, new Date(data.setAt));
    await em.flush();
  }),
];

/** The base currency finance last announced; EUR until it has. */
export async function copiedBaseCurrency(em: SqlEntityManager): Promise<string> {
  const [row] = await em.execute<{ currency: string }[]>('select currency from rate_copy_base where id = 1');
  return row?.currency ?? DEFAULT_BASE_CURRENCY;
}

/** An amount of one currency on one day (an order's confirmation, a bill's date), to convert. */
export interface DatedAmount {
  amount: string;
  currency: string;
  /** ISO date whose rate applies (the latest set on or before it). */
  day: string;
}

/** A currency pair on a day whose rate is needed. */
interface Pair {
  from: string;
  to: string;
  day: string;
}
const pairKey = (p: Pair): string => `${p.from} ${p.to} ${p.day}`;

/**
 * The rates of `pairs` from the copy, keyed by `pairKey`: the latest of the pair on or before the
 * day, or of the reverse pair inverted (the pair itself first on the same day). A missing one is
 * BAD_USER_INPUT RATE_MISSING naming `field`, the currencies and the day; with `field` null it is
 * left out of the map. One query.
 */
async function ratesOf(em: SqlEntityManager, pairs: readonly Pair[], field: string | null): Promise<Map<string, bigint>> {
  const rates = new Map<string, bigint>();
  const unique = [...new Map(pairs.filter((p) => p.from !== p.to).map((p) => [pairKey(p), p])).values()];
  if (!unique.length) return rates;
  const rows = await em.execute<{ f: string; t: string; day: string; from_currency: string | null; rate: string | null }[]>(
    `select k.f, k.t, k.day::text as day, r.from_currency, r.rate::text as rate
       from unnest(?::text[], ?::text[], ?::date[]) as k(f, t, day)
       left join lateral (
         select c.from_currency, c.rate from rate_copy c
          where ((c.from_currency = k.f and c.to_currency = k.t) or (c.from_currency = k.t and c.to_currency = k.f)) and c.valid_on <= k.day
          order by c.valid_on desc, (c.from_currency = k.f) desc limit 1) r on true`,
    [pgArray(unique.map((p) => p.from)), pgArray(unique.map((p) => p.to)), pgArray(unique.map((p) => p.day))],
  );
  for (const row of rows) {
    if (!row.rate) {
      if (field !== null) throw rateMissing(field, row.f, row.t, row.day);
      continue;
    }
    const units = parseRate('rate', row.rate);
    rates.set(pairKey({ from: row.f, to: row.t, day: row.day }), row.from_currency === row.f ? units : invertRate(units));
  }
  return rates;
}

/** A currency on a day (ISO date) whose rate to the base currency is wanted (the latest set on or before it). */
export interface RateKey {
  currency: string;
  day: string;
}

/** The rates to the base currency the copy holds for some currencies and days. */
export interface BaseRates {
  base: string;
  /** What one unit of `currency` was worth in the base currency on `day`, in rate units (`ONE_RATE` for the base itself); null when the copy holds no rate. */
  rateOf(currency: string, day: string): bigint | null;
}

/**
 * The rates from each of `keys`' currencies to the base currency, of their days, from the copy: the
 * pair to base, or the reverse pair inverted. One query whatever the number of distinct currencies and days.
 */
export async function ratesToBase(em: SqlEntityManager, keys: readonly RateKey[]): Promise<BaseRates> {
  const base = await copiedBaseCurrency(em);
  const rates = await ratesOf(
    em,
    keys.map((k) => ({ from: k.currency, to: base, day: k.day })),
    null,
  );
  return { base, rateOf: (currency, day) => (currency === base ? ONE_RATE : (rates.get(pairKey({ from: currency, to: base, day })) ?? null)) };
}

/**
 * A per-request DataLoader of rates to the base currency by `"<currency> <day>"` (see `rateKey`):
 * the rates a request needs cost one query. Answers the base currency and the rate (null: none held).
 */
export const baseRateLoader = (em: SqlEntityManager): DataLoader<string, { base: string; rate: bigint | null }> =>
  new DataLoader(async (keys) => {
    const parsed = keys.map((key) => {
      const [currency = '', day = ''] = key.split(' ');
      return { currency, day };
    });
    const rates = await ratesToBase(em, parsed);
    return parsed.map((k) => ({ base: rates.base, rate: rates.rateOf(k.currency, k.day) }));
  });

/** The key of `baseRateLoader` for a currency on a day. */
export const rateKey = (currency: string, day: string): string => `${currency} ${day}`;

/**
 * The sum of `amounts` in the base currency, each converted at the rate of its day from the copy
 * (the pair to base, or the reverse pair inverted; half up at the base's minor unit per amount, as
 * finance converts). A missing rate is BAD_USER_INPUT RATE_MISSING naming `field`, the currency and
 * the day. One query whatever the number of distinct currencies and days.
 */
export async function sumInBase(em: SqlEntityManager, amounts: readonly DatedAmount[], field: string): Promise<Money> {
  const base = await copiedBaseCurrency(em);
  return { amount: formatMoneyAmount(await viaBase(em, amounts, base, base, field), base), currency: base };
}

/**
 * The sum of `amounts` in `currency` through the base currency: an amount already in `currency` as
 * it is; any other converted to base at its day's rate (half up at the base's minor unit, as
 * `sumInBase`), then from base to `currency` at that day's rate (half up at `currency`'s minor
 * unit). A missing rate is BAD_USER_INPUT RATE_MISSING naming `field`. One query.
 */
export async function sumInCurrencyViaBase(em: SqlEntityManager, amounts: readonly DatedAmount[], currency: string, field: string): Promise<Money> {
  return { amount: formatMoneyAmount(await viaBase(em, amounts, await copiedBaseCurrency(em), currency, field), currency), currency };
}

async function viaBase(em: SqlEntityManager, amounts: readonly DatedAmount[], base: string, currency: string, field: string): Promise<bigint> {
  const foreign = amounts.filter((a) => a.currency !== currency);
  const toBase = foreign.map((a) => ({ from: a.currency, to: base, day: a.day }));
  const fromBase = foreign.map((a) => ({ from: base, to: currency, day: a.day }));
  const rates = await ratesOf(em, [...toBase, ...fromBase], field);
  let total = 0n;
  for (const a of amounts) {
    const units = parseAmount('amount', a.amount);
    if (a.currency === currency) {
      total += units;
      continue;
    }
    const inBase = a.currency === base ? units : convertUnits(units, rates.get(pairKey({ from: a.currency, to: base, day: a.day }))!, base);
    total += currency === base ? inBase : convertUnits(inBase, rates.get(pairKey({ from: base, to: currency, day: a.day }))!, currency);
  }
  return total;
}
