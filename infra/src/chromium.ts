import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { userInfo } from 'node:os';
import { say, warn } from './output.js';

/** Where the explorer's browser test (gateway/test/explorer-browser.int.test.ts) finds Debian's chromium. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const runnable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser for the explorer's browser test: CHROMIUM_PATH, else Debian's `chromium` package,
 * which is installed with apt-get when it is missing and this runs as root (as on CI). Answers the
 * path, or null (with a warning naming the fix) when there is none: that one test then fails and says so.
 */
export function ensureChromium(env: Record<string, string | undefined>): string | null {
  const path = env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
  if (runnable(path)) return path;
  if (path === DEFAULT_CHROMIUM && userInfo().uid === 0) {
    say("installing Debian's chromium for the explorer's browser test (apt-get install chromium)");
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
    ]) {
      const result = spawnSync('apt-get', args, { env: aptEnv, encoding: 'utf8' });
      if (result.status !== 0) {
        warn(`apt-get ${args.join(' ')} failed: ${(result.error?.message ?? result.stderr).trim().split('\n').slice(-3).join(' ')}`);
        break;
      }
    }
    if (runnable(path)) return path;
  }
  warn(`no chromium at ${path}: the explorer's browser test will fail (install Debian's chromium package, or set CHROMIUM_PATH)`);
  return null;
}
