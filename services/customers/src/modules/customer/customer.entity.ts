import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { badInput } from '@rapport/errors';
import { createdAt, deletedAt, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

export const CUSTOMER_KINDS = ['COMPANY', 'PERSON'] as const;
export const LIFECYCLE_STATES = ['LEAD', 'PROSPECT', 'ACTIVE', 'DORMANT', 'LOST'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];
export const CUSTOMER_SOURCES = ['REFERRAL', 'WEBSITE', 'TRADE_SHOW', 'COLD_CALL', 'PARTNER', 'OTHER'] as const;
export const CUSTOMER_TIERS = ['A', 'B', 'C'] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number];
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/** A company or person the business sells to; the record every other service points at. */
export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    kind: p.enum([...CUSTOMER_KINDS]),
    lifecycleState: p.enum([...LIFECYCLE_STATES]),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    ownerId: p.uuid().nullable(),
    teamId: p.uuid().nullable(),
    industry: p.text().nullable(),
    source: p.enum([...CUSTOMER_SOURCES]).nullable(),
    tier: p.enum([...CUSTOMER_TIERS]).nullable(),
    /** Lower-cased, unique, at most MAX_TAGS of up to MAX_TAG_LENGTH characters. */
    tags: p.array().default([]),
    notes: p.text().nullable(),
    /** When the last (not planned) activity with the customer happened; null until one does. */
    lastContactedAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when the customer is (softly) deleted; restorable. */
    deletedAt: deletedAt(),
    /** Tax or VAT id, normalised by normaliseTaxId (upper-case, no spaces, dots or dashes). */
    taxId: p.text().nullable(),
    /** The customer this one was merged into (it is then deleted); null unless merged. */
    mergedInto: p.uuid().nullable(),
    /** The customers merged into this one, oldest first (so a merge shows in this record's history). */
    mergedIds: p.array().default([]),
  },
});
export type ICustomer = InferEntity<typeof Customer>;

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} ._&+/#-]*$/u;

/**
 * Tags as stored: trimmed, inner whitespace collapsed, lower-cased, duplicates dropped (first
 * occurrence kept); at most MAX_TAGS of up to MAX_TAG_LENGTH characters, each starting with a
 * letter or digit. Throws BAD_USER_INPUT naming `field` (or the offending element).
 */
export function normaliseTags(field: string, tags: readonly string[]): string[] {
  const out: string[] = [];
  tags.forEach((raw, i) => {
    const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (tag.length === 0) throw badInput(`${field}.${i}`, `${field}.${i} must not be empty`, 'REQUIRED');
    if (tag.length > MAX_TAG_LENGTH) throw badInput(`${field}.${i}`, `${field}.${i} must be at most ${MAX_TAG_LENGTH} characters`, 'TOO_LONG');
    if (!TAG.test(tag)) throw badInput(`${field}.${i}`, `${field}.${i} may hold letters, digits, spaces and . _ & + / # - only`, 'INVALID_TAG');
    if (!out.includes(tag)) out.push(tag);
  });
  if (out.length > MAX_TAGS) throw badInput(field, `${field} may hold at most ${MAX_TAGS} different tags`, 'TOO_MANY_TAGS');
  return out;
}

/**
 * A tax id as stored: upper-case, without spaces, dots or dashes; 4–30 letters and digits. Null
 * when empty. Throws BAD_USER_INPUT naming `field`.
 */
export function normaliseTaxId(field: string, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const taxId = raw.replace(/[\s.\-]/g, '').toUpperCase();
  if (taxId.length === 0) return null;
  if (!/^[A-Z0-9]{4,30}$/.test(taxId)) throw badInput(field, `${field} must be 4 to 30 letters and digits (spaces, dots and dashes are ignored)`, 'INVALID_TAX_ID');
  return taxId;
}
