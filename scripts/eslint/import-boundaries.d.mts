import type { Rule } from 'eslint';
export declare const checkImport: (fileRel: string, source: string, root?: string) => string | null;
declare const plugin: { rules: { 'import-boundaries': Rule.RuleModule } };
export default plugin;
