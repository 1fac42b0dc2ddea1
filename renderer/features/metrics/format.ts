import { formatDuration } from '@shared/metrics/metrics';
import type { PhaseId } from '@shared/metrics/phases';
import type { Severity } from '@shared/schema/types';

export const fmtMs = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : formatDuration(ms));

/** Chart colours as values: SVG presentation attributes do not resolve CSS variables. */
export const PHASE_COLOR: Record<PhaseId, string> = {
  detect: '#5aa9ff',
  declare: '#b48cff',
  acknowledge: '#f5c542',
  mitigate: '#ff8a3d',
  resolve: '#3ecf8e',
};

export const SEVERITY_COLOR: Record<Severity, string> = {
  SEV1: '#ff4d4f',
  SEV2: '#ff8a3d',
  SEV3: '#f5c542',
  SEV4: '#5aa9ff',
  SEV5: '#8b95a7',
};
