import type { IncidentMeta } from '../schema/types';

/**
 * "2024-05-06-checkout-errors-in-eu.md": the declared date (UTC) and the title
 * made safe for every file system (the platform contract refuses / \ : * ? " < > |).
 */
export const exportFileName = (meta: IncidentMeta, extension: string): string => {
  const date = meta.lifecycle.declared !== undefined ? new Date(meta.lifecycle.declared).toISOString().slice(0, 10) : 'undated';
  const slug =
    meta.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'incident';
  return `${date}-${slug}.${extension.replace(/[^a-z0-9.]/gi, '')}`;
};
