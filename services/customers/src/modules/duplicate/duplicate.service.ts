import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { CustomerMergedV1, CustomerSharedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, notFound, optionalText, requireUuid } from '@rapport/errors';
import {
  ANY_TEAM,
  actsFor,
  CustomerAccess,
  isScoped,
  pageRuleOf,
  pageSizeOf,
  visibleCustomersSql,
  type Viewer,
  headsTeam,
  type WriteAccess,
  notDeletedSql,
} from '@rapport/subgraph-kit';
import { Activity } from '../activity/activity.entity.js';
import { Address } from '../address/address.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Document } from '../document/document.entity.js';
import { Customer, MAX_TAGS, type ICustomer } from '../customer/customer.entity.js';
import { visibleQuery } from '../customer/customer.service.js';
import { TimelineEntry } from '../timeline/timeline-entry.entity.js';

export const DUPLICATE_REASONS = ['SIMILAR_NAME', 'SAME_EMAIL', 'SAME_PHONE', 'SAME_TAX_ID'] as const;
/** Why a customer looks like a duplicate of another. */
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** A live customer that likely is the same as the candidate, with a score from 0 to 1. */
export interface DuplicateCandidate {
  customerId: string;
  name: string;
  score: number;
  reasons: ('SIMILAR_NAME' | 'SAME_EMAIL' | 'SAME_PHONE' | 'SAME_TAX_ID')[];
}

/** What a possible duplicate is compared by. */
export interface DuplicateProbe {
  name: string;
  email?: string | null;
  phone?: string | null;
  taxId?: string | null;
}

/** Customers scoring at least this are likely duplicates. */
export const DUPLICATE_THRESHOLD = 0.5;
/** Name similarity (pg_trgm) from which a name counts towards the score… */
const NAME_FLOOR = 0.3;
/** …and from which it is given as a reason. */
const NAME_REASON = 0.4;
/** What each exact match weighs; the score combines the signals as 1 − Π(1 − weight). */
const WEIGHT = { taxId: 0.95, email: 0.9, phone: 0.6 } as const;
const { default: DEFAULT_LIMIT, max: MAX_LIMIT } = pageRuleOf('findDuplicates');
/** Fewer digits than this are too little to call two phone numbers the same. */
const MIN_PHONE_DIGITS = 6;

const probeEmail = (email: string | null | undefined): string | null => {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
};
const probePhone = (phone: string | null | undefined): string | null => {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits.length >= MIN_PHONE_DIGITS ? digits : null;
};
const probeTaxId = (taxId: string | null | undefined): string | null => {
  const t = taxId?.replace(/[\s.-]/g, '').toUpperCase();
  return t ? t : null;
};

/** Where the probes come from: a JSON list of given values, or existing customers by id. */
type ProbeSource =
  | { kind: 'values'; rows: { key: string; name: string; email: string | null; phone: string | null; tax_id: string | null; exclude_id: string | null }[] }
  | { kind: 'customers'; ids: readonly string[] };

interface ScoredRow {
  probe_key: string;
  customer_id: string;
  name: string;
  score: string | number;
  name_sim: string | number;
  same_email: boolean;
  same_phone: boolean;
  same_tax: boolean;
}

const DIGITS = (column: string): string => `regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g')`;

/**
 * The one query behind every duplicate search: for each probe, the live customers scoring at least
 * DUPLICATE_THRESHOLD, best first, at most `limit`, narrowed to `visible` (SQL selecting
 * customer_id) when given. N probes cost one query (a lateral join).
 */
