import { describe, expect, it } from 'vitest';
import { MessageBudget, limitsFromEnv, DEFAULT_LIMITS } from './relay-limits';

describe('relay limits', () => {
  it('a connection may send a burst at once, then at the sustained rate; the wait says when to read again', () => {
    let now = 0;
    const budget = new MessageBudget(10, 5, () => now);
    for (let i = 0; i < 5; i += 1) expect(budget.take()).toBe(0);
    expect(budget.take()).toBe(100);
    now = 100;
    expect(budget.take()).toBe(100);
    now = 1000;
    for (let i = 0; i < 5; i += 1) expect(budget.take()).toBe(0);
    expect(budget.take()).toBeGreaterThan(0);
  });

  it('limits come from the environment, and a bad value is refused with its name', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ RELAY_MESSAGES_PER_SECOND: '7', RELAY_MAX_DOCUMENTS_PER_CONNECTION: '2' })).toMatchObject({
      messagesPerSecond: 7,
      maxDocumentsPerConnection: 2,
    });
    expect(() => limitsFromEnv({ RELAY_MAX_MESSAGE_BYTES: 'lots' })).toThrow(/RELAY_MAX_MESSAGE_BYTES must be a whole number above 0, got "lots"/);
    expect(() => limitsFromEnv({ RELAY_MESSAGE_BURST: '0' })).toThrow(/RELAY_MESSAGE_BURST/);
  });
});
