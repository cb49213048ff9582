import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RATE_SCALE } from '@rapport/errors';
import { createdAt, currency, updatedAt } from '@rapport/subgraph-kit/properties';

/** An exchange rate, `numeric(20,10)`: in code a decimal string, never a float (`parseRate`/`formatRate` of `@rapport/errors`). */
export const rate = () => p.decimal('string').precision(20).scale(RATE_SCALE);

/** The company's base currency, the one reports convert to: one row (id 1); EUR while none is set. */
export const BaseCurrency = defineEntity({
  name: 'BaseCurrency',
  tableName: 'base_currency',
  properties: {
    id: p.integer().primary().autoincrement(false),
    currency: currency(),
    updatedAt: updatedAt(),
  },
});
export type IBaseCurrency = InferEntity<typeof BaseCurrency>;

/**
 * What one unit of `fromCurrency` is worth in `toCurrency` from `validOn` on (until the pair's next
 * rate): the rate on a day is the latest on or before it. One per pair and day; setting it again
 * corrects it.
 */
export const ExchangeRate = defineEntity({
  name: 'ExchangeRate',
  tableName: 'exchange_rate',
  properties: {
    id: p.uuid().primary(),
    fromCurrency: currency(),
    toCurrency: currency(),
    validOn: p.date(),
    rate: rate(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IExchangeRate = InferEntity<typeof ExchangeRate>;
