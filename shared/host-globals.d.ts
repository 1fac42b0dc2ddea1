/*
 * The few host globals that shared/ relies on. They exist in browsers, in
 * Electron and in Node ≥ 19 alike; declaring them here (instead of pulling in
 * the DOM or Node typings) keeps everything else in shared/ platform-free.
 */
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