async function scoreDuplicates(
  em: SqlEntityManager,
  source: ProbeSource,
  visible: { sql: string; params: unknown[] } | null,
  limit: number,
): Promise<Map<string, DuplicateCandidate[]>> {
  const probes =
    source.kind === 'values'
      ? { sql: `select * from jsonb_to_recordset(?::jsonb) as r(key text, name text, email text, phone text, tax_id text, exclude_id uuid)`, params: [JSON.stringify(source.rows)] }
      : {
          sql: `select id::text as key, name, lower(email) as email, case when length(${DIGITS('phone')}) >= ${MIN_PHONE_DIGITS} then ${DIGITS('phone')} end as phone, tax_id, id as exclude_id from customer where id = any(?::uuid[])`,
          params: [`{${source.ids.join(',')}}`],
        };
  const scoped = visible ? ` and c.id in (${visible.sql})` : '';
  const sql = `
    select q.key as probe_key, d.*
    from (${probes.sql}) q
    cross join lateral (
      select s.customer_id, s.name, s.name_sim, s.same_email, s.same_phone, s.same_tax,
             round((1 - (1 - case when s.name_sim >= ${NAME_FLOOR} then s.name_sim else 0 end)
                      * (case when s.same_tax then ${1 - WEIGHT.taxId} else 1 end)
                      * (case when s.same_email then ${1 - WEIGHT.email} else 1 end)
                      * (case when s.same_phone then ${1 - WEIGHT.phone} else 1 end))::numeric, 3) as score
      from (
        select c.id as customer_id, c.name,
               similarity(lower(c.name), lower(coalesce(q.name, ''))) as name_sim,
               coalesce(q.email is not null and (lower(c.email) = q.email
                 or exists (select 1 from contact ct where ct.customer_id = c.id and ${notDeletedSql('ct')} and ct.emails @> array[q.email])), false) as same_email,
               coalesce(q.phone is not null and (${DIGITS('c.phone')} = q.phone
                 or exists (select 1 from contact ct where ct.customer_id = c.id and ${notDeletedSql('ct')} and phone_digits(ct.phones) @> array[q.phone])), false) as same_phone,
               coalesce(q.tax_id is not null and c.tax_id = q.tax_id, false) as same_tax
        from customer c
        where ${notDeletedSql('c')}
          and (q.exclude_id is null or c.id <> q.exclude_id)
          and c.id in (
            -- each branch can use its own index (the partial ones on live rows)
            select n.id from customer n where ${notDeletedSql('n')} and lower(n.name) % lower(coalesce(q.name, ''))
            union all select e.id from customer e where q.email is not null and ${notDeletedSql('e')} and lower(e.email) = q.email
            union all select t.id from customer t where q.tax_id is not null and ${notDeletedSql('t')} and t.tax_id = q.tax_id
            union all select p.id from customer p where q.phone is not null and p.phone is not null and ${DIGITS('p.phone')} = q.phone
            union all select ce.customer_id from contact ce where q.email is not null and ${notDeletedSql('ce')} and ce.emails @> array[q.email]
            union all select cp.customer_id from contact cp where q.phone is not null and ${notDeletedSql('cp')} and phone_digits(cp.phones) @> array[q.phone]
          )${scoped}
      ) s
    ) d
    where d.score >= ${DUPLICATE_THRESHOLD}
    order by q.key, d.score desc, d.customer_id`;
  const rows = await em.execute<ScoredRow[]>(sql, [...probes.params, ...(visible?.params ?? [])]);
  const out = new Map<string, DuplicateCandidate[]>();
  for (const row of rows) {
    const list = out.get(row.probe_key) ?? [];
    if (list.length >= limit) continue;
    const reasons: DuplicateReason[] = [];
    if (Number(row.name_sim) >= NAME_REASON) reasons.push('SIMILAR_NAME');
    if (row.same_email) reasons.push('SAME_EMAIL');
    if (row.same_phone) reasons.push('SAME_PHONE');
    if (row.same_tax) reasons.push('SAME_TAX_ID');
    list.push({ customerId: row.customer_id, name: row.name, score: Number(row.score), reasons });
    out.set(row.probe_key, list);
  }
  return out;
}

