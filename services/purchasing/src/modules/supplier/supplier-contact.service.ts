import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound, optionalEmail, optionalText, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import { softDelete, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { ADDRESS_KINDS, SupplierAddress, SupplierContact, type ISupplierAddress, type ISupplierContact } from './supplier-contact.entity.js';
import { getSupplier } from './supplier.service.js';

export interface SupplierContactInput {
  name: string;
  position?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface SupplierAddressInput {
  kind: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

/** Adds a contact to a live supplier. */
export async function addSupplierContact(em: SqlEntityManager, viewer: Viewer<WriteAccess>, supplierId: string, input: SupplierContactInput): Promise<ISupplierContact> {
  const supplier = await getSupplier(em, viewer, supplierId, 'supplierId');
  const contact = em.create(SupplierContact, {
    id: randomUUID(),
    supplierId: supplier.id,
    name: requireText('input.name', input.name),
    position: optionalText('input.position', input.position, 100),
    email: optionalEmail('input.email', input.email),
    phone: optionalText('input.phone', input.phone, 40),
    createdAt: new Date(),
    deletedAt: null,
  });
  await em.flush();
  return contact;
}

/** Adds an address to a live supplier; the country is an ISO 3166-1 alpha-2 code. */
export async function addSupplierAddress(em: SqlEntityManager, viewer: Viewer<WriteAccess>, supplierId: string, input: SupplierAddressInput): Promise<ISupplierAddress> {
  const supplier = await getSupplier(em, viewer, supplierId, 'supplierId');
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badInput('input.country', 'input.country must be an ISO 3166-1 alpha-2 code such as DE', 'INVALID_COUNTRY');
  const address = em.create(SupplierAddress, {
    id: randomUUID(),
    supplierId: supplier.id,
    kind: requireOneOf('input.kind', input.kind, ADDRESS_KINDS),
    street: requireText('input.street', input.street, 300),
    postalCode: requireText('input.postalCode', input.postalCode, 20),
    city: requireText('input.city', input.city, 100),
    country,
    createdAt: new Date(),
    deletedAt: null,
  });
  await em.flush();
  return address;
}

/** Removes a contact (softly); CONFLICT when already removed. */
export function removeSupplierContact(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string): Promise<ISupplierContact> {
  const contactId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'SupplierContact',
    load: async (tx) => (await tx.findOne(SupplierContact, { id: contactId })) ?? Promise.reject(notFound('SupplierContact', id, 'id')),
    announce: () => undefined,
  });
}

/** Removes an address (softly); CONFLICT when already removed. */
export function removeSupplierAddress(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string): Promise<ISupplierAddress> {
  const addressId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'SupplierAddress',
    load: async (tx) => (await tx.findOne(SupplierAddress, { id: addressId })) ?? Promise.reject(notFound('SupplierAddress', id, 'id')),
    announce: () => undefined,
  });
}
