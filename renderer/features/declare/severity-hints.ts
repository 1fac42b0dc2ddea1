import type { Severity } from '@shared/schema/types';

export const SEVERITY_HINT: Record<Severity, string> = {
  SEV1: 'Critical: core service down or data at risk',
  SEV2: 'Major: core function degraded for many users',
  SEV3: 'Minor: degraded, with a workaround',
  SEV4: 'Low: little user impact',
  SEV5: 'Cosmetic or informational',
};