const boundedLimit = (limit: number | null | undefined): number => Math.min(Math.max(Math.trunc(limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);

/**
 * Live customers that likely are the same as `candidate` (score ≥ 0.5), best first: a similar
 * name (pg_trgm), the same email (the customer's or any of its contacts'), the same phone digits,
 * the same tax id. A tax id or email match alone scores at least 0.9. NOT narrowed to what any
 * caller may see: callers that show the result narrow it themselves.
 */
export async function findLikelyDuplicates(
  em: SqlEntityManager,
  candidate: { name: string; email?: string | null; phone?: string | null; taxId?: string | null },
  options?: { excludeId?: string; limit?: number },
): Promise<DuplicateCandidate[]> {
  const row = {
    key: 'candidate',
    name: candidate.name.trim(),
    email: probeEmail(candidate.email),
    phone: probePhone(candidate.phone),
    tax_id: probeTaxId(candidate.taxId),
    exclude_id: options?.excludeId ?? null,
  };
  const found = await scoreDuplicates(em, { kind: 'values', rows: [row] }, null, boundedLimit(options?.limit));
  return found.get('candidate') ?? [];
}

/** The viewer's visibility for duplicate searches: null = everything. */
const visibilityOf = (viewer: Viewer): { sql: string; params: unknown[] } | null => visibleCustomersSql(viewer);

/** `findDuplicates`: likely duplicates of the given values among the customers the caller may see. */
export async function findDuplicatesFor(em: SqlEntityManager, viewer: Viewer, input: DuplicateProbe, limit?: number | null): Promise<DuplicateCandidate[]> {
  const name = optionalText('input.name', input.name, 200) ?? '';
  const email = optionalText('input.email', input.email, 254);
  const phone = optionalText('input.phone', input.phone, 40);
  const taxId = optionalText('input.taxId', input.taxId, 60);
  const row = { key: 'candidate', name, email: probeEmail(email), phone: probePhone(phone), tax_id: probeTaxId(taxId), exclude_id: null };
  const found = await scoreDuplicates(em, { kind: 'values', rows: [row] }, visibilityOf(viewer), pageSizeOf('findDuplicates', limit));
  return found.get('candidate') ?? [];
}

/** Likely duplicates of each of `customerIds` among what the caller may see, in one query (for the loader). */
export async function duplicatesOfCustomers(em: SqlEntityManager, viewer: Viewer, customerIds: readonly string[]): Promise<Map<string, DuplicateCandidate[]>> {
  if (customerIds.length === 0) return new Map();
  return scoreDuplicates(em, { kind: 'customers', ids: customerIds }, visibilityOf(viewer), DEFAULT_LIMIT);
}

/** Fields of the survivor filled from the merged customer when empty (owner and team stay: a merge is no transfer). */
const FILLABLE = ['email', 'phone', 'industry', 'source', 'tier', 'notes', 'taxId'] as const;

/** A customer for merging, locked; NOT_FOUND when unseen, CONFLICT when already merged or deleted. */
async function lockForMerge(em: SqlEntityManager, viewer: Viewer, id: string, field: string): Promise<ICustomer> {
  const live = await visibleQuery(em, viewer).andWhere({ id }).setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResult();
  if (live) return live;
  const deleted = await visibleQuery(em, viewer, 'only').andWhere({ id }).getSingleResult();
  if (!deleted) throw notFound('Customer', id, field);
  if (deleted.mergedInto) throw new AppError('CONFLICT', 'CUSTOMER_ALREADY_MERGED', `Customer ${id} was already merged into ${deleted.mergedInto}`, { field });
  throw new AppError('CONFLICT', 'CUSTOMER_DELETED', `Customer ${id} is deleted`, { field });
}

/**
 * Merges `mergedId` into `survivorId` in one transaction and one flush: its contacts, addresses,
 * activities, documents and timeline entries move to the survivor, the users it was shared with are shared the
 * survivor too, the survivor's empty fields are filled from it, and it is deleted softly with
 * `mergedInto` set (as are the customers merged into it before, so `mergedInto` always names the
 * latest survivor); `customers.customer.merged.v1` announces it. Directors, admins, and team heads
 * who see both customers may merge.
 */
export async function mergeCustomers(em: SqlEntityManager, viewer: Viewer<WriteAccess>, survivorIdRaw: string, mergedIdRaw: string, meta: EventMetadata): Promise<ICustomer> {
  if (isScoped(viewer.access) && !headsTeam(viewer, ANY_TEAM)) throw new AppError('FORBIDDEN', 'MERGE_FORBIDDEN', 'only a team head, a director or an admin merges customers');
  const survivorId = requireUuid('survivorId', survivorIdRaw).toLowerCase();
  const mergedId = requireUuid('mergedId', mergedIdRaw).toLowerCase();
  if (survivorId === mergedId) throw new AppError('CONFLICT', 'MERGE_INTO_ITSELF', 'a customer cannot be merged into itself', { field: 'mergedId' });
  return em.transactional(async (tx) => {
    // Locked in id order, so two opposite merges at once cannot deadlock.
    const [first, second] = survivorId < mergedId ? [survivorId, mergedId] : [mergedId, survivorId];
    const locked = new Map<string, ICustomer>();
    locked.set(first, await lockForMerge(tx, viewer, first, first === survivorId ? 'survivorId' : 'mergedId'));
    locked.set(second, await lockForMerge(tx, viewer, second, second === survivorId ? 'survivorId' : 'mergedId'));
    for (const [id, customer] of locked) {
      if (!actsFor(viewer, customer.ownerId, customer.teamId)) {
        throw new AppError('FORBIDDEN', 'MERGE_FORBIDDEN', 'a team head merges the customers of the teams they head only', {
          field: id === survivorId ? 'survivorId' : 'mergedId',
        });
      }
    }
    const survivor = locked.get(survivorId)!;
    const merged = locked.get(mergedId)!;

    // One connection inside the transaction: read one after another.
    const contacts = await tx.find(Contact, { customerId: mergedId });
    const addresses = await tx.find(Address, { customerId: mergedId });
    const activities = await tx.find(Activity, { customerId: mergedId });
    const timeline = await tx.find(TimelineEntry, { customerId: mergedId });
    const documents = await tx.find(Document, { customerId: mergedId });
    const survivorHasPrimary = (await tx.count(Contact, { customerId: survivorId, isPrimary: true, deletedAt: null })) > 0;
    for (const contact of contacts) {
      contact.customerId = survivorId;
      if (survivorHasPrimary) contact.isPrimary = false;
    }
    for (const row of [...addresses, ...activities, ...timeline, ...documents]) row.customerId = survivorId;

    const changes: Partial<ICustomer> = {};
    for (const field of FILLABLE) {
      const current = survivor[field];
      const other = merged[field];
      if ((current === null || current === undefined) && other !== null && other !== undefined) Object.assign(changes, { [field]: other });
    }
    const tags = [...new Set([...(survivor.tags as string[]), ...(merged.tags as string[])])];
    if (tags.length !== (survivor.tags as string[]).length) changes.tags = tags.slice(0, MAX_TAGS);
    if (merged.lastContactedAt && (!survivor.lastContactedAt || merged.lastContactedAt > survivor.lastContactedAt)) changes.lastContactedAt = merged.lastContactedAt;
    // Customers merged into the merged one earlier now point at the survivor too (no chains to follow).
    const earlier = merged.mergedIds as string[];
    const earlierMerged = earlier.length ? await tx.find(Customer, { id: { $in: earlier }, mergedInto: mergedId }) : [];
    for (const row of earlierMerged) row.mergedInto = survivorId;
    changes.mergedIds = [...new Set([...(survivor.mergedIds as string[]), ...earlier, mergedId])];
    tx.assign(survivor, changes);

    const survivorAccess = await tx.findOne(CustomerAccess, { customerId: survivorId });
    const mergedAccess = await tx.findOne(CustomerAccess, { customerId: mergedId });
    const before = survivorAccess?.sharedWith ?? [];
    const added = (mergedAccess?.sharedWith ?? []).filter((userId) => !before.includes(userId));
    if (survivorAccess) survivorAccess.sharedWith = [...before, ...added];
    else tx.create(CustomerAccess, { customerId: survivorId, ownerId: survivor.ownerId ?? null, teamId: survivor.teamId ?? null, sharedWith: added });
    // Other subgraphs keep their own copy of who sees the survivor.
    for (const userId of added) publish(tx, CustomerSharedV1, survivorId, { customerId: survivorId, userId }, meta);

    const mergedAt = new Date();
    merged.mergedInto = survivorId;
    merged.deletedAt = mergedAt;
    publish(tx, CustomerMergedV1, survivorId, { survivorId, mergedId, mergedAt: mergedAt.toISOString() }, meta);
    await tx.flush();
    return survivor;
  });
}
