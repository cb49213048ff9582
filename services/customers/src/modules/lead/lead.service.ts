import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { publish } from '@rapport/bus';
import { LeadConvertedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, conflict, notFound, optionalEmail, optionalText, pageSize, parseMoneyInput, requireOneOf, requireText, requireUuid, type Money } from '@rapport/errors';
import { decodeCursor, isScoped, readAccess, toConnection, writeAccess, type Access, type Connection } from '@rapport/subgraph-kit';
import { Contact } from '../contact/contact.entity.js';
import { CUSTOMER_KINDS, CUSTOMER_SOURCES } from '../customer/customer.entity.js';
import { createCustomer } from '../customer/customer.service.js';
import { Lead, LEAD_STATUSES, type ILead } from './lead.entity.js';
import { leadPolicy } from './lead.policy.js';

export const NAME_MAX = 200;
export const COMPANY_MAX = 200;
export const PHONE_MAX = 40;
export const MESSAGE_MAX = 4000;
export const REASON_MAX = 1000;
/** Web-form submissions accepted per email address within one hour. */
export const FORM_LIMIT_PER_HOUR = 5;

/**
 * The one base query for leads: those the caller may see (alias `l`). A rep (scoped access) sees
 * the leads they own and the unassigned ones; everyone with `all` sees every lead.
 */
export function leadQuery(em: SqlEntityManager, principal: Principal | null, access: Access) {
  const qb = em.createQueryBuilder(Lead, 'l').select('*');
  if (isScoped(access)) qb.where('(l.owner_id = ? or l.owner_id is null)', [principal?.userId ?? null]);
  return qb;
}

async function findLead(em: SqlEntityManager, principal: Principal | null, access: Access, id: string, field: string, lock = false): Promise<ILead> {
  const leadId = requireUuid(field, id);
  const qb = leadQuery(em, principal, access).andWhere({ id: leadId });
  if (lock) qb.setLockMode(LockMode.PESSIMISTIC_WRITE);
  const lead = await qb.getSingleResult();
  if (!lead) throw notFound('Lead', leadId, field);
  return lead;
}

/** One lead the caller may see; NOT_FOUND for unknown and invisible alike. */
export async function getLead(em: SqlEntityManager, principal: Principal | null, id: string): Promise<ILead> {
  return findLead(em, principal, readAccess(leadPolicy, principal, 'leads'), id, 'id');
}

export interface LeadFilter {
  status?: string | null;
  ownerId?: string | null;
}

/** The leads the caller may see, newest first, paged by keyset on (createdAt, id). */
export async function listLeads(
  em: SqlEntityManager,
  principal: Principal | null,
  filter: LeadFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ILead>> {
  const access = readAccess(leadPolicy, principal, 'leads');
  const limit = pageSize('first', first);
  const qb = leadQuery(em, principal, access);
  if (filter?.status) qb.andWhere({ status: requireOneOf('filter.status', filter.status, LEAD_STATUSES) });
  if (filter?.ownerId) qb.andWhere({ ownerId: requireUuid('filter.ownerId', filter.ownerId) });
  if (after) {
    const cursor = decodeCursor('after', after, 'timestamp');
    qb.andWhere('(l.created_at, l.id) < (?, ?)', [cursor.sortValue, cursor.id]);
  }
  const rows = await qb.orderBy({ createdAt: 'desc', id: 'desc' }).limit(limit + 1).getResultList();
  return toConnection(rows, limit, (l) => l.createdAt.toISOString());
}

export interface CaptureLeadInput {
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  source?: string | null;
  message?: string | null;
  ownerId?: string | null;
}

/**
 * Records a lead a signed-in seller took (status NEW). The owner defaults to the caller; a rep
 * captures leads for themselves only.
 */
export async function captureLead(em: SqlEntityManager, principal: Principal | null, input: CaptureLeadInput): Promise<ILead> {
  writeAccess(leadPolicy, principal, 'leads');
  const ownerId = input.ownerId ? requireUuid('input.ownerId', input.ownerId) : (principal?.userId ?? null);
  if (principal?.role === 'SALES_REP' && ownerId !== principal.userId) {
    throw new AppError('FORBIDDEN', 'OWNER_FORBIDDEN', 'a sales rep captures leads for themselves only', { field: 'input.ownerId' });
  }
  const lead = em.create(Lead, {
    id: randomUUID(),
    name: requireText('input.name', input.name, NAME_MAX),
    company: optionalText('input.company', input.company, COMPANY_MAX),
    email: optionalEmail('input.email', input.email),
    phone: optionalText('input.phone', input.phone, PHONE_MAX),
    source: input.source ? requireOneOf('input.source', input.source, CUSTOMER_SOURCES) : null,
    message: optionalText('input.message', input.message, MESSAGE_MAX),
    status: 'NEW',
    disqualifyReason: null,
    ownerId,
    fromWebForm: false,
    convertedCustomerId: null,
  });
  await em.flush();
  return lead;
}

export interface LeadFormInput {
  name: string;
  company?: string | null;
  email: string;
  phone?: string | null;
  message?: string | null;
  /** Honeypot: hidden in the form, so people leave it empty and bots fill it in. */
  website?: string | null;
}

/**
 * The public web form: anyone may submit interest; it becomes an unassigned NEW lead from the
 * WEBSITE. Strictly validated; the hidden `website` field must stay empty; at most
 * FORM_LIMIT_PER_HOUR submissions per email address within an hour (CONFLICT beyond). Counting
 * and inserting happen under a per-address lock, so concurrent submissions cannot overrun it.
 */
export async function submitLeadForm(em: SqlEntityManager, input: LeadFormInput): Promise<{ received: boolean }> {
  if (input.website !== null && input.website !== undefined && input.website !== '') {
    throw badInput('input.website', 'input.website must be left empty', 'HONEYPOT');
  }
  const name = requireText('input.name', input.name, NAME_MAX);
  const company = optionalText('input.company', input.company, COMPANY_MAX);
  const email = optionalEmail('input.email', input.email);
  if (!email) throw badInput('input.email', 'input.email must not be empty', 'REQUIRED');
  const phone = optionalText('input.phone', input.phone, PHONE_MAX);
  const message = optionalText('input.message', input.message, MESSAGE_MAX);
  await em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`lead-form:${email}`]);
    const [row] = await tx.execute<{ n: number }[]>(
      `select count(*)::int as n from lead where from_web_form and lower(email) = ? and created_at > now() - interval '1 hour'`,
      [email],
    );
    if ((row?.n ?? 0) >= FORM_LIMIT_PER_HOUR) {
      throw conflict('TOO_MANY_SUBMISSIONS', `at most ${FORM_LIMIT_PER_HOUR} submissions per email address an hour; try again later`, 'input.email');
    }
    tx.create(Lead, {
      id: randomUUID(),
      name,
      company,
      email,
      phone,
      source: 'WEBSITE',
      message,
      status: 'NEW',
      disqualifyReason: null,
      ownerId: null,
      fromWebForm: true,
      convertedCustomerId: null,
    });
  });
  return { received: true };
}

