export type Finding = Record<string, string>;
export interface Reviewed {
  issue: string;
  filename: string;
  reason: string;
}
export declare function parseCsv(text: string): string[][];
export declare function readFindings(csv: string): Finding[];
export declare const BLOCKING_SEVERITIES: Set<string>;
export declare function blockingFindings(findings: Finding[], reviewed?: Reviewed[]): Finding[];
