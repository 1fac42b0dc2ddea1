import { describe, expect, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin, { checkImport } from './import-boundaries.mjs';

describe('import boundaries', () => {
  it.each([
    ['shared/domain/x.ts', 'yjs'],
    ['shared/domain/x.ts', 'lib0/encoding'],
    ['shared/domain/x.ts', '../schema/types'],
    ['shared/domain/x.test.ts', 'vitest'],
    ['shared/testing/arbitraries.ts', 'fast-check'],
    ['renderer/features/roles/RoleRow.tsx', '../runbook'],
    ['renderer/features/roles/RoleRow.tsx', './PersonForm'],
    ['renderer/app/App.tsx', '../features/war-room'],
    ['renderer/data/x.ts', '@shared/schema/types'],
    ['electron/main.ts', 'electron'],
  ])('allows %s → %s', (file, source) => {
    expect(checkImport(file, source)).toBeNull();
  });

  it.each([
    ['shared/domain/x.ts', 'react-dom/client', /shared\/ imports only yjs, lib0, zod, dexie/],
    ['shared/domain/x.ts', 'zustand', /not "zustand"/],
    ['shared/domain/x.ts', 'y-webrtc', /not "y-webrtc"/],
    ['shared/domain/x.ts', '@tiptap/react', /not "@tiptap\/react"/],
    ['shared/domain/x.ts', 'fast-check', /not "fast-check"/],
    ['shared/domain/x.ts', '../../renderer/ui/pane', /outside shared/],
    ['renderer/data/x.ts', '../../electron/main', /renderer\/ must not import electron/],
    ['electron/x.ts', '../renderer/main', /electron\/ must not import renderer/],
    ['renderer/features/roles/RoleRow.tsx', '../runbook/StepRow', /through its index\.ts/],
    ['renderer/app/App.tsx', '../features/war-room/panes', /through its index\.ts/],
  ])('refuses %s → %s', (file, source, message) => {
    expect(checkImport(file, source)).toMatch(message);
  });

  it('reports through ESLint on imports, re-exports and dynamic imports', () => {
    const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
    tester.run('import-boundaries', plugin.rules['import-boundaries'], {
      valid: [{ code: "import * as Y from 'yjs';", filename: `${process.cwd()}/shared/a.ts` }],
      invalid: [
        { code: "import { create } from 'zustand';", filename: `${process.cwd()}/shared/a.ts`, errors: 1 },
        { code: "export { x } from 'react';", filename: `${process.cwd()}/shared/a.ts`, errors: 1 },
        { code: "const m = import('../runbook/StepRow');", filename: `${process.cwd()}/renderer/features/roles/a.ts`, errors: 1 },
      ],
    });
  });
});
