import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, deletedAt, updatedAt } from '@rapport/subgraph-kit/properties';

export const CONTACT_CHANNELS = ['EMAIL', 'PHONE', 'MEETING', 'LETTER'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const MAX_CONTACT_EMAILS = 10;
export const MAX_CONTACT_PHONES = 10;

/** A person at a customer the business deals with; at most one per customer is its primary contact. */
export const Contact = defineEntity({
  name: 'Contact',
  tableName: 'contact',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    name: p.text(),
    title: p.text().nullable(),
    emails: p.array().default([]),
    phones: p.array().default([]),
    preferredChannel: p.enum([...CONTACT_CHANNELS]).nullable(),
    isPrimary: p.boolean().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when the contact is (softly) removed; restorable. */
    deletedAt: deletedAt(),
  },
});
export type IContact = InferEntity<typeof Contact>;
