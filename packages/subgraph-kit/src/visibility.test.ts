import type { Principal, Role } from '@rapport/auth';
import { describe, expect, it } from 'vitest';
import { hiddenFields, mayReadField, type FieldRules } from './audit.js';
import { actsFor, assertAssignable, headsTeam } from './visibility.js';

const as = (role: Role, teamIds: string[] = ['north', 'north-east']): Principal => ({ userId: `${role}-id`, email: 'x@rapport.example', role, teamIds, tokenId: 't' });
const head = as('SALES_MANAGER');
const rep = as('SALES_REP', ['north']);

describe('team heads', () => {
  it('head the teams their token names, and nobody else heads anything', () => {
    expect(headsTeam(head, 'north-east')).toBe(true);
    expect(headsTeam(head, 'south')).toBe(false);
    expect(headsTeam(head, null)).toBe(false);
    expect(headsTeam(rep, 'north')).toBe(false);
  });

  it('act on their teams’ records and their own, not on records of other teams they merely see', () => {
    expect(actsFor(head, 'scoped', 'someone', 'north-east')).toBe(true);
    expect(actsFor(head, 'scoped', head.userId, 'south')).toBe(true);
    expect(actsFor(head, 'scoped', 'someone', 'south')).toBe(false);
    expect(actsFor(rep, 'scoped', 'someone', 'north')).toBe(false);
    expect(actsFor(rep, 'scoped', rep.userId, 'north')).toBe(true);
    expect(actsFor(as('DIRECTOR'), 'all', 'someone', 'south')).toBe(true);
  });

  it('give new records to others only within the teams they head', () => {
    expect(() => assertAssignable(head, 'scoped', 'rep', 'north-east', 'leads')).not.toThrow();
    expect(() => assertAssignable(head, 'scoped', 'rep', 'south', 'leads')).toThrow(expect.objectContaining({ category: 'FORBIDDEN' }));
    expect(() => assertAssignable(head, 'scoped', 'rep', null, 'leads')).toThrow(expect.objectContaining({ category: 'FORBIDDEN' }));
    expect(() => assertAssignable(rep, 'scoped', 'someone', 'north', 'leads')).toThrow(expect.objectContaining({ category: 'FORBIDDEN' }));
    expect(() => assertAssignable(rep, 'scoped', rep.userId, 'south', 'leads')).toThrow(expect.objectContaining({ category: 'FORBIDDEN' }));
    expect(() => assertAssignable(rep, 'scoped', rep.userId, 'north', 'leads')).not.toThrow();
    expect(() => assertAssignable(as('ADMIN'), 'all', 'anyone', 'south', 'leads')).not.toThrow();
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
