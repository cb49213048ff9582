import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { owedUnits } from '../bill/payment.service.js';
import { amountUnits, documentTotals, lineNet } from '../order/order-totals.js';
import { creditNewestFirst } from './debit-note.service.js';

const portion = fc.record({ billLineId: fc.uuid(), billId: fc.uuid(), units: fc.bigInt({ min: 0n, max: 10_000_000n }) });

describe('debit notes', () => {
  it('credit what was returned of the billed quantities, newest bill first, never more than a bill line has left', () => {
    fc.assert(
      fc.property(fc.array(portion, { maxLength: 8 }), fc.bigInt({ min: 0n, max: 50_000_000n }), (portions, returned) => {
        const taken = creditNewestFirst(portions, returned);
        const available = portions.reduce((sum, p) => sum + p.units, 0n);
        const credited = taken.reduce((sum, t) => sum + t.units, 0n);
        expect(credited).toBe(returned < available ? returned : available);
        for (const t of taken) expect(t.units > 0n && t.units <= t.portion.units).toBe(true);
        // Newest first: a portion is only touched once every earlier one is used up.
        taken.slice(0, -1).forEach((t) => expect(t.units).toBe(t.portion.units));
        expect(taken.map((t) => t.portion)).toEqual(portions.filter((p) => p.units > 0n).slice(0, taken.length));
      }),
    );
  });

  it('leave 0 difference to the cent: what is owed is billed less paid less credited, and a note of the returned part of a bill adds up with what was kept', () => {
    const cents = fc.bigInt({ min: 0n, max: 10_000_000n });
    fc.assert(
      fc.property(cents, cents, cents, cents, (billed, paid, advances, credits) => {
        const open = billed - paid;
        expect(owedUnits({ open, advances, credits }) + paid + advances + credits).toBe(billed);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('0', '7', '19'),
        (kept, returned, priceCents, rate) => {
          const price = `${Math.floor(priceCents / 100)}.${String(priceCents % 100).padStart(2, '0')}`;
          const net = (quantity: number) => lineNet('q', String(quantity), price);
          const all = documentTotals([{ netAmount: net(kept + returned), taxRate: rate }], 'EUR');
          const keptTotals = documentTotals([{ netAmount: net(kept), taxRate: rate }], 'EUR');
          const noteTotals = documentTotals([{ netAmount: net(returned), taxRate: rate }], 'EUR');
          // Nets (of cent prices) add up exactly; tax, rounded half up once per document, differs by at most a cent.
          expect(amountUnits(keptTotals.net) + amountUnits(noteTotals.net)).toBe(amountUnits(all.net));
          const taxDifference = amountUnits(keptTotals.tax) + amountUnits(noteTotals.tax) - amountUnits(all.tax);
          expect(taxDifference >= -100n && taxDifference <= 100n).toBe(true);
        },
      ),
    );
  });
});
