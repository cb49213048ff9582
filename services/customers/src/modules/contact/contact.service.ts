import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { CustomerContactChangedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, conflict, notFound, optionalEmail, optionalText, requireText, requireUuid } from '@rapport/errors';
import { restoreDeleted, restrictToVisibleCustomers, softDelete, whereDeleted, type Deleted, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { findWritableCustomer } from '../customer/customer.service.js';
import { Contact, MAX_CONTACT_EMAILS, MAX_CONTACT_PHONES, type IContact } from './contact.entity.js';
import type { ContactChannel } from '../../generated/types.js';

/**
 * The one base query for contacts: those of the customers the caller may see, the live ones unless
 * `deleted` says otherwise. Every lookup, loader and mutation starts here.
 */
export function contactQuery(em: SqlEntityManager, viewer: Viewer, deleted: Deleted = 'exclude') {
  const qb = whereDeleted(em.createQueryBuilder(Contact, 'ct').select('*'), 'ct', deleted);
  restrictToVisibleCustomers(qb, 'ct', viewer);
  return qb;
}

async function findVisible(em: SqlEntityManager, viewer: Viewer, id: string, field: string, deleted: Deleted = 'exclude'): Promise<IContact> {
  const contact = await contactQuery(em, viewer, deleted).andWhere({ id }).getSingleResult();
  if (!contact) throw notFound('Contact', id, field);
  return contact;
}

/** A live contact of `customerId` the caller may see; NOT_FOUND otherwise (used by activities). */
export async function findCustomerContact(em: SqlEntityManager, viewer: Viewer, customerId: string, id: string, field: string): Promise<IContact> {
  const contact = await contactQuery(em, viewer)
    .andWhere({ id: requireUuid(field, id), customerId })
    .getSingleResult();
  if (!contact) throw notFound('Contact', id, field);
  return contact;
}

function emailList(field: string, values: readonly string[]): string[] {
  const out: string[] = [];
  values.forEach((value, i) => {
    const email = optionalEmail(`${field}.${i}`, value);
    if (!email) throw badInput(`${field}.${i}`, `${field}.${i} must not be empty`, 'REQUIRED');
    if (!out.includes(email)) out.push(email);
  });
  if (out.length > MAX_CONTACT_EMAILS) throw badInput(field, `${field} may hold at most ${MAX_CONTACT_EMAILS} addresses`, 'TOO_MANY');
  return out;
}

function phoneList(field: string, values: readonly string[]): string[] {
  const out: string[] = [];
  values.forEach((value, i) => {
    const phone = requireText(`${field}.${i}`, value, 40);
    if (!out.includes(phone)) out.push(phone);
  });
  if (out.length > MAX_CONTACT_PHONES) throw badInput(field, `${field} may hold at most ${MAX_CONTACT_PHONES} numbers`, 'TOO_MANY');
  return out;
}

/** Unsets the customer's current primary contact (other than `keep`), to be written by the same flush. */
async function demoteCurrentPrimary(em: SqlEntityManager, customerId: string, keep: string | null): Promise<void> {
  const current = await em.find(Contact, { customerId, isPrimary: true, deletedAt: null });
  for (const contact of current) if (contact.id !== keep) contact.isPrimary = false;
}

/**
 * Writes `customers.customer.contact-changed.v1` for `contact` as it is after the change, keyed by
 * its customer (contacts are part of the customer aggregate), to be written by the same flush.
 */
function announceContact(em: SqlEntityManager, contact: IContact, change: 'ADDED' | 'UPDATED' | 'REMOVED' | 'RESTORED', meta: EventMetadata): void {
  const { id: contactId, customerId, name, title, emails, phones, preferredChannel, isPrimary: primary, deletedAt } = contact;
  publish(
    em,
    CustomerContactChangedV1,
    customerId,
    {
      customerId,
      contactId,
      change,
      contact: { name, title: title ?? null, emails, phones, preferredChannel: preferredChannel ?? null, primary, deletedAt: deletedAt?.toISOString() ?? null },
      changedAt: new Date().toISOString(),
    },
    meta,
  );
}

/** Flushes; a concurrent request that made another primary contact in between is a CONFLICT. */
async function flushContacts(em: SqlEntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if ((error as { code?: unknown }).code === '23P01') {
      throw conflict('PRIMARY_CONTACT_CONFLICT', 'another primary contact was set for this customer at the same time; try again', 'input.primary');
    }
    throw error;
  }
}

