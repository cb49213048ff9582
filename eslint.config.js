// ESLint for the whole monorepo, run from the root by `npm run lint` (and so by `npm test`).
// Type-aware: each file is checked with the types of the workspace tsconfig that includes it
// (typescript-eslint's project service). Import cycles are not checked here: `npm run cycles`
// (dpdm, infra/src/import-cycles.ts) already fails on any, in `npm test` too.
import { readdirSync } from 'node:fs';
import vitest from '@vitest/eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SERVICES = readdirSync(new URL('./services/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Imports that would reach into service `name`'s code: its package, or a relative path into its folder. */
function serviceImportPatterns(name) {
  return [
    { group: [`@rapport/${name}`, `@rapport/${name}/*`], message: `services never import each other (${name}): reads cross by federation, writes by events.` },
    { regex: `^(\\.\\./)+(services/)?${name}(/|$)`, message: `services never import each other (${name}): reads cross by federation, writes by events.` },
  ];
}

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.rapport/**', '**/.turbo/**', '**/coverage/**', 'services/*/src/generated/**'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: {
        projectService: {
          // The root's own TypeScript files, and infra's vitest config, belong to no workspace tsconfig.
          allowDefaultProject: ['*.ts', 'infra/vitest.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Services never import each other; packages/ never import any service.
  ...SERVICES.map((name) => ({
    files: [`services/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: SERVICES.filter((other) => other !== name).flatMap(serviceImportPatterns) }],
    },
  })),
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: SERVICES.map((name) => ({
            group: [`@rapport/${name}`, `@rapport/${name}/*`],
            message: `packages/ hold what every service uses, never one service's code (${name}).`,
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    extends: [vitest.configs.recommended],
    rules: {
      // vitest's expect(value, message): the message names the case that failed.
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
      // Helpers named expect… (expectUnauthenticated, expectForbidden) assert.
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
      // A fixture built in a hook checks its own steps, so a broken setup fails there and says why.
      'vitest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'] }],
    },
  },
);
