import { describe, expect, it } from 'vitest';
import { isStaleProducerError } from './relay.js';

describe('isStaleProducerError', () => {
  it('recognises a producer the broker no longer knows, also wrapped by kafkajs retries', () => {
    const outOfOrder = Object.assign(new Error('The broker received an out of order sequence number'), { type: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
    expect(isStaleProducerError(outOfOrder)).toBe(true);
    expect(isStaleProducerError(Object.assign(new Error('retries exceeded'), { originalError: outOfOrder }))).toBe(true);
    expect(isStaleProducerError(Object.assign(new Error('unknown producer'), { type: 'UNKNOWN_PRODUCER_ID' }))).toBe(true);
  });

  it('leaves other failures to the ordinary retry', () => {
    expect(isStaleProducerError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isStaleProducerError(Object.assign(new Error('not leader'), { type: 'NOT_LEADER_FOR_PARTITION' }))).toBe(false);
    expect(isStaleProducerError(null)).toBe(false);
  });
});
