import { createHash } from 'node:crypto';
import { divideHalfUp, formatDecimal, MONEY_SCALE, normaliseAmount, normaliseQuantity, parseDecimal, QUANTITY_SCALE, unitsOf } from '@rapport/errors';
import { PERCENT_SCALE } from '../pricing/pricing.js';

/**
 * Discount and price governance, the pure rules (Odoo's sale approval, ERPNext's pricing rules):
 * whoever changes a document's state must be within their limits, or hold a manager's approval.
 *
 * A line's discount is measured twice and the larger counts: the discount entered on the line, and
 * the line's net amount against the catalogue's list price (so a rep cannot dodge the limit by
 * typing a lower unit price with no discount). The document's total discount likewise: its net
 * total against the list prices (the entered prices where a product has none in the currency), and
 * against the entered prices. The margin floor: a line's net amount must leave at least the floor,
 * in percent of the net, over the catalogue's standard cost (0 = never below cost).
 * Comparisons are exact (integer cross-multiplication), never rounded in the rep's favour.
 */

const HUNDRED = 100n * 10n ** BigInt(PERCENT_SCALE);

/** Someone's limits, in percent strings: as the discount limits table holds them. */
export interface DiscountLimits {
  maxLineDiscount: string;
  maxTotalDiscount: string;
  /** The least margin on the net, in percent of it; null: no floor. */
  minMarginPercent: string | null;
}

/** A priced line as governance sees it: its numbers and the catalogue's list price and cost in the document's currency (null when unknown there). */
export interface GovernedLine {
  quantity: string;
  /** Net unit price before the discount. */
  unitPrice: string;
  discountPercent: string;
  /** quantity × unitPrice × (1 − discount), four places. */
  netAmount: string;
  listPrice: string | null;
  cost: string | null;
}

/** Something over a limit; `percent`/`limit` are null for the margin (no costs or margins are shown to sales). */
export interface Finding {
  kind: 'LINE_DISCOUNT' | 'TOTAL_DISCOUNT' | 'MARGIN';
  line: number | null;
  percent: string | null;
  limit: string | null;
}

const percentUnits = (value: string): bigint => parseDecimal('percent', value, PERCENT_SCALE);
const money = (value: string): bigint => unitsOf(value, MONEY_SCALE);
const qty = (value: string): bigint => unitsOf(value, QUANTITY_SCALE);
/** The discount of `net` against `reference` in 0.01 % units, rounded half up for display. */
const discountOf = (net: bigint, reference: bigint): bigint => (reference > 0n ? divideHalfUp((reference - net) * HUNDRED, reference) : 0n);
/** Whether `net` is more than `limit` below `reference`: (reference − net) / reference > limit, exactly. */
const over = (net: bigint, reference: bigint, limit: bigint): boolean => reference > 0n && (reference - net) * HUNDRED > limit * reference;
const fmt = (units: bigint): string => formatDecimal(units < 0n ? 0n : units, PERCENT_SCALE);

/** What in `lines` is over `limits`; empty when they are within them. */
export function findings(lines: readonly GovernedLine[], limits: DiscountLimits): Finding[] {
  const maxLine = percentUnits(limits.maxLineDiscount);
  const maxTotal = percentUnits(limits.maxTotalDiscount);
  const floor = limits.minMarginPercent === null ? null : percentUnits(limits.minMarginPercent);
  const found: Finding[] = [];
  let netSum = 0n;
  let listSum = 0n;
  let enteredSum = 0n;
  lines.forEach((line, i) => {
    const q = qty(line.quantity);
    const net = money(line.netAmount) * 10n ** BigInt(QUANTITY_SCALE);
    const entered = q * money(line.unitPrice);
    const list = line.listPrice !== null ? q * money(line.listPrice) : null;
    const discount = percentUnits(line.discountPercent);
    netSum += net;
    enteredSum += entered;
    listSum += list !== null && list > 0n ? list : entered;
    const againstList = list !== null ? discountOf(net, list) : 0n;
    if (discount > maxLine || (list !== null && over(net, list, maxLine))) {
      found.push({ kind: 'LINE_DISCOUNT', line: i, percent: fmt(discount > againstList ? discount : againstList), limit: fmt(maxLine) });
    }
    if (floor !== null && line.cost !== null) {
      const cost = q * money(line.cost);
      // net − cost ≥ floor × net  ⇔  net × (100 % − floor) ≥ cost × 100 %
      if (net * (HUNDRED - floor) < cost * HUNDRED) found.push({ kind: 'MARGIN', line: i, percent: null, limit: null });
    }
  });
  if (over(netSum, listSum, maxTotal) || over(netSum, enteredSum, maxTotal)) {
    const a = discountOf(netSum, listSum);
    const b = discountOf(netSum, enteredSum);
    found.push({ kind: 'TOTAL_DISCOUNT', line: null, percent: fmt(a > b ? a : b), limit: fmt(maxTotal) });
  }
  return found;
}

/** Says what is over the limits, for people (no costs or margins). */
export function describeFindings(found: readonly Finding[]): string {
  return found
    .map((f) =>
      f.kind === 'LINE_DISCOUNT'
        ? `line ${f.line! + 1}: discount ${f.percent} % is over the limit of ${f.limit} %`
        : f.kind === 'TOTAL_DISCOUNT'
          ? `total discount ${f.percent} % is over the limit of ${f.limit} %`
          : `line ${f.line! + 1}: price is below the margin floor`,
    )
    .join('; ');
}

/**
 * A fingerprint of what an approval covers: each line's product, quantity, net unit price and
 * discount, in order. Any change to a line's price, discount or quantity changes it.
 */
export function fingerprint(lines: readonly { productId: string; quantity: string; unitPrice: string; discountPercent: string }[]): string {
  const text = lines.map((l) => [l.productId, normaliseQuantity(l.quantity), normaliseAmount(l.unitPrice), fmt(percentUnits(l.discountPercent))].join('|')).join('\n');
  return createHash('sha256').update(text).digest('hex');
}

/** Who asked for an approval, as recorded with the request. */
export interface ApprovalRequester {
  userId: string;
  /** Their own team (null without one). */
  teamId: string | null;
  /** Whether they head a team themselves (then their approver must head a team above theirs). */
  headsTeams: boolean;
}

/** Who is about to decide: their id, whether they see everything (directors, admins), the teams they head (own team first), if any. */
export interface ApprovalDecider {
  userId: string;
  seesEverything: boolean;
  headedTeams: readonly string[];
}

/**
 * Why `decider` may not decide `requester`'s approval, or null when they may: nobody approves their
 * own request (SELF_APPROVAL); a director or admin may approve anyone's; a team head may approve
 * the request of someone in a team they head, but a fellow head of the same team may not approve
 * another head's request (it takes a head of a team above); anyone else may not (NOT_AN_APPROVER).
 */
export function refusalToDecide(decider: ApprovalDecider, requester: ApprovalRequester): 'SELF_APPROVAL' | 'NOT_AN_APPROVER' | null {
  if (decider.userId === requester.userId) return 'SELF_APPROVAL';
  if (decider.seesEverything) return null;
  if (!requester.teamId || !decider.headedTeams.includes(requester.teamId)) return 'NOT_AN_APPROVER';
  if (requester.headsTeams && decider.headedTeams[0] === requester.teamId) return 'NOT_AN_APPROVER';
  return null;
}
