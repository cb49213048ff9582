import { readFileSync } from 'node:fs';
import { ROLES } from '@rapport/auth';
import { POLICIES } from '@rapport/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { TIMELINE_KIND_MODULE, TIMELINE_KINDS } from './timeline-entry.entity.js';
import { visibleTimelineModules } from './timeline.loaders.js';

const principal = (role: (typeof ROLES)[number]) => ({ userId: 'u', email: 'u@rapport.example', role, teamIds: [], tokenId: 't' });

describe('timeline entry modules', () => {
  it('backfills existing entries with the same kind → module mapping new entries get', () => {
    const sql = readFileSync(new URL('../../migrations/Migration20261205008501.ts', import.meta.url), 'utf8');
    const backfilled = Object.fromEntries([...sql.matchAll(/when '([A-Z_]+)' then '([a-z]+)'/g)].map((m) => [m[1], m[2]]));
    expect(backfilled).toEqual(Object.fromEntries(Object.entries(TIMELINE_KIND_MODULE).filter(([kind]) => kind in backfilled)));
    // The kinds added since (Migration20261205200700) are exactly those the backfill did not know; the entries it re-files keep their module.
    const later = readFileSync(new URL('../../migrations/Migration20261205200700.ts', import.meta.url), 'utf8');
    const added = [...(/const NEW_KINDS = `([^`]*)`/.exec(later)?.[1] ?? '').matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
    // And those of later migrations (ADDED_KINDS), each in its own.
    const since = readFileSync(new URL('../../migrations/Migration20261207080000.ts', import.meta.url), 'utf8');
    const addedSince = [...(/const ADDED_KINDS = `([^`]*)`/.exec(since)?.[1] ?? '').matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
    expect([...Object.keys(backfilled), ...added, ...addedSince].sort()).toEqual([...TIMELINE_KINDS].sort());
    for (const [, from, to] of later.matchAll(/set kind = '([A-Z_]+)' where kind = '([A-Z_]+)'/g))
      expect(TIMELINE_KIND_MODULE[to as keyof typeof TIMELINE_KIND_MODULE]).toBe(TIMELINE_KIND_MODULE[from as keyof typeof TIMELINE_KIND_MODULE]);
  });

  it('shows a role exactly the modules its policy does not refuse', () => {
    for (const role of ROLES) {
      const visible = visibleTimelineModules(principal(role));
      for (const module of new Set(Object.values(TIMELINE_KIND_MODULE))) {
        expect({ role, module, visible: visible.includes(module) }).toEqual({ role, module, visible: POLICIES[module][role] !== 'none' });
      }
    }
    expect(visibleTimelineModules(principal('SUPPORT_AGENT'))).not.toEqual(expect.arrayContaining(['opportunities']));
    expect(visibleTimelineModules(null)).toEqual([]);
  });
});
