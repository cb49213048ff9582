import { describe, expect, it } from 'vitest';

describe('the runtime', () => {
  it('is the Node.js 24 the project installs from the npm registry, not the machine’s own', () => {
    expect(process.version).toMatch(/^v24\./);
    expect(process.execPath).toContain('node_modules');
  });
});
