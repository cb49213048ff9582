import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, updatedAt } from '@rapport/subgraph-kit/properties';
import { CUSTOMER_SOURCES } from '../customer/customer.entity.js';

export const LEAD_STATUSES = ['NEW', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** Unqualified interest in the business, kept apart from customers until it is converted into one. */
export const Lead = defineEntity({
  name: 'Lead',
  tableName: 'lead',
  properties: {
    id: p.uuid().primary(),
    /** The person who showed interest. */
    name: p.text(),
    company: p.text().nullable(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    source: p.enum([...CUSTOMER_SOURCES]).nullable(),
    message: p.text().nullable(),
    status: p.enum([...LEAD_STATUSES]).default('NEW'),
    /** Why it was disqualified; set exactly when the status is DISQUALIFIED. */
    disqualifyReason: p.text().nullable(),
    ownerId: p.uuid().nullable(),
    /** The owner's team: its head (and the heads above) see and work the lead. Null for the unassigned pool. */
    teamId: p.uuid().nullable(),
    /** Whether it came in through the public web form (those are rate-limited per email). */
    fromWebForm: p.boolean().default(false),
    /** The customer it became; set exactly when the status is CONVERTED. */
    convertedCustomerId: p.uuid().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ILead = InferEntity<typeof Lead>;