/** Marks a NEW lead QUALIFIED (a qualified lead stays so; other states are a CONFLICT). */
export async function qualifyLead(em: SqlEntityManager, principal: Principal | null, id: string): Promise<ILead> {
  const lead = await findLead(em, principal, writeAccess(leadPolicy, principal, 'leads'), id, 'id');
  if (lead.status !== 'NEW') throw conflict('LEAD_NOT_NEW', `lead ${lead.id} is ${lead.status.toLowerCase()}; only a new lead can be qualified`, 'id');
  lead.status = 'QUALIFIED';
  await em.flush();
  return lead;
}

/** Marks a NEW or QUALIFIED lead DISQUALIFIED with the reason (required). */
export async function disqualifyLead(em: SqlEntityManager, principal: Principal | null, id: string, reason: string): Promise<ILead> {
  const lead = await findLead(em, principal, writeAccess(leadPolicy, principal, 'leads'), id, 'id');
  const why = requireText('reason', reason ?? '', REASON_MAX);
  if (lead.status !== 'NEW' && lead.status !== 'QUALIFIED') {
    throw conflict('LEAD_CLOSED', `lead ${lead.id} is ${lead.status.toLowerCase()} and can no longer be disqualified`, 'id');
  }
  lead.status = 'DISQUALIFIED';
  lead.disqualifyReason = why;
  await em.flush();
  return lead;
}

export interface ConvertLeadInput {
  customerKind: string;
  opportunity?: { title: string; amount: Money } | null;
}

/**
 * Converts a QUALIFIED lead (CONFLICT otherwise): creates the customer (through createCustomer;
 * owned by the lead's owner, or the caller when unassigned) and its primary contact, marks the
 * lead CONVERTED, and publishes `customers.lead.converted.v1` (with the opportunity to open, if
 * given) — all in one database transaction, so nothing is written when any step fails. The lead
 * row stays locked until it commits, so a lead converts once.
 */
export async function convertLead(em: SqlEntityManager, principal: Principal | null, id: string, input: ConvertLeadInput, meta: EventMetadata): Promise<ILead> {
  const access = writeAccess(leadPolicy, principal, 'leads');
  const leadId = requireUuid('id', id);
  const kind = requireOneOf('input.customerKind', input.customerKind, CUSTOMER_KINDS);
  const opportunity = input.opportunity
    ? { title: requireText('input.opportunity.title', input.opportunity.title), amount: parseMoneyInput('input.opportunity.amount', input.opportunity.amount) }
    : null;
  return em.transactional(async (tx) => {
    const lead = await findLead(tx, principal, access, leadId, 'id', true);
    if (lead.status !== 'QUALIFIED') throw conflict('LEAD_NOT_QUALIFIED', `lead ${lead.id} is ${lead.status.toLowerCase()}; only a qualified lead converts`, 'id');
    if (kind === 'COMPANY' && !lead.company) {
      throw badInput('input.customerKind', 'input.customerKind: a lead without a company converts to a PERSON customer', 'COMPANY_REQUIRED');
    }
    const ownerId = lead.ownerId ?? principal?.userId ?? null;
    const customer = await createCustomer(
      tx,
      principal,
      { name: kind === 'COMPANY' ? (lead.company ?? lead.name) : lead.name, kind, email: lead.email, phone: lead.phone, ownerId, source: lead.source ?? null },
      meta,
    );
    const contact = tx.create(Contact, {
      id: randomUUID(),
      customerId: customer.id,
      name: lead.name,
      title: null,
      emails: lead.email ? [lead.email] : [],
      phones: lead.phone ? [lead.phone] : [],
      preferredChannel: null,
      isPrimary: true,
    });
    lead.status = 'CONVERTED';
    lead.convertedCustomerId = customer.id;
    publish(
      tx,
      LeadConvertedV1,
      lead.id,
      { leadId: lead.id, customerId: customer.id, contactId: contact.id, ownerId, opportunity, convertedAt: new Date().toISOString() },
      meta,
    );
    await tx.flush();
    return lead;
  });
}
