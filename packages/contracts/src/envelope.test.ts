import { describe, expect, it } from 'vitest';
import { createEvent, defineEvent, parseData, parseEnvelope } from './envelope.js';
import * as contracts from './events.js';
import { ALL_EVENTS, ALL_TOPICS, TicketOpenedV1 } from './events.js';
import { z } from 'zod';

describe('event contracts', () => {
  it('derives topic and source from the versioned type name', () => {
    expect(TicketOpenedV1.topic).toBe('support.ticket');
    const event = createEvent(TicketOpenedV1, '0191b3a0-0000-7000-8000-000000000001', {
      ticketId: '0191b3a0-0000-7000-8000-000000000001',
      customerId: '0191b3a0-0000-7000-8000-000000000002',
      number: 'T-1',
      subject: 'Broken pump',
      priority: 'HIGH',
      openedAt: new Date('2026-01-01T00:00:00Z').toISOString(),
    });
    expect(event.source).toBe('/rapport/support');
    expect(event.specversion).toBe('1.0');
    expect(event.correlationid).toBe(event.id);
  });

  it('round-trips through JSON and validates data on the way in', () => {
    const event = createEvent(TicketOpenedV1, 's', {
      ticketId: '0191b3a0-0000-7000-8000-000000000001',
      customerId: '0191b3a0-0000-7000-8000-000000000002',
      number: 'T-2',
      subject: 'Late',
      priority: 'LOW',
      openedAt: '2026-01-01T00:00:00.000Z',
    });
    const back = parseEnvelope(JSON.stringify(event));
    expect(parseData(TicketOpenedV1, back).number).toBe('T-2');
    expect(() => parseData(TicketOpenedV1, { ...back, data: { ...event.data, priority: 'MEH' } })).toThrow();
  });

  it('refuses an event name without a version', () => {
    expect(() => defineEvent('support.ticket.opened', z.object({}))).toThrow(/v<N>/);
  });

  it('builds a payload schema given as a function on first use, once, and validates with it', () => {
    let built = 0;
    const NoteWrittenV1 = defineEvent('testing.note.written.v1', () => {
      built += 1;
      return z.object({ text: z.string().min(1) });
    });
    expect(built).toBe(0);
    expect(createEvent(NoteWrittenV1, 's', { text: 'hello' }).data.text).toBe('hello');
    expect(() => createEvent(NoteWrittenV1, 's', { text: '' })).toThrow();
    expect(built).toBe(1);
  });

  it('lists each topic once', () => {
    expect(new Set(ALL_TOPICS).size).toBe(ALL_TOPICS.length);
    expect(ALL_TOPICS).toContain('sales.order');
  });

  it('lists every event the contracts define, each type once', () => {
    const defined = Object.values(contracts).filter((v): v is (typeof ALL_EVENTS)[number] => typeof v === 'object' && v !== null && 'type' in v && 'schema' in v);
    expect(new Set<unknown>(ALL_EVENTS)).toEqual(new Set<unknown>(defined));
    expect(new Set(ALL_EVENTS.map((e) => e.type)).size).toBe(ALL_EVENTS.length);
  });
});
