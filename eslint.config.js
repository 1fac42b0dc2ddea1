import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import boundaries from './scripts/eslint/import-boundaries.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The DOM globals that shared/ must never reach for. */
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'HTMLElement', 'fetch', 'BroadcastChannel', 'Notification', 'alert'];

/*
 * Layering (as in VS Code's common/ rule): shared ← renderer, shared ← electron.
 * shared imports no runtime; renderer and electron never import each other.
 */
export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Imports run one way: see scripts/eslint/import-boundaries.mjs (an allow-list for shared/).
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { warroom: boundaries },
    rules: { 'warroom/import-boundaries': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/testing/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'shared/ is platform-free: no DOM globals.' }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches Electron only through the platform contract.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a sandbox: no Node built-ins.' })),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'electron/ has no UI code.' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'test/**/*.ts', '*.config.{js,ts}', 'bench/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
