import type { Principal, Role } from '@rapport/auth';
import { describe, expect, it } from 'vitest';
import { hiddenFields, mayReadField, type FieldRules } from './audit.js';
import { POLICIES } from './policies.js';
import { ANY_TEAM, callerOf, definePolicy, headsTeam, viewerFor, type Viewer, type WriteAccess } from './viewer.js';
import { actsFor, assertAssignable, visibleCustomersSql } from './visibility.js';

const as = (role: Role, teamIds: string[] = ['north', 'north-east']): Principal => ({ userId: `${role}-id`, email: 'x@rapport.example', role, teamIds, tokenId: 't' });
const head = as('SALES_MANAGER');
const rep = as('SALES_REP', ['north']);
const scoped = (principal: Principal): Viewer => ({ principal, access: 'scoped' });
const leads = definePolicy('leads', POLICIES.leads);
const suppliers = definePolicy('suppliers', POLICIES.suppliers);
const users = definePolicy('users', POLICIES.users, { readOnly: { reason: 'ADMIN_ONLY', message: 'only an administrator may do this' } });
const refusal = (category: string, reason: string) => expect.objectContaining({ category, code: reason });

describe('the viewer a caller gets for an action', () => {
  it('reads with the role’s access, and refuses a department without any (FORBIDDEN naming the module) or no caller (UNAUTHENTICATED)', () => {
    expect(callerOf(rep).viewer(leads, 'read')).toEqual({ principal: rep, access: 'scoped' });
    expect(callerOf(as('ACCOUNTANT')).viewer(suppliers, 'read').access).toBe('all-read');
    expect(() => callerOf(as('BUYER')).viewer(leads, 'read')).toThrow(refusal('FORBIDDEN', 'DEPARTMENT_FORBIDDEN'));
    expect(() => callerOf(as('BUYER')).viewer(leads, 'read')).toThrow('BUYER may not see leads');
    expect(() => callerOf(null).viewer(leads, 'read')).toThrow(refusal('UNAUTHENTICATED', 'SIGN_IN_REQUIRED'));
  });

  it('keeps sales out of purchasing and the warehouse out of finance', () => {
    expect(() => viewerFor(rep, suppliers, 'read')).toThrow(refusal('FORBIDDEN', 'DEPARTMENT_FORBIDDEN'));
    expect(() => viewerFor(as('WAREHOUSE_CLERK'), definePolicy('invoices', POLICIES.invoices), 'read')).toThrow(refusal('FORBIDDEN', 'DEPARTMENT_FORBIDDEN'));
  });

  it('writes only with write access: READ_ONLY for readers, or the refusal the policy words', () => {
    expect(callerOf(as('BUYER')).viewer(suppliers, 'write')).toEqual({ principal: as('BUYER'), access: 'all' });
    expect(() => callerOf(as('ACCOUNTANT')).viewer(suppliers, 'write')).toThrow(refusal('FORBIDDEN', 'READ_ONLY'));
    expect(() => callerOf(as('ACCOUNTANT')).viewer(suppliers, 'write')).toThrow('ACCOUNTANT may not change suppliers');
    expect(() => callerOf(as('DIRECTOR')).viewer(users, 'write')).toThrow(refusal('FORBIDDEN', 'ADMIN_ONLY'));
    expect(callerOf(as('ADMIN')).viewer(users, 'write').access).toBe('all');
  });

  it('restores with full access or as a team head, not as a rep', () => {
    expect(callerOf(head).viewer(leads, 'restore').access).toBe('scoped');
    expect(callerOf(as('DIRECTOR')).viewer(leads, 'restore').access).toBe('all');
    expect(() => callerOf(rep).viewer(leads, 'restore')).toThrow(refusal('FORBIDDEN', 'RESTORE_FORBIDDEN'));
    expect(() => callerOf(as('ACCOUNTANT')).viewer(suppliers, 'restore')).toThrow(refusal('FORBIDDEN', 'READ_ONLY'));
  });

  it('keeps a read viewer from a function that writes (types), and gives a write viewer write access', () => {
    const writing = (viewer: Viewer<WriteAccess>): WriteAccess => viewer.access;
    const reader = callerOf(rep).viewer(leads, 'read');
    // @ts-expect-error a viewer got for reading does not reach a service that writes
    expect(writing(reader)).toBe('scoped');
    expect(writing(callerOf(rep).viewer(leads, 'write'))).toBe('scoped');
  });

  it('looks up (loaders) without refusing: null for a department without access or no caller', () => {
    expect(callerOf(rep).viewer(leads, 'lookup')).toEqual({ principal: rep, access: 'scoped' });
    expect(callerOf(as('BUYER')).viewer(leads, 'lookup')).toBeNull();
    expect(callerOf(null).viewer(leads, 'lookup')).toBeNull();
  });
});

