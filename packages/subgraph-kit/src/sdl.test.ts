import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sdlDigest, sdlValidatedAtBuild, VALIDATED_SDL_FILE } from './sdl.js';

describe('sdlValidatedAtBuild', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-sdl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sdl = 'type Query { note: String }\n';

  it('is false where the build recorded no digest (src/ under tsx and in tests)', () => {
    expect(sdlValidatedAtBuild(dir, sdl)).toBe(false);
  });

  it('is true for the very SDL whose digest the build recorded, false for any other', () => {
    writeFileSync(join(dir, VALIDATED_SDL_FILE), `${sdlDigest(sdl)}\n`);
    expect(sdlValidatedAtBuild(dir, sdl)).toBe(true);
    expect(sdlValidatedAtBuild(dir, `${sdl}type Extra { x: Nope }\n`)).toBe(false);
  });
});
