import { describe, expect, it } from 'vitest';
import { neighbourSwaps, typingDistance } from './product-search.js';

describe('typingDistance', () => {
  it('counts a swap of neighbours as one edit, as a wrong, missing or extra letter', () => {
    expect(typingDistance('gaer', 'gear')).toBe(1);
    expect(typingDistance('vnae', 'vane')).toBe(1);
    expect(typingDistance('geer', 'gear')).toBe(1);
    expect(typingDistance('gar', 'gear')).toBe(1);
    expect(typingDistance('gears', 'gear')).toBe(1);
    expect(typingDistance('gear', 'gear')).toBe(0);
    expect(typingDistance('egar', 'gaer')).toBe(2);
    expect(typingDistance('user', 'gaer')).toBe(2);
    expect(typingDistance('', 'abc')).toBe(3);
    expect(typingDistance('zürich', 'zrüich')).toBe(1);
  });
});

describe('neighbourSwaps', () => {
  it('lists the word with each pair of different neighbours swapped', () => {
    expect(neighbourSwaps('gaer')).toEqual(['ager', 'gear', 'gare']);
    expect(neighbourSwaps('loop')).toEqual(['olop', 'lopo']);
  });
});
