import { WebSocket } from 'ws';
import type { RawData } from 'ws';
import type { SignalingLimits } from './limits';
import { PONG, parseClientMessage } from './protocol';
import type { ClientMessage } from './protocol';
import { TokenBucket } from './token-bucket';
import type { TopicRegistry } from './topic-registry';

export const CLOSE_POLICY_VIOLATION = 1008;

export interface SessionContext {
  registry: TopicRegistry<WebSocket>;
  limits: SignalingLimits;
  /** Called once per message that was discarded in whole or in part. */
  countDrop: () => void;
  log: (msg: string) => void;
}

const rawToText = (data: RawData): string => {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
};

/** Wires one accepted socket into the topic registry, with rate limiting and keep-alive. */
export const attachSession = (ws: WebSocket, label: string, ctx: SessionContext): void => {
  const { registry, limits, countDrop, log } = ctx;
  const bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
  let floodDrops = 0;
  let pongReceived = true;

  // A peer that vanished without a FIN (laptop lid closed, Wi-Fi gone) would otherwise hold its topics forever.
  const keepAlive = setInterval(() => {
    if (!pongReceived) {
      log(`${label}: no pong, terminating`);
      ws.terminate();
      return;
    }
    pongReceived = false;
    try {
      ws.ping();
    } catch {
      ws.terminate();
    }
  }, limits.pingIntervalMs);

  const admit = (): boolean => {
    if (bucket.isFull()) floodDrops = 0;
    if (bucket.tryTake()) return true;
    countDrop();
    floodDrops += 1;
    if (floodDrops >= limits.floodDropsBeforeClose) {
      log(`${label}: flooding, closing`);
      ws.close(CLOSE_POLICY_VIOLATION, 'message rate limit exceeded');
    }
    return false;
  };

  const deliver = (receiver: WebSocket, text: string): void => {
    if (receiver.readyState !== WebSocket.OPEN) return;
    // A receiver that stopped reading must not make us buffer unboundedly on its behalf.
    if (receiver.bufferedAmount > limits.maxBufferedBytes) {
      countDrop();
      return;
    }
    receiver.send(text, () => {
      // Send errors mean the receiver is going away; its close handler does the cleanup.
    });
  };

  const dispatch = (message: ClientMessage): void => {
    switch (message.type) {
      case 'subscribe': {
        let rejected = message.invalidTopics;
        for (const topic of message.topics) {
          if (registry.subscribe(ws, topic, limits.maxTopicsPerConnection)) continue;
          rejected += 1;
          // Said, not swallowed: y-webrtc ignores an unknown message type, but a client (or a person reading the traffic) can tell why it hears nothing in that room.
          ws.send(JSON.stringify({ type: 'error', topic, reason: `this connection is already in ${limits.maxTopicsPerConnection} rooms, the most one connection may join` }), () => {});
        }
        if (rejected > 0) countDrop();
        return;
      }
      case 'unsubscribe':
        for (const topic of message.topics) registry.unsubscribe(ws, topic);
        if (message.invalidTopics > 0) countDrop();
        return;
      case 'publish': {
        const receivers = registry.subscribers(message.topic);
        if (!receivers) return;
        // As in the reference server, the sender gets its own message too and `clients` counts it.
        message.message.clients = receivers.size;
        const text = JSON.stringify(message.message);
        for (const receiver of receivers) deliver(receiver, text);
        return;
      }
      case 'ping':
        ws.send(PONG, () => {});
        return;
    }
  };

  const onMessage = (data: RawData, isBinary: boolean): void => {
    // Frames that were already in flight when we started closing are not worth handling.
    if (ws.readyState !== WebSocket.OPEN) return;
    if (!admit()) return;
    const message = isBinary ? null : parseClientMessage(rawToText(data), limits.maxTopicLength);
    if (!message) {
      countDrop();
      return;
    }
    dispatch(message);
  };

  ws.on('message', (data, isBinary) => {
    try {
      onMessage(data, isBinary);
    } catch (error) {
      // Nothing a client sends may take the server down.
      countDrop();
      log(`${label}: message handler failed: ${String(error)}`);
    }
  });
  ws.on('pong', () => {
    pongReceived = true;
  });
  // ws reports protocol violations (oversized or malformed frames) here and closes the socket itself.
  ws.on('error', (error) => log(`${label}: ${error.message}`));
  ws.on('close', () => {
    clearInterval(keepAlive);
    registry.removeSubscriber(ws);
  });
};
