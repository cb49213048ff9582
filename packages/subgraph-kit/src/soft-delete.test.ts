import { describe, expect, it } from 'vitest';
import { alreadyDeleted, deletedPredicate, notDeleted, notDeletedSql, whereDeleted, type Deleted } from './soft-delete.js';

describe('one meaning of "deleted" for every query', () => {
  it('keeps the live records, only the deleted ones, or both', () => {
    expect(deletedPredicate('t', 'exclude')).toBe('t.deleted_at is null');
    expect(deletedPredicate('t', 'only')).toBe('t.deleted_at is not null');
    expect(deletedPredicate('t', 'include')).toBeNull();
  });

  it('spells the live-rows predicate for hand-written SQL the same way, an unaliased table being its own alias', () => {
    expect(notDeletedSql('customer')).toBe('customer.deleted_at is null');
    expect(notDeletedSql('t')).toBe(deletedPredicate('t', 'exclude'));
  });

  it('narrows a query builder by the predicate, and leaves it alone for include', () => {
    const conditions: string[] = [];
    const qb = { andWhere: (cond: string) => conditions.push(cond) };
    for (const deleted of ['exclude', 'only', 'include'] satisfies Deleted[]) expect(whereDeleted(qb, 'ct', deleted)).toBe(qb);
    expect(conditions).toEqual(['ct.deleted_at is null', 'ct.deleted_at is not null']);
  });
});

describe('one error vocabulary for deleting and restoring', () => {
  it('answers deleting a deleted record with CONFLICT <ENTITY>_ALREADY_DELETED naming the argument', () => {
    expect(alreadyDeleted('Ticket', 'x')).toMatchObject({ category: 'CONFLICT', code: 'TICKET_ALREADY_DELETED', field: 'id', message: 'Ticket x is already deleted' });
    expect(alreadyDeleted('SalesOrder', 'x', 'input.id')).toMatchObject({ code: 'SALES_ORDER_ALREADY_DELETED', field: 'input.id' });
    expect(alreadyDeleted('Article', 'x', 'id', 'archived').message).toBe('Article x is already archived');
  });

  it('answers restoring a live record with CONFLICT <ENTITY>_NOT_DELETED', () => {
    expect(notDeleted('Contact', 'x', 'id', 'removed')).toMatchObject({ category: 'CONFLICT', code: 'CONTACT_NOT_DELETED', field: 'id', message: 'Contact x is not removed' });
    expect(notDeleted('Product', 'x').toGraphQLError().extensions).toMatchObject({ code: 'CONFLICT', reason: 'PRODUCT_NOT_DELETED', field: 'id' });
  });
});
