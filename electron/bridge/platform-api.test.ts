import { describe, expect, it } from 'vitest';
import { PLATFORM_CHANNELS, PLATFORM_EVENTS, eventChannel, eventSubscriberName, ipcChannel } from '../../shared/platform/contract';
import { MAX_EVENT_BACKLOG, createPlatformApi, type Subscribe } from './platform-api';

function recorder() {
  const calls: Array<[string, unknown[]]> = [];
  const invoke = async (channel: string, ...args: unknown[]) => {
    calls.push([channel, args]);
    return `result of ${channel}`;
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe: Subscribe = (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { calls, invoke, subscribe, emit, listeners };
}

const eventKeys = PLATFORM_EVENTS.map(eventSubscriberName);

describe('createPlatformApi', () => {
  it('has one function per contract channel and per event, and nothing else', () => {
    const { invoke, subscribe } = recorder();
    const api = createPlatformApi(invoke, subscribe);
    expect(Object.keys(api).sort()).toEqual([...PLATFORM_CHANNELS, ...eventKeys].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it.each(PLATFORM_CHANNELS)('%s invokes its own channel with the arguments and returns the reply', async (key) => {
    const { calls, invoke, subscribe } = recorder();
    const api = createPlatformApi(invoke, subscribe) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(api[key]?.('a', 2)).resolves.toBe(`result of ${ipcChannel(key)}`);
    expect(calls).toEqual([[ipcChannel(key), ['a', 2]]]);
  });

  it.each(PLATFORM_EVENTS)('%s: the subscriber hears its own channel only, until it unsubscribes', (event) => {
    const { invoke, subscribe, emit } = recorder();
    const api = createPlatformApi(invoke, subscribe) as unknown as Record<string, (l: (p: unknown) => void) => () => void>;
    const heard: unknown[] = [];
    const off = api[eventSubscriberName(event)]!((p) => heard.push(p));
    emit(eventChannel(event), 'payload-1');
    for (const other of PLATFORM_EVENTS) if (other !== event) emit(eventChannel(other), 'not mine');
    off();
    emit(eventChannel(event), 'after unsubscribe');
    expect(heard).toEqual(['payload-1']);
  });

  it('listens to every event channel once, as soon as it is built', () => {
    const { invoke, subscribe, listeners } = recorder();
    createPlatformApi(invoke, subscribe);
    expect([...listeners.keys()].sort()).toEqual(PLATFORM_EVENTS.map(eventChannel).sort());
    for (const set of listeners.values()) expect(set.size).toBe(1);
  });

  it('keeps events that arrive before the page subscribes and hands them to the first subscriber only', () => {
    const { invoke, subscribe, emit } = recorder();
    const api = createPlatformApi(invoke, subscribe);
    emit(eventChannel('openInvite'), 'warroom1.early');
    const first: unknown[] = [];
    const second: unknown[] = [];
    api.onOpenInvite((p) => first.push(p));
    api.onOpenInvite((p) => second.push(p));
    emit(eventChannel('openInvite'), 'warroom1.later');
    expect(first).toEqual(['warroom1.early', 'warroom1.later']);
    expect(second).toEqual(['warroom1.later']);
  });

  it('keeps only the latest events while no one listens', () => {
    const { invoke, subscribe, emit } = recorder();
    const api = createPlatformApi(invoke, subscribe);
    const total = MAX_EVENT_BACKLOG + 3;
    for (let i = 0; i < total; i += 1) emit(eventChannel('command'), `c${i}`);
    const heard: unknown[] = [];
    api.onCommand((p) => heard.push(p));
    expect(heard).toHaveLength(MAX_EVENT_BACKLOG);
    expect(heard.at(-1)).toBe(`c${total - 1}`);
    expect(heard[0]).toBe(`c${total - MAX_EVENT_BACKLOG}`);
  });

  it('refuses a subscriber that is not a function', () => {
    const { invoke, subscribe } = recorder();
    const api = createPlatformApi(invoke, subscribe) as unknown as Record<string, (l: unknown) => unknown>;
    expect(() => api.onCommand?.('nope')).toThrow(/needs a function/);
  });

  it('cannot be changed by the page', () => {
    const { invoke, subscribe } = recorder();
    expect(Object.isFrozen(createPlatformApi(invoke, subscribe))).toBe(true);
  });
});
