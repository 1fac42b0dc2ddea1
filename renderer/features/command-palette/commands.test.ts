import { describe, expect, it, vi } from 'vitest';
import { CommandRegistry, type Command } from './commands';

const cmd = (id: string, title = id): Command => ({ id, title, group: 'View', run: () => undefined });

describe('CommandRegistry', () => {
  it('offers what is registered until it is unregistered, and tells subscribers', () => {
    const registry = new CommandRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const offA = registry.register([cmd('a'), cmd('b')]);
    const offC = registry.register([cmd('c')]);
    expect(registry.list().map((c) => c.id)).toEqual(['a', 'b', 'c']);
    offA();
    expect(registry.list().map((c) => c.id)).toEqual(['c']);
    offC();
    expect(registry.list()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('lets a later registration replace a command with the same id, and restores it when that goes', () => {
    const registry = new CommandRegistry();
    registry.register([cmd('theme', 'Old')]);
    const off = registry.register([cmd('theme', 'New')]);
    expect(registry.list().map((c) => c.title)).toEqual(['New']);
    off();
    expect(registry.list().map((c) => c.title)).toEqual(['Old']);
  });

  it('keeps the same list object between changes', () => {
    const registry = new CommandRegistry();
    registry.register([cmd('a')]);
    expect(registry.list()).toBe(registry.list());
  });
});
