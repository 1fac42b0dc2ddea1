export declare const resolveChromium: () => Promise<string | null>;