export interface AddContactInput {
  customerId: string;
  name: string;
  title?: string | null;
  emails?: string[] | null;
  phones?: string[] | null;
  preferredChannel?: ContactChannel | null;
  primary?: boolean | null;
}

/**
 * Adds a contact to a customer the caller may change. Made primary, it replaces the customer's
 * current primary contact in the same flush.
 */
export async function addContact(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: AddContactInput, meta: EventMetadata): Promise<IContact> {
  const customer = await findWritableCustomer(em, viewer, input.customerId, 'input.customerId');
  const name = requireText('input.name', input.name);
  const title = optionalText('input.title', input.title, 200);
  const emails = emailList('input.emails', input.emails ?? []);
  const phones = phoneList('input.phones', input.phones ?? []);
  const preferredChannel = input.preferredChannel ?? null;
  const isPrimary = input.primary === true;
  if (isPrimary) await demoteCurrentPrimary(em, customer.id, null);
  const contact = em.create(Contact, { id: randomUUID(), customerId: customer.id, name, title, emails, phones, preferredChannel, isPrimary, deletedAt: null });
  announceContact(em, contact, 'ADDED', meta);
  await flushContacts(em);
  return contact;
}

export interface UpdateContactInput {
  id: string;
  name?: string | null;
  title?: string | null;
  emails?: string[] | null;
  phones?: string[] | null;
  preferredChannel?: ContactChannel | null;
  primary?: boolean | null;
}

/**
 * Changes the given fields of a contact (a nullable field given as null is cleared). `primary:
 * true` makes it the customer's primary contact, unsetting the old one in the same flush.
 */
export async function updateContact(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: UpdateContactInput, meta: EventMetadata): Promise<IContact> {
  const contact = await findVisible(em, viewer, requireUuid('input.id', input.id), 'input.id');
  await findWritableCustomer(em, viewer, contact.customerId, 'input.id');
  const changes: Partial<IContact> = {};
  if (input.name !== undefined) {
    if (input.name === null) throw badInput('input.name', 'input.name cannot be cleared', 'REQUIRED');
    changes.name = requireText('input.name', input.name);
  }
  if (input.title !== undefined) changes.title = optionalText('input.title', input.title, 200);
  if (input.emails !== undefined) changes.emails = emailList('input.emails', input.emails ?? []);
  if (input.phones !== undefined) changes.phones = phoneList('input.phones', input.phones ?? []);
  if (input.preferredChannel !== undefined) {
    changes.preferredChannel = input.preferredChannel ?? null;
  }
  if (input.primary !== undefined && input.primary !== null) {
    if (input.primary && !contact.isPrimary) await demoteCurrentPrimary(em, contact.customerId, contact.id);
    changes.isPrimary = input.primary;
  }
  em.assign(contact, changes);
  announceContact(em, contact, 'UPDATED', meta);
  await flushContacts(em);
  return contact;
}

/** Removes a contact softly (it stops being primary); restorable. Already removed: CONFLICT. */
export async function removeContact(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IContact> {
  const contactId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'Contact',
    word: 'removed',
    load: (tx) => findVisible(tx, viewer, contactId, 'id', 'include'),
    check: async (contact, tx) => {
      await findWritableCustomer(tx, viewer, contact.customerId, 'id');
    },
    announce: (contact, tx) => {
      contact.isPrimary = false;
      announceContact(tx, contact, 'REMOVED', meta);
    },
  });
}

/** Restores a removed contact, not as primary (admins, directors, team heads). A live one: CONFLICT. */
export async function restoreContact(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IContact> {
  const contactId = requireUuid('id', id);
  return restoreDeleted(em, {
    entity: 'Contact',
    word: 'removed',
    load: (tx) => findVisible(tx, viewer, contactId, 'id', 'include'),
    announce: (contact, tx) => announceContact(tx, contact, 'RESTORED', meta),
  });
}
