import { describe, expect, it } from 'vitest';
import { describeFindings, findings, fingerprint, refusalToDecide, type DiscountLimits, type GovernedLine } from './governance.js';

const rep: DiscountLimits = { maxLineDiscount: '10', maxTotalDiscount: '5', minMarginPercent: '10' };
const line = (overrides: Partial<GovernedLine> = {}): GovernedLine => ({
  quantity: '1',
  unitPrice: '100',
  discountPercent: '0',
  netAmount: '100',
  listPrice: '100',
  cost: '50',
  ...overrides,
});

describe('discount limits', () => {
  it('accepts a line exactly at the line and total limits', () => {
    expect(findings([line({ discountPercent: '5', netAmount: '95' })], rep)).toEqual([]);
    expect(findings([line({ discountPercent: '10', netAmount: '90' }), line({ quantity: '1' })], { ...rep, maxTotalDiscount: '5' })).toEqual([]);
  });

  it('refuses a line discount over the limit, entered or hidden in a price under the list price', () => {
    expect(findings([line({ discountPercent: '10.01', netAmount: '89.99' })], { ...rep, maxTotalDiscount: '100' })).toEqual([
      { kind: 'LINE_DISCOUNT', line: 0, percent: '10.01', limit: '10' },
    ]);
    // 1,290 EUR pump typed in at 1.00 with no discount: 99.92 % under list.
    const pump = line({ unitPrice: '1', netAmount: '1', listPrice: '1290', cost: '700' });
    expect(findings([pump], { maxLineDiscount: '10', maxTotalDiscount: '100', minMarginPercent: null })).toEqual([
      { kind: 'LINE_DISCOUNT', line: 0, percent: '99.92', limit: '10' },
    ]);
  });

  it('refuses a total discount over the limit though every line is within its own', () => {
    const lines = [line({ discountPercent: '8', netAmount: '92' }), line({ discountPercent: '8', netAmount: '92' })];
    expect(findings(lines, rep)).toEqual([{ kind: 'TOTAL_DISCOUNT', line: null, percent: '8', limit: '5' }]);
  });

  it('refuses a price under the margin floor without showing the cost', () => {
    const found = findings([line({ unitPrice: '55', netAmount: '55', listPrice: '55' })], rep);
    expect(found).toEqual([{ kind: 'MARGIN', line: 0, percent: null, limit: null }]);
    expect(describeFindings(found)).toBe('line 1: price is below the margin floor');
    expect(findings([line({ unitPrice: '55.56', netAmount: '55.56', listPrice: '55.56' })], rep)).toEqual([]);
    expect(findings([line({ unitPrice: '40', netAmount: '40', listPrice: '40' })], { ...rep, minMarginPercent: null })).toEqual([]);
  });

  it('is exact on fractions: 10 % of 33.3333 is not rounded in the rep’s favour', () => {
    const l = line({ quantity: '3', unitPrice: '33.3333', discountPercent: '0', netAmount: '89.9999', listPrice: '33.3333', cost: null });
    expect(findings([l], { ...rep, maxTotalDiscount: '100' })).toEqual([{ kind: 'LINE_DISCOUNT', line: 0, percent: '10', limit: '10' }]);
  });
});

describe('who may decide an approval', () => {
  const repInTeam = { userId: 'rep', teamId: 'sales-north', headsTeams: false };
  const head = { userId: 'head', seesEverything: false, headedTeams: ['sales-north'] };
  it('lets the head of the rep’s team or a director approve, nobody their own', () => {
    expect(refusalToDecide(head, repInTeam)).toBeNull();
    expect(refusalToDecide({ userId: 'dir', seesEverything: true, headedTeams: [] }, repInTeam)).toBeNull();
    expect(refusalToDecide({ userId: 'rep', seesEverything: true, headedTeams: [] }, repInTeam)).toBe('SELF_APPROVAL');
    expect(refusalToDecide({ ...head, userId: 'rep' }, repInTeam)).toBe('SELF_APPROVAL');
  });
  it('refuses a head of another team, a colleague, and a fellow head of the same team; takes a head above', () => {
    expect(refusalToDecide({ userId: 'other', seesEverything: false, headedTeams: ['sales-south'] }, repInTeam)).toBe('NOT_AN_APPROVER');
    expect(refusalToDecide({ userId: 'colleague', seesEverything: false, headedTeams: [] }, repInTeam)).toBe('NOT_AN_APPROVER');
    const headAsker = { userId: 'head', teamId: 'sales-north', headsTeams: true };
    expect(refusalToDecide({ userId: 'co-head', seesEverything: false, headedTeams: ['sales-north'] }, headAsker)).toBe('NOT_AN_APPROVER');
    expect(refusalToDecide({ userId: 'boss', seesEverything: false, headedTeams: ['sales', 'sales-north', 'sales-south'] }, headAsker)).toBeNull();
    expect(refusalToDecide(head, { ...repInTeam, teamId: null })).toBe('NOT_AN_APPROVER');
  });
});

describe('the fingerprint of what was approved', () => {
  it('changes with a line’s price, discount or quantity and not with formatting', () => {
    const base = { productId: 'p', quantity: '2', unitPrice: '10.5', discountPercent: '5' };
    expect(fingerprint([base])).toBe(fingerprint([{ ...base, quantity: '2.000', unitPrice: '10.5000', discountPercent: '5.00' }]));
    expect(fingerprint([base])).not.toBe(fingerprint([{ ...base, quantity: '3' }]));
    expect(fingerprint([base])).not.toBe(fingerprint([{ ...base, unitPrice: '10.4' }]));
    expect(fingerprint([base])).not.toBe(fingerprint([{ ...base, discountPercent: '6' }]));
  });
});
