import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { CustomerAddressChangedV1, type EventMetadata } from '@rapport/contracts';
import { notFound, optionalText, requireText, requireUuid } from '@rapport/errors';
import { restoreDeleted, restrictToVisibleCustomers, softDelete, whereDeleted, type Deleted, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { findWritableCustomer } from '../customer/customer.service.js';
import { Address, requireCountry, type IAddress } from './address.entity.js';
import type { AddressKind } from '../../generated/types.js';

/**
 * The one base query for addresses: those of the customers the caller may see, the live ones unless
 * `deleted` says otherwise. Every loader and mutation starts here.
 */
export function addressQuery(em: SqlEntityManager, viewer: Viewer, deleted: Deleted = 'exclude') {
  const qb = whereDeleted(em.createQueryBuilder(Address, 'ad').select('*'), 'ad', deleted);
  restrictToVisibleCustomers(qb, 'ad', viewer);
  return qb;
}

async function findVisible(em: SqlEntityManager, viewer: Viewer, id: string, field: string, deleted: Deleted = 'exclude'): Promise<IAddress> {
  const address = await addressQuery(em, viewer, deleted).andWhere({ id }).getSingleResult();
  if (!address) throw notFound('Address', id, field);
  return address;
}

export interface AddAddressInput {
  customerId: string;
  kind: AddressKind;
  street: string;
  postalCode?: string | null;
  city: string;
  region?: string | null;
  country: string;
}

/**
 * Writes `customers.customer.address-changed.v1` for `address` as it is after the change, keyed by
 * its customer (addresses are part of the customer aggregate), to be written by the same flush.
 */
function announceAddress(em: SqlEntityManager, address: IAddress, change: 'ADDED' | 'REMOVED' | 'RESTORED', meta: EventMetadata): void {
  const { id: addressId, customerId, kind, street, postalCode, city, region, country, deletedAt } = address;
  publish(
    em,
    CustomerAddressChangedV1,
    customerId,
    {
      customerId,
      addressId,
      change,
      address: { kind, street, postalCode: postalCode ?? null, city, region: region ?? null, country, deletedAt: deletedAt?.toISOString() ?? null },
      changedAt: new Date().toISOString(),
    },
    meta,
  );
}

/** Adds an address to a customer the caller may change. */
export async function addAddress(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: AddAddressInput, meta: EventMetadata): Promise<IAddress> {
  const customer = await findWritableCustomer(em, viewer, input.customerId, 'input.customerId');
  const address = em.create(Address, {
    id: randomUUID(),
    customerId: customer.id,
    kind: input.kind,
    street: requireText('input.street', input.street, 300),
    postalCode: optionalText('input.postalCode', input.postalCode, 20),
    city: requireText('input.city', input.city, 100),
    region: optionalText('input.region', input.region, 100),
    country: requireCountry('input.country', input.country),
    deletedAt: null,
  });
  announceAddress(em, address, 'ADDED', meta);
  await em.flush();
  return address;
}

/** Removes an address softly; restorable. Already removed: CONFLICT. */
export async function removeAddress(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IAddress> {
  const addressId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'Address',
    word: 'removed',
    load: (tx) => findVisible(tx, viewer, addressId, 'id', 'include'),
    check: async (address, tx) => {
      await findWritableCustomer(tx, viewer, address.customerId, 'id');
    },
    announce: (address, tx) => announceAddress(tx, address, 'REMOVED', meta),
  });
}

/** Restores a removed address (admins, directors, team heads). A live one: CONFLICT. */
export async function restoreAddress(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IAddress> {
  const addressId = requireUuid('id', id);
  return restoreDeleted(em, {
    entity: 'Address',
    word: 'removed',
    load: (tx) => findVisible(tx, viewer, addressId, 'id', 'include'),
    announce: (address, tx) => announceAddress(tx, address, 'RESTORED', meta),
  });
}
