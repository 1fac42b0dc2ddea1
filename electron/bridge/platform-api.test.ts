import { describe, expect, it } from 'vitest';
import { PLATFORM_CHANNELS, ipcChannel } from '../../shared/platform/contract';
import { createPlatformApi } from './platform-api';

function recorder() {
  const calls: Array<[string, unknown[]]> = [];
  const invoke = async (channel: string, ...args: unknown[]) => {
    calls.push([channel, args]);
    return `result of ${channel}`;
  };
  return { calls, invoke };
}

describe('createPlatformApi', () => {
  it('has one function per contract channel and nothing else', () => {
    const api = createPlatformApi(recorder().invoke);
    expect(Object.keys(api).sort()).toEqual([...PLATFORM_CHANNELS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it.each(PLATFORM_CHANNELS)('%s invokes its own channel with the arguments and returns the reply', async (key) => {
    const { calls, invoke } = recorder();
    const api = createPlatformApi(invoke) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(api[key]?.('a', 2)).resolves.toBe(`result of ${ipcChannel(key)}`);
    expect(calls).toEqual([[ipcChannel(key), ['a', 2]]]);
  });

  it('cannot be changed by the page', () => {
    const api = createPlatformApi(recorder().invoke);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
