// Flat config. TypeScript is linted with type information (each file's nearest tsconfig.json):
// the rules that matter most here need types: an un-awaited promise loses errors and ordering,
// and a switch over a union must handle every member.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { rucheLayers } from './scripts/eslint-layers.mjs';

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  globalThis: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'apps/web/dist/', 'coverage/', '.ruche/', 'test-results/'],
  },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // A unit of work uses one connection: domain code reads through platform's Database, which
    // joins the open transaction. The pool itself (and pool-bound repositories) are for platform
    // and for background work that never runs inside a transaction (outbox following, digests).
    files: ['libs/**/*.ts'],
    ignores: ['libs/platform/**', 'libs/realtime/**', 'libs/notifications/src/digest-mailer.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='dataSource'][property.name=/^(manager|query|getRepository)$/]",
          message: 'Read through Database.manager / Database.query (joins the open transaction), not the pool.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectRepository'],
              message: 'Injected repositories use the pool: use Database.manager.getRepository(Entity).',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app's components and hooks: the Rules of React (hook order, effect dependencies,
    // no state set during render). exhaustive-deps is an error here: a missing dependency is a
    // stale closure, which is how a live update ends up patching the wrong cache entry.
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
    rules: { 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Module dependencies point one way (the table is in scripts/eslint-layers.mjs).
    files: ['libs/**/*.ts', 'apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { ruche: rucheLayers },
    rules: { 'ruche/layers': 'error' },
  },
  {
    // Build tool configs sit outside every tsconfig: lint them without type information.
    files: ['**/vite.config.ts', '**/vitest.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
