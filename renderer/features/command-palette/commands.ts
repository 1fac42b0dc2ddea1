import { useEffect, useSyncExternalStore } from 'react';
import type { Shortcut } from './shortcuts';

export const COMMAND_GROUPS = ['Navigate', 'Incident', 'Timeline', 'View', 'Edit', 'Help'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/** Something the user can do from the palette, and maybe from a shortcut. */
export interface Command {
  /** Unique; a later registration with the same id replaces the earlier one. */
  id: string;
  title: string;
  group: CommandGroup;
  /** More words the palette matches (synonyms, the current value). */
  keywords?: readonly string[];
  shortcut?: Shortcut;
  /** Fire the shortcut even while typing in a field (for Ctrl+K, not for "?"). */
  whileTyping?: boolean;
  run: () => void;
}

type Listener = () => void;

/**
 * The commands on offer right now. A feature registers its commands while it is
 * on screen (war room commands only inside a war room) and the palette, the
 * shortcut overlay and the global key handler all read this one list.
 */
export class CommandRegistry {
  private sources = new Map<symbol, readonly Command[]>();
  private snapshot: readonly Command[] = [];
  private listeners = new Set<Listener>();

  register(commands: readonly Command[]): () => void {
    const key = Symbol('commands');
    this.sources.set(key, commands);
    this.changed();
    return () => {
      this.sources.delete(key);
      this.changed();
    };
  }

  /** Stable between changes, for useSyncExternalStore. */
  list = (): readonly Command[] => this.snapshot;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private changed(): void {
    const byId = new Map<string, Command>();
    for (const commands of this.sources.values()) for (const c of commands) byId.set(c.id, c);
    this.snapshot = [...byId.values()];
    for (const l of this.listeners) l();
  }
}

export const commandRegistry = new CommandRegistry();

/** Offer these commands while the calling component is mounted. Pass a memoised array. */
export const useRegisterCommands = (commands: readonly Command[]): void => {
  useEffect(() => commandRegistry.register(commands), [commands]);
};

export const useCommands = (): readonly Command[] => useSyncExternalStore(commandRegistry.subscribe, commandRegistry.list);

/** Cmd rather than Ctrl, ⌥ rather than Alt. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');
