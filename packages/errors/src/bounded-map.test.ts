import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map.js';

describe('BoundedMap', () => {
  it('drops the entry set longest ago when a new key comes in full', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect([...map.keys()]).toEqual(['b', 'c']);
  });

  it('keeps every entry when a held key is set again, in its place', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 10);
    expect([...map.entries()]).toEqual([
      ['a', 10],
      ['b', 2],
    ]);
  });

  it('drops the least recently used when read through use', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.use('a')).toBe(1);
    expect(map.use('missing')).toBeUndefined();
    map.set('c', 3);
    expect([...map.keys()]).toEqual(['a', 'c']);
  });

  it('holds at least one entry', () => {
    const map = new BoundedMap<string, number>(0);
    map.set('a', 1).set('b', 2);
    expect([...map.keys()]).toEqual(['b']);
  });
});
