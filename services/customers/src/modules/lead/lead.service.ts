import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { LeadCapturedV1, LeadConvertedV1, LeadDisqualifiedV1, LeadQualifiedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, conflict, notFound, optionalEmail, optionalText, parseMoneyInput, requireText, requireUuid, type Money } from '@rapport/errors';
import { isScoped, keysetPage, transition, type Connection, type Keyset, type Viewer, headedTeams, type WriteAccess, notDeletedSql } from '@rapport/subgraph-kit';
import { Contact } from '../contact/contact.entity.js';
import { createCustomer, findWritableCustomer } from '../customer/customer.service.js';
import { assignOwner } from '../customer/owner-team.js';
import { findDuplicatesFor } from '../duplicate/duplicate.service.js';
import { Lead, type ILead } from './lead.entity.js';
import type { CustomerKind, CustomerSource, LeadStatus } from '../../generated/types.js';

export const NAME_MAX = 200;
export const COMPANY_MAX = 200;
export const PHONE_MAX = 40;
export const MESSAGE_MAX = 4000;
export const REASON_MAX = 1000;
/** Web-form submissions accepted per email address within one hour. */
export const FORM_LIMIT_PER_HOUR = 5;

/**
 * The one base query for leads: those the caller may see (alias `l`). With scoped access, the
 * leads they own, the unassigned ones, and — for a team head — those of the teams they head;
 * everyone with `all` sees every lead.
 */
export function leadQuery(em: SqlEntityManager, viewer: Viewer) {
  const qb = em.createQueryBuilder(Lead, 'l').select('*');
  if (isScoped(viewer.access)) {
    const teamIds = [...headedTeams(viewer)];
    const teams = teamIds.length ? ` or l.team_id in (${teamIds.map(() => '?').join(', ')})` : '';
    qb.where(`(l.owner_id = ? or l.owner_id is null${teams})`, [viewer.principal.userId, ...teamIds]);
  }
  return qb;
}

async function findLead(em: SqlEntityManager, viewer: Viewer, id: string, field: string): Promise<ILead> {
  const leadId = requireUuid(field, id);
  const lead = await leadQuery(em, viewer).andWhere({ id: leadId }).getSingleResult();
  if (!lead) throw notFound('Lead', leadId, field);
  return lead;
}

/** One lead the caller may see; NOT_FOUND for unknown and invisible alike. */
export async function getLead(em: SqlEntityManager, viewer: Viewer, id: string): Promise<ILead> {
  return findLead(em, viewer, id, 'id');
}

export interface LeadFilter {
  status?: LeadStatus | null;
  ownerId?: string | null;
}

/** Leads newest first: by creation, then id. */
const LEAD_ORDER: Keyset<ILead> = { sort: 'l.created_at', kind: 'timestamp', direction: 'desc', id: 'l.id', sortValue: (l) => l.createdAt.toISOString() };

