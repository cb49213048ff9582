import { describe, expect, it } from 'vitest';
import { parseBrokers } from './brokers.js';

describe('parseBrokers', () => {
  it('splits a KAFKA_BROKERS list, trimming spaces and dropping empty entries', () => {
    expect(parseBrokers(' 127.0.0.1:9092, kafka:19092 ,,')).toEqual(['127.0.0.1:9092', 'kafka:19092']);
  });

  it('reads an empty or blank value as no brokers', () => {
    expect(parseBrokers('')).toEqual([]);
    expect(parseBrokers(' , ')).toEqual([]);
  });
});
