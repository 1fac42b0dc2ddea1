import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The relay's `/metrics`, in Prometheus text format, through prom-client (one
 * registry per relay, so tests can run several in one process). Besides these,
 * prom-client's default process metrics: resident memory, heap, event-loop lag.
 */
export type StoreOperation = 'load' | 'store' | 'claim';
export type Refusal = 'wrong_secret' | 'bad_token' | 'unknown_document' | 'too_many_documents' | 'message_too_big' | 'shutting_down';

export interface RelayMetrics {
  registry: Registry;
  messages: Counter<'direction'>;
  bytes: Counter<'direction'>;
  refusals: Counter<'reason'>;
  throttled: Counter;
  storeSeconds: Histogram<'operation'>;
  storeErrors: Counter<'operation'>;
  /** Stores that found another node's write in between, and merged it in first. */
  storeConflicts: Counter;
  /** Runs `op`, recording how long it took and whether it failed. */
  timeStore<T>(operation: StoreOperation, op: () => Promise<T>): Promise<T>;
}

export const createRelayMetrics = (
  node: string,
  live: { connections: () => number; documents: () => number; clients: () => number },
): RelayMetrics => {
  const registry = new Registry();
  registry.setDefaultLabels({ node });
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'warroom_relay_connections',
    help: 'Open WebSocket connections.',
    registers: [registry],
    collect() {
      this.set(live.connections());
    },
  });
  new Gauge({
    name: 'warroom_relay_documents',
    help: 'Documents loaded in memory on this node.',
    registers: [registry],
    collect() {
      this.set(live.documents());
    },
  });
  new Gauge({
    name: 'warroom_relay_document_clients',
    help: 'Clients attached to a document on this node (a connection per document).',
    registers: [registry],
    collect() {
      this.set(live.clients());
    },
  });
  const messages = new Counter({ name: 'warroom_relay_messages_total', help: 'WebSocket messages, by direction (in, out).', labelNames: ['direction'], registers: [registry] });
  const bytes = new Counter({ name: 'warroom_relay_message_bytes_total', help: 'WebSocket message bytes, by direction (in, out).', labelNames: ['direction'], registers: [registry] });
  const refusals = new Counter({ name: 'warroom_relay_refusals_total', help: 'Connections or documents refused, by reason.', labelNames: ['reason'], registers: [registry] });
  const throttled = new Counter({ name: 'warroom_relay_throttled_total', help: 'Times a connection was paused for exceeding its message rate.', registers: [registry] });
  const storeSeconds = new Histogram({
    name: 'warroom_relay_store_seconds',
    help: 'Latency of the document store, by operation (load, store, claim).',
    labelNames: ['operation'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const storeErrors = new Counter({ name: 'warroom_relay_store_errors_total', help: 'Failed store operations, by operation.', labelNames: ['operation'], registers: [registry] });
  const storeConflicts = new Counter({
    name: 'warroom_relay_store_conflicts_total',
    help: 'Stores that found another node had written the document since, and merged its state in first.',
    registers: [registry],
  });

  return {
    registry,
    messages,
    bytes,
    refusals,
    throttled,
    storeSeconds,
    storeErrors,
    storeConflicts,
    timeStore: async (operation, op) => {
      const end = storeSeconds.startTimer({ operation });
      try {
        return await op();
      } catch (e) {
        storeErrors.inc({ operation });
        throw e;
      } finally {
        end();
      }
    },
  };
};
