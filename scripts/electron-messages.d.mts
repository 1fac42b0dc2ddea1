export declare const DESKTOP_NODE: [number, number];
export declare function desktopNodeProblem(nodeVersion: string): string | null;
export declare function firstErrorLine(output: string): string;
export declare function downloadFailureMessage(info: { version: string; reason: string; node: string | null }): string;
