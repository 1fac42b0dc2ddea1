/**
 * The wire protocol of y-webrtc's reference signaling server (bin/server.js).
 * Everything a client sends is untrusted: parsing never throws and returns null
 * for anything that is not one of the four known shapes.
 */
export type ClientMessage =
  | { type: 'subscribe' | 'unsubscribe'; topics: string[]; invalidTopics: number }
  /** `message` is the sender's object, forwarded verbatim apart from `clients`. */
  | { type: 'publish'; topic: string; message: Record<string, unknown> }
  | { type: 'ping' };

export const PONG = JSON.stringify({ type: 'pong' });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTopic = (value: unknown, maxTopicLength: number): value is string =>
  typeof value === 'string' && value.length <= maxTopicLength;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const parseClientMessage = (text: string, maxTopicLength: number): ClientMessage | null => {
  const value = parseJson(text);
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'subscribe':
    case 'unsubscribe': {
      if (!Array.isArray(value.topics)) return null;
      // Like the reference, bad entries are skipped one by one rather than voiding the whole list.
      const topics = value.topics.filter((t): t is string => isTopic(t, maxTopicLength));
      return { type: value.type, topics, invalidTopics: value.topics.length - topics.length };
    }
    case 'publish':
      if (!isTopic(value.topic, maxTopicLength)) return null;
      return { type: 'publish', topic: value.topic, message: value };
    case 'ping':
      return { type: 'ping' };
    default:
      return null;
  }
};
