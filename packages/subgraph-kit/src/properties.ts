import { p } from '@mikro-orm/core';
import { MONEY_SCALE } from '@rapport/errors';

/**
 * Property builders for `defineEntity`, one per kind of column every service has, so an entity
 * states the same SQL type the migrations create (the schema-drift test of each service checks
 * that they agree). Each returns a fresh builder the caller may refine: `money().nullable()`.
 *
 * Migrations write the matching SQL:
 * | helper          | SQL                                                   |
 * |-----------------|-------------------------------------------------------|
 * | `money()`       | `numeric(19,4) not null`                              |
 * | `quantity()`    | `numeric(19,3) not null`                              |
 * | `currency()`    | `char(3) not null check (col ~ '^[A-Z]{3}$')`         |
 * | `timestamp()`   | `timestamptz not null`                                |
 * | `createdAt()`   | `timestamptz not null default now()`                  |
 * | `updatedAt()`   | `timestamptz not null default now()`                  |
 * | `deletedAt()`   | `timestamptz null`                                    |
 */

/** Digits of an amount of money: 15 before the point and `MONEY_SCALE` (4, from `@rapport/errors`' exact arithmetic) after. */
export const MONEY_PRECISION = 19;
/** Digits and decimals of a quantity of goods: decimals with three places. */
export const QUANTITY_PRECISION = 19;
export const QUANTITY_SCALE = 3;

/**
 * An exact amount of money, `numeric(19,4)`; in code a decimal string as PostgreSQL returns it
 * ("1250.5000"), never a float (parse and format with `@rapport/errors`' money helpers).
 */
export const money = () => p.decimal('string').precision(MONEY_PRECISION).scale(MONEY_SCALE);

/** An exact quantity of goods, `numeric(19,3)`; in code a decimal string, never a float. */
export const quantity = () => p.decimal('string').precision(QUANTITY_PRECISION).scale(QUANTITY_SCALE);

/**
 * An ISO 4217 currency code, `char(3)`, upper-case (`requireCurrency` of `@rapport/errors`
 * normalises input; the migrations add a check that it is three capital letters).
 */
export const currency = () => p.string().columnType('char(3)');

/** A point in time, `timestamptz`. */
export const timestamp = () => p.datetime();

/**
 * When a row was created: `timestamptz not null default now()`, stamped by the ORM when it inserts
 * the row (so the entity holds it before the flush), by the database when raw SQL inserts one.
 */
export const createdAt = () =>
  p
    .datetime()
    .defaultRaw('now()')
    .onCreate(() => new Date());

/** When a row last changed: as `createdAt`, and stamped again by the ORM on every update it flushes. */
export const updatedAt = () =>
  p
    .datetime()
    .defaultRaw('now()')
    .onCreate(() => new Date())
    .onUpdate(() => new Date());

/**
 * Soft deletion: when the record was deleted, `timestamptz null`; null while it lives. Setting and
 * clearing it are audited as DELETE and RESTORE (see `AuditSubscriber`).
 */
export const deletedAt = () => p.datetime().nullable();
