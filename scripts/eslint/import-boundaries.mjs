import path from 'node:path';

/*
 * The layering rule as an allow-list (in the manner of VS Code's common/ rule):
 * - shared/ imports only yjs, lib0, zod, dexie, @noble/curves and other shared/ modules; its
 *   test-only code (*.test.ts and shared/testing/) may also use the test tools;
 * - renderer/ and electron/ never import each other;
 * - a renderer feature imports another feature only through its index.ts, and
 *   so does the rest of the renderer.
 * Paths are judged by where an import lands, so '../../renderer/x' from
 * shared/ is caught however it is spelled.
 */

// @noble/curves: Ed25519 for the signed timeline (shared/evidence/); audited, pure TypeScript, no DOM.
const SHARED_PACKAGES = ['yjs', 'lib0', 'zod', 'dexie', '@noble/curves'];
const TEST_PACKAGES = ['vitest', 'fast-check', 'fake-indexeddb'];

const packageName = (source) => (source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0]);

/** The project-relative path an import lands on, or null for a package. */
const landing = (fromFile, source, root) => {
  if (source.startsWith('@shared/')) return path.join('shared', source.slice('@shared/'.length));
  if (!source.startsWith('.')) return null;
  return path.relative(root, path.resolve(path.dirname(fromFile), source));
};

const area = (rel) => rel.split(path.sep)[0];

/** renderer/features/<name>/... → name */
const featureOf = (rel) => {
  const parts = rel.split(path.sep);
  return parts[0] === 'renderer' && parts[1] === 'features' && parts.length > 2 ? parts[2] : null;
};

export const checkImport = (fileRel, source, root = '/') => {
  const from = area(fileRel);
  const isTestCode = /\.test\.tsx?$/.test(fileRel) || fileRel.startsWith(`shared${path.sep}testing${path.sep}`);
  const target = landing(path.join(root, fileRel), source, root);
  if (from === 'shared') {
    if (target === null) {
      const pkg = packageName(source);
      if (SHARED_PACKAGES.includes(pkg) || (isTestCode && TEST_PACKAGES.includes(pkg))) return null;
      return `shared/ imports only ${SHARED_PACKAGES.join(', ')} and its own modules${isTestCode ? ` (its tests also ${TEST_PACKAGES.join(', ')})` : ''}: not "${source}".`;
    }
    return area(target) === 'shared' ? null : `shared/ must not import outside shared/ ("${source}").`;
  }
  if (target === null) return null;
  if (from === 'renderer' && area(target) === 'electron') return `renderer/ must not import electron/ ("${source}"): go through the platform contract.`;
  if (from === 'electron' && area(target) === 'renderer') return `electron/ must not import renderer/ ("${source}").`;
  const targetFeature = featureOf(target);
  if (from === 'renderer' && targetFeature && featureOf(fileRel) !== targetFeature) {
    const index = path.join('renderer', 'features', targetFeature);
    if (target !== index && target !== path.join(index, 'index') && target !== path.join(index, 'index.ts')) {
      return `Import the ${targetFeature} feature through its index.ts ("${source}" reaches inside it).`;
    }
  }
  return null;
};

const rule = {
  meta: { type: 'problem', docs: { description: 'Imports run one way: an allow-list for shared/, no renderer ↔ electron, features through index.ts.' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const fileRel = path.relative(root, context.filename);
    const check = (node) => {
      const source = node.source && node.source.type === 'Literal' ? node.source.value : null;
      if (typeof source !== 'string') return;
      const message = checkImport(fileRel, source, root);
      if (message) context.report({ node: node.source, message });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'import-boundaries': rule } };
