import { randomUUID } from 'node:crypto';
import type { EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { executeBulk, pgArray, pgBooleans, publishMany } from '@rapport/bus';
import { CustomerAddressChangedV1, CustomerContactChangedV1, CustomerCreatedV1, CustomerUpdatedV1, type EventMetadata } from '@rapport/contracts';
import {
  creationChanges,
  insertCustomerAccess,
  notDeletedSql,
  updateChanges,
  writeAuditEntries,
  type ActingScope,
  type AuditRecord,
  type FieldChange,
} from '@rapport/subgraph-kit';
import { Address, type IAddress } from '../address/address.entity.js';
import { Contact, type IContact } from '../contact/contact.entity.js';
import { Customer, MAX_TAGS, type CustomerKind, type CustomerSource, type CustomerTier, type ICustomer } from '../customer/customer.entity.js';
import type { BatchPlan, Pending } from './import.matcher.js';
import type { RowValues } from './import.parser.js';

// Writing: a classified batch into the database, in the caller's transaction — customers, contacts
// and addresses with the import's own bulk statements; their visibility rows, audit entries and
// events through the bulk forms of the packages that own those tables.

/** Who writes, for the audit entries and events: the job, the acting user and the request. */
export interface WriteContext {
  jobId: string;
  /** The acting user and request id of the audit entries. */
  scope: ActingScope;
  /** The events' metadata (actor, request, correlation). */
  meta: EventMetadata;
}

/** A contact or address an import adds (with an audit entry each). */
interface NewContact {
  id: string;
  customerId: string;
  name: string;
  emails: string[];
  phones: string[];
  isPrimary: boolean;
}
interface NewAddress {
  id: string;
  customerId: string;
  street: string;
  city: string;
  country: string;
}

/** The customer fields a MERGE may fill. */
type MergeValues = Pick<RowValues, 'email' | 'phone' | 'industry' | 'source' | 'tier' | 'tags' | 'notes' | 'taxId'>;

/**
 * The descriptive columns of `values` in the order both bulk statements list them (industry,
 * source, tier, tags, notes, tax id), each as one array-literal parameter.
 */
const DETAIL_COLUMNS: ((v: MergeValues) => string | null)[] = [(v) => v.industry, (v) => v.source, (v) => v.tier, (v) => pgArray(v.tags), (v) => v.notes, (v) => v.taxId];
const detailColumns = (values: MergeValues[]): string[] => DETAIL_COLUMNS.map((pick) => pgArray(values.map(pick)));

/** A customer a MERGE batch writes into, as read (and locked) before the merge. */
interface MergeTarget {
  id: string;
  name: string;
  kind: CustomerKind;
  lifecycle_state: string;
  email: string | null;
  phone: string | null;
  industry: string | null;
  source: CustomerSource | null;
  tier: CustomerTier | null;
  tags: string[];
  notes: string | null;
  tax_id: string | null;
  has_primary: boolean;
  has_address: boolean;
  contacts: { name: string; emails: string[] }[];
}

const storedValues = (c: MergeTarget): MergeValues => ({
  email: c.email,
  phone: c.phone,
  industry: c.industry,
  source: c.source,
  tier: c.tier,
  tags: [...c.tags],
  notes: c.notes,
  taxId: c.tax_id,
});

/** Writes classified batches. */
export class BatchWriter {
  /** Every audit entry of the import also says which import made it, so `history` leads to the job. */
  private readonly jobChange: FieldChange;

  constructor(private readonly context: WriteContext) {
    this.jobChange = { field: 'importJobId', from: null, to: context.jobId };
  }

  /** Writes a classified batch: its new customers, then (after `beforeMerge`) its merges. */
  async write(em: SqlEntityManager, plan: BatchPlan, beforeMerge?: () => Promise<void>): Promise<void> {
    const now = new Date();
    await this.insert(em, plan.created, now);
    if (plan.merges.length === 0) return;
    await beforeMerge?.();
    await this.merge(em, plan.merges, now);
  }

  /** A CREATE entry for a record written in bulk, as the audit subscriber records a flushed one, plus the job. */
  private created<T extends object>(em: SqlEntityManager, entity: EntityName<T>, entityName: string, id: string, data: Partial<T>): AuditRecord {
    return { entity: entityName, entityId: id, action: 'CREATE', changes: [...creationChanges(em, entity, data), this.jobChange] };
  }

  /** CREATE entries for the contacts and addresses a batch adds. */
  private childEntries(em: SqlEntityManager, contacts: NewContact[], addresses: NewAddress[], now: Date): AuditRecord[] {
    return [
      ...contacts.map((k) =>
        this.created<IContact>(em, Contact, 'Contact', k.id, {
          id: k.id,
          customerId: k.customerId,
          name: k.name,
          title: null,
          emails: k.emails,
          phones: k.phones,
          preferredChannel: null,
          isPrimary: k.isPrimary,
          createdAt: now,
          deletedAt: null,
        }),
      ),
      ...addresses.map((a) =>
        this.created<IAddress>(em, Address, 'Address', a.id, {
          id: a.id,
          customerId: a.customerId,
          kind: 'BILLING',
          street: a.street,
          postalCode: null,
          city: a.city,
          region: null,
          country: a.country,
          createdAt: now,
          deletedAt: null,
        }),
      ),
    ];
  }

  /**
   * Writes the batch's new customers: ONE statement for the customers, their primary contacts and
   * addresses (each column travels as one array-literal parameter, cheap for PostgreSQL to read;
   * data-modifying CTEs insert each table; foreign keys are checked at the statement's end), then
   * their visibility rows, audit entries (a CREATE for every customer, contact and address) and
   * `customers.customer.created.v1` events, one multi-row INSERT each, by the packages that own them.
   */
  private async insert(em: SqlEntityManager, created: Pending[], now: Date): Promise<void> {
    if (created.length === 0) return;
    const contacts: NewContact[] = [];
    const addresses: NewAddress[] = [];
    for (const { id, values, extraContacts } of created) {
      [...(values.contact ? [values.contact] : []), ...extraContacts].forEach((k, i) =>
        contacts.push({ id: randomUUID(), customerId: id, name: k.name, emails: k.email ? [k.email] : [], phones: k.phone ? [k.phone] : [], isPrimary: i === 0 }),
      );
      if (values.address) addresses.push({ id: randomUUID(), customerId: id, ...values.address });
    }
    const column = (pick: (v: RowValues) => string | null): string => pgArray(created.map((p) => pick(p.values)));
    const children = childInserts(contacts, addresses);
    await executeBulk(
      em,
      'the import',
      `with r as (
         select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
           as x(id, name, kind, lifecycle_state, email, phone, owner_id, team_id, industry, source, tier, tags, notes, tax_id)
       ), c as (
         insert into customer (id, name, kind, lifecycle_state, email, phone, owner_id, team_id, industry, source, tier, tags, notes, tax_id, created_at, updated_at)
         select r.id, r.name, r.kind, r.lifecycle_state, r.email, r.phone, r.owner_id, r.team_id, r.industry, r.source, r.tier, r.tags::text[], r.notes, r.tax_id, ?::timestamptz, ?::timestamptz
           from r
       ), ${children.sql}
       select count(*) from r`,
      [
        pgArray(created.map((p) => p.id)),
        column((v) => v.name),
        column((v) => v.kind),
        column((v) => v.lifecycleState),
        column((v) => v.email),
        column((v) => v.phone),
        column((v) => v.ownerId),
        column((v) => v.teamId),
        ...detailColumns(created.map((p) => p.values)),
        now.toISOString(),
        now.toISOString(),
        ...children.params(now),
      ],
    );
    await insertCustomerAccess(
      em,
      created.map((p) => ({ customerId: p.id, ownerId: p.values.ownerId, teamId: p.values.teamId })),
      now,
    );
    await writeAuditEntries(
      em,
      [
        ...created.map(({ id, values: v }) =>
          this.created<ICustomer>(em, Customer, 'Customer', id, {
            id,
            name: v.name,
            kind: v.kind,
            lifecycleState: v.lifecycleState,
            email: v.email,
            phone: v.phone,
            ownerId: v.ownerId,
            teamId: v.teamId,
            industry: v.industry,
            source: v.source,
            tier: v.tier,
            tags: v.tags,
            notes: v.notes,
            lastContactedAt: null,
            createdAt: now,
            updatedAt: now,
            taxId: v.taxId,
          }),
        ),
        ...this.childEntries(em, contacts, addresses, now),
      ],
      this.context.scope,
    );
    await publishMany(
      em,
      CustomerCreatedV1,
      created.map(({ id, values: v }) => ({ subject: id, data: { customerId: id, name: v.name, kind: v.kind, ownerId: v.ownerId, teamId: v.teamId } })),
      { ...this.context.meta, time: now },
    );
  }

  /**
   * MERGE into existing customers: the targets are read (and locked) once; their empty fields are
   * filled from the rows (first non-empty value in file order), the rows' tags added (up to
   * MAX_TAGS), each row's contact added unless the customer already has a live contact of that
   * name (ignoring case) with that email — so merging the same file twice adds nothing twice —
   * primary when the customer has none, and the first row's address when the customer has none.
   * Then ONE statement writes the updates, contacts and addresses, and the packages' bulk forms
   * their audit entries (an UPDATE with the changed fields, from and to; a CREATE per contact and
   * address) and events (`customers.customer.updated.v1`, contact and address ADDED).
   */
  private async merge(em: SqlEntityManager, merges: { target: string; values: RowValues }[], now: Date): Promise<void> {
    const ids = [...new Set(merges.map((m) => m.target))];
    const targets = await em.execute<MergeTarget[]>(
      `select c.id, c.name, c.kind, c.lifecycle_state, c.email, c.phone, c.industry, c.source, c.tier, c.tags, c.notes, c.tax_id,
              exists (select 1 from contact k where k.customer_id = c.id and ${notDeletedSql('k')} and k.is_primary) as has_primary,
              exists (select 1 from customer_address a where a.customer_id = c.id and ${notDeletedSql('a')}) as has_address,
              coalesce((select jsonb_agg(jsonb_build_object('name', lower(k.name), 'emails', k.emails)) from contact k
                         where k.customer_id = c.id and ${notDeletedSql('k')}), '[]'::jsonb) as contacts
         from customer c where c.id = any(?::uuid[]) and ${notDeletedSql('c')}
        for update of c`,
      [pgArray(ids)],
    );
    const byId = new Map(targets.map((t) => [t.id, t]));
    const next = new Map<string, MergeValues>();
    const contacts: NewContact[] = [];
    const addresses: NewAddress[] = [];
    for (const { target, values: v } of merges) {
      const current = byId.get(target);
      if (!current) continue; // deleted since it was matched: nothing to merge into
      const values = next.get(target) ?? storedValues(current);
      next.set(target, {
        email: values.email ?? v.email,
        phone: values.phone ?? v.phone,
        industry: values.industry ?? v.industry,
        source: values.source ?? v.source,
        tier: values.tier ?? v.tier,
        tags: [...new Set([...values.tags, ...v.tags])].slice(0, Math.max(MAX_TAGS, values.tags.length)),
        notes: values.notes ?? v.notes,
        taxId: values.taxId ?? v.taxId,
      });
      if (v.contact) {
        const email = v.contact.email;
        const name = v.contact.name.toLowerCase();
        if (!current.contacts.some((k) => k.name === name && (!email || k.emails.includes(email)))) {
          const contact = {
            id: randomUUID(),
            customerId: target,
            name: v.contact.name,
            emails: email ? [email] : [],
            phones: v.contact.phone ? [v.contact.phone] : [],
            isPrimary: !current.has_primary,
          };
          contacts.push(contact);
          current.has_primary = true;
          current.contacts.push({ name, emails: contact.emails });
        }
      }
      if (v.address && !current.has_address) {
        addresses.push({ id: randomUUID(), customerId: target, ...v.address });
        current.has_address = true;
      }
    }
    const updates: { id: string; values: MergeValues; changes: FieldChange[] }[] = [];
    for (const [id, values] of next) {
      const changes = updateChanges<ICustomer>(em, Customer, storedValues(byId.get(id)!), values);
      if (changes.length > 0) updates.push({ id, values, changes });
    }
    if (updates.length + contacts.length + addresses.length === 0) return;
    const children = childInserts(contacts, addresses);
    const column = (pick: (v: MergeValues) => string | null): string => pgArray(updates.map((u) => pick(u.values)));
    await executeBulk(
      em,
      'the import',
      `with ux as (
         select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
           as x(id, email, phone, industry, source, tier, tags, notes, tax_id)
       ), u as (
         update customer c set email = x.email, phone = x.phone, industry = x.industry, source = x.source, tier = x.tier,
                tags = x.tags::text[], notes = x.notes, tax_id = x.tax_id, updated_at = ?::timestamptz
           from ux x where c.id = x.id
       ), ${children.sql}
       select count(*) from ux`,
      [
        pgArray(updates.map((u) => u.id)),
        column((v) => v.email),
        column((v) => v.phone),
        ...detailColumns(updates.map((u) => u.values)),
        now.toISOString(),
        ...children.params(now),
      ],
    );
    await writeAuditEntries(
      em,
      [
        ...updates.map((u): AuditRecord => ({ entity: 'Customer', entityId: u.id, action: 'UPDATE', changes: [...u.changes, this.jobChange] })),
        ...this.childEntries(em, contacts, addresses, now),
      ],
      this.context.scope,
    );
    const meta = { ...this.context.meta, time: now };
    const at = now.toISOString();
    await publishMany(
      em,
      CustomerUpdatedV1,
      updates.map(({ id, values: v, changes }) => {
        const target = byId.get(id)!;
        const customer = {
          name: target.name,
          kind: target.kind,
          lifecycleState: target.lifecycle_state,
          email: v.email,
          phone: v.phone,
          industry: v.industry,
          source: v.source,
          tier: v.tier,
          tags: v.tags,
          taxId: v.taxId,
        };
        return { subject: id, data: { customerId: id, changedFields: changes.map((c) => c.field), customer, updatedAt: at } };
      }),
      meta,
    );
    await publishMany(
      em,
      CustomerContactChangedV1,
      contacts.map((k) => ({
        subject: k.customerId,
        data: {
          customerId: k.customerId,
          contactId: k.id,
          change: 'ADDED' as const,
          contact: { name: k.name, title: null, emails: k.emails, phones: k.phones, preferredChannel: null, primary: k.isPrimary, deletedAt: null },
          changedAt: at,
        },
      })),
      meta,
    );
    await publishMany(
      em,
      CustomerAddressChangedV1,
      addresses.map((a) => ({
        subject: a.customerId,
        data: {
          customerId: a.customerId,
          addressId: a.id,
          change: 'ADDED' as const,
          address: { kind: 'BILLING', street: a.street, postalCode: null, city: a.city, region: null, country: a.country, deletedAt: null },
          changedAt: at,
        },
      })),
      meta,
    );
  }
}

/** Data-modifying CTEs inserting contacts (`kx`, `k`) and BILLING addresses (`adx`, `ad`), created at the time given to `params`. */
function childInserts(contacts: NewContact[], addresses: NewAddress[]): { sql: string; params: (now: Date) => unknown[] } {
  return {
    sql: `kx as (
         select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::boolean[]) as x(id, customer_id, name, emails, phones, is_primary)
       ), k as (
         insert into contact (id, customer_id, name, emails, phones, is_primary, created_at, updated_at)
         select x.id, x.customer_id, x.name, x.emails::text[], x.phones::text[], x.is_primary, ?::timestamptz, ?::timestamptz from kx x
       ), adx as (
         select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[]) as x(id, customer_id, street, city, country)
       ), ad as (
         insert into customer_address (id, customer_id, kind, street, city, country, created_at, updated_at)
         select x.id, x.customer_id, 'BILLING', x.street, x.city, x.country, ?::timestamptz, ?::timestamptz from adx x
       )`,
    params: (now) => [
      pgArray(contacts.map((k) => k.id)),
      pgArray(contacts.map((k) => k.customerId)),
      pgArray(contacts.map((k) => k.name)),
      pgArray(contacts.map((k) => pgArray(k.emails))),
      pgArray(contacts.map((k) => pgArray(k.phones))),
      pgBooleans(contacts.map((k) => k.isPrimary)),
      now.toISOString(),
      now.toISOString(),
      pgArray(addresses.map((a) => a.id)),
      pgArray(addresses.map((a) => a.customerId)),
      pgArray(addresses.map((a) => a.street)),
      pgArray(addresses.map((a) => a.city)),
      pgArray(addresses.map((a) => a.country)),
      now.toISOString(),
      now.toISOString(),
    ],
  };
}
