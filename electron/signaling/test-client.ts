/**
 * Test-only helper: a real `ws` client with an inbox, so tests can await specific
 * server messages instead of sleeping.
 */
import { WebSocket } from 'ws';
import type { ClientOptions } from 'ws';

export type Json = Record<string, unknown>;

export interface CloseInfo {
  code: number;
  reason: string;
}

interface Waiter {
  match: (message: Json) => boolean;
  resolve: (message: Json) => void;
}

/** Generous so a loaded CI machine fails on a real hang, not on slowness; still under Vitest's 30 s. */
const DEFAULT_TIMEOUT_MS = 15_000;

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

export class TestClient {
  /** Every parsed message received, in order; `take` does not remove from here. */
  readonly received: Json[] = [];
  readonly closed: Promise<CloseInfo>;
  private readonly unclaimed: Json[] = [];
  private readonly waiters: Waiter[] = [];

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    // Errors such as "Max payload size exceeded" are followed by 'close', which is what tests assert on.
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      const message = JSON.parse(isBinary ? '{}' : data.toString()) as Json;
      this.received.push(message);
      const index = this.waiters.findIndex((w) => w.match(message));
      const waiter = index >= 0 ? this.waiters.splice(index, 1)[0] : undefined;
      if (waiter) waiter.resolve(message);
      else this.unclaimed.push(message);
    });
  }

  static connect(url: string, options?: ClientOptions): Promise<TestClient> {
    const ws = new WebSocket(url, options);
    const client = new TestClient(ws);
    return withTimeout(
      new Promise((resolve, reject) => {
        ws.once('open', () => resolve(client));
        ws.once('unexpected-response', (_request, response) => {
          reject(new Error(`HTTP ${response.statusCode}`));
          ws.terminate();
        });
        ws.once('error', reject);
      }),
      DEFAULT_TIMEOUT_MS,
      `connection to ${url}`,
    );
  }

  /** Resolves with the HTTP status the server refused the upgrade with. */
  static refusedStatus(url: string): Promise<number> {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    return withTimeout(
      new Promise((resolve, reject) => {
        ws.once('open', () => {
          ws.terminate();
          reject(new Error('connection was accepted'));
        });
        ws.once('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          ws.terminate();
        });
      }),
      DEFAULT_TIMEOUT_MS,
      `refusal from ${url}`,
    );
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** The next not-yet-taken message matching `match`, waiting for it if necessary. */
  take(match: (message: Json) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Json> {
    const index = this.unclaimed.findIndex(match);
    if (index >= 0) return Promise.resolve(this.unclaimed.splice(index, 1)[0]!);
    return withTimeout(new Promise((resolve) => this.waiters.push({ match, resolve })), timeoutMs, 'a matching message');
  }

  /**
   * Round-trips a ping. The server handles a connection's messages in order and writes
   * to each socket in order, so once the pong is here everything the server sent this
   * client before handling the ping has arrived too.
   */
  async sync(): Promise<void> {
    this.send({ type: 'ping' });
    await this.take((m) => m.type === 'pong');
  }

  publishes(topic?: string): Json[] {
    return this.received.filter((m) => m.type === 'publish' && (topic === undefined || m.topic === topic));
  }

  waitClosed(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CloseInfo> {
    return withTimeout(this.closed, timeoutMs, 'the connection to close');
  }

  close(): Promise<CloseInfo> {
    this.ws.close();
    return this.waitClosed();
  }
}

/** Polls a condition on server-side state that has no event of its own (e.g. stats counters). */
export const waitUntil = async (condition: () => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
