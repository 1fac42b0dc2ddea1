import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '@shared/platform/app-commands';
import { APP_COMMAND_LABELS, runAppCommand, unavailableMessage } from './run-app-command';

function recorder() {
  const ran: string[] = [];
  const cmd = (id: string) => ({ id, run: () => ran.push(`registered:${id}`) });
  const fallback = (id: string) => () => ran.push(`fallback:${id}`);
  return { ran, cmd, fallback };
}

describe('runAppCommand', () => {
  it("runs the palette's command with the same id, before any fallback", () => {
    const { ran, cmd, fallback } = recorder();
    expect(runAppCommand('nav.metrics', [cmd('nav.list'), cmd('nav.metrics')], { 'nav.metrics': fallback('nav.metrics') })).toBe('registered');
    expect(ran).toEqual(['registered:nav.metrics']);
  });

  it('falls back when the screen offers no such command', () => {
    const { ran, cmd, fallback } = recorder();
    expect(runAppCommand('export.pdf', [cmd('nav.list')], { 'export.pdf': fallback('export.pdf') })).toBe('fallback');
    expect(ran).toEqual(['fallback:export.pdf']);
  });

  it('runs nothing and says so when neither exists', () => {
    const { ran, cmd } = recorder();
    expect(runAppCommand('lan.host', [cmd('nav.list')], {})).toBe('unavailable');
    expect(ran).toEqual([]);
    expect(unavailableMessage('lan.host')).toBe('“Host this room on the LAN” is not available on this screen.');
  });

  it('has a label for every menu command', () => {
    expect(Object.keys(APP_COMMAND_LABELS).sort()).toEqual([...APP_COMMANDS].sort());
  });
});
