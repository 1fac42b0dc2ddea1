export declare const root: string;
export declare const RELAY_EXTERNALS: string[];
export declare const buildRelayCli: (outfile: string) => Promise<string>;