describe('team heads', () => {
  it('head the teams their token names, and nobody else heads anything', () => {
    expect(headsTeam(scoped(head), 'north-east')).toBe(true);
    expect(headsTeam(scoped(head), 'south')).toBe(false);
    expect(headsTeam(scoped(head), null)).toBe(false);
    expect(headsTeam(scoped(head), ANY_TEAM)).toBe(true);
    expect(headsTeam(scoped(rep), 'north')).toBe(false);
    expect(headsTeam(scoped(rep), ANY_TEAM)).toBe(false);
  });

  it('act on their teams’ records and their own, not on records of other teams they merely see', () => {
    expect(actsFor(scoped(head), 'someone', 'north-east')).toBe(true);
    expect(actsFor(scoped(head), head.userId, 'south')).toBe(true);
    expect(actsFor(scoped(head), 'someone', 'south')).toBe(false);
    expect(actsFor(scoped(rep), 'someone', 'north')).toBe(false);
    expect(actsFor(scoped(rep), rep.userId, 'north')).toBe(true);
    expect(actsFor({ principal: as('DIRECTOR'), access: 'all' }, 'someone', 'south')).toBe(true);
  });

  it('give new records to others only within the teams they head', () => {
    expect(() => assertAssignable(scoped(head), 'rep', 'north-east', 'leads')).not.toThrow();
    expect(() => assertAssignable(scoped(head), 'rep', 'south', 'leads')).toThrow(expect.objectContaining({ category: 'FORBIDDEN' }));
    expect(() => assertAssignable(scoped(head), 'rep', null, 'leads')).toThrow(expect.objectContaining({ category: 'FORBIDDEN' }));
    expect(() => assertAssignable(scoped(rep), 'someone', 'north', 'leads')).toThrow(expect.objectContaining({ category: 'FORBIDDEN' }));
    expect(() => assertAssignable(scoped(rep), rep.userId, 'south', 'leads')).toThrow(expect.objectContaining({ category: 'FORBIDDEN' }));
    expect(() => assertAssignable(scoped(rep), rep.userId, 'north', 'leads')).not.toThrow();
    expect(() => assertAssignable({ principal: as('ADMIN'), access: 'all' }, 'anyone', 'south', 'leads')).not.toThrow();
  });

  it('see the customers of the teams they head; a rep their own and those shared with them; unscoped access all', () => {
    expect(visibleCustomersSql(scoped(head))?.params).toEqual([head.userId, head.userId, 'north', 'north-east']);
    expect(visibleCustomersSql(scoped(rep))?.params).toEqual([rep.userId, rep.userId]);
    expect(visibleCustomersSql({ principal: rep, access: 'all-read' })).toBeNull();
    expect(visibleCustomersSql({ principal: as('DIRECTOR'), access: 'scoped' })).toBeNull();
  });
});

describe('field rules', () => {
  const rules: FieldRules = { draftBody: (p) => p?.role === 'SUPPORT_AGENT' };
  it('hide listed fields from those their rule refuses, and nothing else', () => {
    expect(hiddenFields(rules, rep)).toEqual(['draftBody']);
    expect(hiddenFields(rules, as('SUPPORT_AGENT'))).toEqual([]);
    expect(mayReadField(rules, 'title', null)).toBe(true);
  });
});