/** The leads the caller may see, newest first, paged by keyset on (createdAt, id). */
export async function listLeads(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: LeadFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ILead>> {
  const qb = leadQuery(em, viewer);
  if (filter?.status) qb.andWhere({ status: filter.status });
  if (filter?.ownerId) qb.andWhere({ ownerId: requireUuid('filter.ownerId', filter.ownerId) });
  return keysetPage(qb, LEAD_ORDER, { field: 'leads', first, after });
}

export interface CaptureLeadInput {
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  source?: CustomerSource | null;
  message?: string | null;
  ownerId?: string | null;
  teamId?: string | null;
}

/** Writes `customers.lead.captured.v1` for a new lead, to be written by the same flush. */
function announceCapture(em: SqlEntityManager, lead: ILead, meta: EventMetadata): void {
  const { id: leadId, name, company, email, phone, source, ownerId, fromWebForm } = lead;
  publish(
    em,
    LeadCapturedV1,
    leadId,
    {
      leadId,
      name,
      company: company ?? null,
      email: email ?? null,
      phone: phone ?? null,
      source: source ?? null,
      ownerId: ownerId ?? null,
      fromWebForm,
      capturedAt: new Date().toISOString(),
    },
    meta,
  );
}

/**
 * Records a lead a signed-in seller took (status NEW). The owner defaults to the caller, the team
 * to the caller's own; a rep captures leads for themselves only, a team head for the teams they
 * head (see the kit's assertAssignable).
 */
export async function captureLead(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CaptureLeadInput, meta: EventMetadata): Promise<ILead> {
  const { ownerId, teamId } = await assignOwner(em, viewer, input, 'leads');
  const lead = em.create(Lead, {
    id: randomUUID(),
    name: requireText('input.name', input.name, NAME_MAX),
    company: optionalText('input.company', input.company, COMPANY_MAX),
    email: optionalEmail('input.email', input.email),
    phone: optionalText('input.phone', input.phone, PHONE_MAX),
    source: input.source ?? null,
    message: optionalText('input.message', input.message, MESSAGE_MAX),
    status: 'NEW',
    disqualifyReason: null,
    ownerId,
    teamId,
    fromWebForm: false,
    convertedCustomerId: null,
  });
  announceCapture(em, lead, meta);
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
export async function submitLeadForm(em: SqlEntityManager, input: LeadFormInput, meta: EventMetadata): Promise<{ received: boolean }> {
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
    const [row] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from lead where from_web_form and lower(email) = ? and created_at > now() - interval '1 hour'`, [
      email,
    ]);
    if ((row?.n ?? 0) >= FORM_LIMIT_PER_HOUR) {
      throw conflict('TOO_MANY_SUBMISSIONS', `at most ${FORM_LIMIT_PER_HOUR} submissions per email address an hour; try again later`, 'input.email');
    }
    const lead = tx.create(Lead, {
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
      teamId: null,
      fromWebForm: true,
      convertedCustomerId: null,
    });
    announceCapture(tx, lead, meta);
  });
  return { received: true };
}

/** Marks a NEW lead QUALIFIED (a qualified lead stays so; other states are a CONFLICT). */
export async function qualifyLead(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ILead> {
  return transition(
    em,
    (tx) => findLead(tx, viewer, id, 'id'),
    (lead, tx) => {
      if (lead.status !== 'NEW') throw conflict('LEAD_NOT_NEW', `lead ${lead.id} is ${lead.status.toLowerCase()}; only a new lead can be qualified`, 'id');
      lead.status = 'QUALIFIED';
      publish(tx, LeadQualifiedV1, lead.id, { leadId: lead.id, qualifiedAt: new Date().toISOString() }, meta);
      return lead;
    },
  );
}

/** Marks a NEW or QUALIFIED lead DISQUALIFIED with the reason (required). */
export async function disqualifyLead(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, reason: string, meta: EventMetadata): Promise<ILead> {
  return transition(
    em,
    (tx) => findLead(tx, viewer, id, 'id'),
    (lead, tx) => {
      const why = requireText('reason', reason ?? '', REASON_MAX);
      if (lead.status !== 'NEW' && lead.status !== 'QUALIFIED') {
        throw conflict('LEAD_CLOSED', `lead ${lead.id} is ${lead.status.toLowerCase()} and can no longer be disqualified`, 'id');
      }
      lead.status = 'DISQUALIFIED';
      lead.disqualifyReason = why;
      publish(tx, LeadDisqualifiedV1, lead.id, { leadId: lead.id, reason: why, disqualifiedAt: new Date().toISOString() }, meta);
      return lead;
    },
  );
}

export interface ConvertLeadInput {
  /** Required unless attaching to an existing customer. */
  customerKind?: CustomerKind | null;
  opportunity?: { title: string; amount: Money } | null;
  /** Convert into this existing customer (its likely duplicate) instead of creating one. */
  attachToCustomerId?: string | null;
  /** Create a new customer even though likely duplicates exist. */
  createDespiteDuplicates?: boolean | null;
}

/** A live contact of `customerId` with `email` (ignoring case), if there is one. */
async function existingContactWithEmail(em: SqlEntityManager, customerId: string, email: string) {
  const [row] = await em.execute<{ id: string }[]>(
    `select id from contact where customer_id = ? and ${notDeletedSql('contact')} and exists (select 1 from unnest(emails) e where lower(e) = lower(?)) limit 1`,
    [customerId, email],
  );
  return row ? em.findOneOrFail(Contact, { id: row.id }) : null;
}

/** Likely duplicates offered on a refused conversion, at most. */
const CONVERSION_CANDIDATES = 5;

/**
 * Converts a QUALIFIED lead (CONFLICT otherwise), in one database transaction with the lead row
 * locked (the kit's transition), so a lead converts once and nothing is written when any step fails:
 * - with `attachToCustomerId`, into that existing customer (one the caller may change): the lead's
 *   person joins it as a contact, unless a contact with the lead's email is already there;
 * - else into a new customer (through createCustomer; owned by the lead's owner, or the caller when
 *   unassigned) with its primary contact — but first the customers the caller may see are checked
 *   for likely duplicates of the lead (name, email, phone), and any there is refuses the conversion
 *   (CONFLICT `LEAD_MATCHES_CUSTOMER`, the candidates in `extensions.details.candidates`) unless
 *   `createDespiteDuplicates` says a new customer is meant.
 * Then the lead is marked CONVERTED and `customers.lead.converted.v1` published (with the
 * opportunity to open, if given).
 */
export async function convertLead(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  customerViewer: Viewer<WriteAccess>,
  id: string,
  input: ConvertLeadInput,
  meta: EventMetadata,
): Promise<ILead> {
  const leadId = requireUuid('id', id);
  const attachToId = input.attachToCustomerId ? requireUuid('input.attachToCustomerId', input.attachToCustomerId) : null;
  if (attachToId && input.createDespiteDuplicates) {
    throw badInput('input.createDespiteDuplicates', 'input.createDespiteDuplicates: a lead attached to an existing customer creates none', 'CONFLICTING_OPTIONS');
  }
  if (!attachToId && !input.customerKind) throw badInput('input.customerKind', 'input.customerKind is required to create a customer', 'REQUIRED');
  const kind = attachToId ? null : (input.customerKind ?? null);
  const opportunity = input.opportunity
    ? { title: requireText('input.opportunity.title', input.opportunity.title), amount: parseMoneyInput('input.opportunity.amount', input.opportunity.amount) }
    : null;
  return transition(
    em,
    (tx) => findLead(tx, viewer, leadId, 'id'),
    async (lead, tx) => {
      if (lead.status !== 'QUALIFIED') throw conflict('LEAD_NOT_QUALIFIED', `lead ${lead.id} is ${lead.status.toLowerCase()}; only a qualified lead converts`, 'id');
      if (kind === 'COMPANY' && !lead.company) {
        throw badInput('input.customerKind', 'input.customerKind: a lead without a company converts to a PERSON customer', 'COMPANY_REQUIRED');
      }
      const ownerId = lead.ownerId ?? viewer.principal.userId;
      const newName = kind === 'COMPANY' ? (lead.company ?? lead.name) : lead.name;
      if (kind && !input.createDespiteDuplicates) {
        const candidates = await findDuplicatesFor(tx, customerViewer, { name: newName, email: lead.email, phone: lead.phone }, CONVERSION_CANDIDATES);
        if (candidates.length > 0) {
          const best = candidates[0]!;
          throw new AppError(
            'CONFLICT',
            'LEAD_MATCHES_CUSTOMER',
            `lead ${lead.id} likely is customer ${best.name} (${best.customerId}, score ${best.score}): attach it with input.attachToCustomerId, or set input.createDespiteDuplicates`,
            { field: 'input.attachToCustomerId', details: { candidates: candidates.map((c) => ({ customerId: c.customerId, name: c.name, score: c.score, reasons: c.reasons })) } },
          );
        }
      }
      const customer = attachToId
        ? await findWritableCustomer(tx, customerViewer, attachToId, 'input.attachToCustomerId', true)
        : await createCustomer(
            tx,
            customerViewer,
            {
              name: newName,
              kind: kind ?? 'PERSON',
              email: lead.email,
              phone: lead.phone,
              ownerId,
              teamId: lead.ownerId ? (lead.teamId ?? null) : null,
              source: lead.source ?? null,
            },
            meta,
          );
      const known = attachToId && lead.email ? await existingContactWithEmail(tx, customer.id, lead.email) : null;
      const hasContacts = attachToId ? (await tx.count(Contact, { customerId: customer.id, deletedAt: null })) > 0 : false;
      const contact =
        known ??
        tx.create(Contact, {
          id: randomUUID(),
          customerId: customer.id,
          name: lead.name,
          title: null,
          emails: lead.email ? [lead.email] : [],
          phones: lead.phone ? [lead.phone] : [],
          preferredChannel: null,
          isPrimary: !hasContacts,
        });
      lead.status = 'CONVERTED';
      lead.convertedCustomerId = customer.id;
      publish(
        tx,
        LeadConvertedV1,
        lead.id,
        {
          leadId: lead.id,
          customerId: customer.id,
          contactId: contact.id,
          ownerId: attachToId ? (customer.ownerId ?? null) : ownerId,
          opportunity,
          convertedAt: new Date().toISOString(),
        },
        meta,
      );
      return lead;
    },
  );
}
