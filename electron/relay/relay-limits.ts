/**
 * What one connection may do. Past the message rate the relay stops reading
 * the socket until the budget refills (TCP pushes back on the client): nothing
 * a client sent is dropped, which would break its sync, it only arrives later.
 */
export interface RelayLimits {
  /** Largest WebSocket message; a bigger one closes the connection (1009). A sync step 2 of a 10,000-entry incident is about 3.3 MB. */
  maxMessageBytes: number;
  /** Sustained messages per second per connection. */
  messagesPerSecond: number;
  /** Messages a connection may send at once before the rate applies (a joiner's sync, a paste). */
  messageBurst: number;
  /** Documents one connection may open; the app opens one per connection. */
  maxDocumentsPerConnection: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxMessageBytes: 32 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 1000,
  maxDocumentsPerConnection: 8,
};

/** The limits from RELAY_MAX_MESSAGE_BYTES, RELAY_MESSAGES_PER_SECOND, RELAY_MESSAGE_BURST and RELAY_MAX_DOCUMENTS_PER_CONNECTION. */
export const limitsFromEnv = (env: NodeJS.ProcessEnv): RelayLimits => {
  const num = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0, got "${raw}"`);
    return n;
  };
  return {
    maxMessageBytes: num('RELAY_MAX_MESSAGE_BYTES', DEFAULT_LIMITS.maxMessageBytes),
    messagesPerSecond: num('RELAY_MESSAGES_PER_SECOND', DEFAULT_LIMITS.messagesPerSecond),
    messageBurst: num('RELAY_MESSAGE_BURST', DEFAULT_LIMITS.messageBurst),
    maxDocumentsPerConnection: num('RELAY_MAX_DOCUMENTS_PER_CONNECTION', DEFAULT_LIMITS.maxDocumentsPerConnection),
  };
};

/**
 * A token bucket: `take()` spends one message and says how long to wait
 * before reading more (0 while within the budget).
 */
export class MessageBudget {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.perSecond) / 1000);
    this.last = t;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.perSecond);
  }
}
