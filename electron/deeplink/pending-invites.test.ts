import { describe, expect, it } from 'vitest';
import { PendingInvites } from './pending-invites';

function setup() {
  const delivered: string[] = [];
  return { delivered, pending: new PendingInvites((i) => delivered.push(i)) };
}

describe('PendingInvites', () => {
  it('holds a link that arrives before the renderer is ready, then delivers it once', () => {
    const { delivered, pending } = setup();
    pending.offer('warroom1.a');
    expect(delivered).toEqual([]);
    pending.rendererReady();
    pending.rendererReady();
    expect(delivered).toEqual(['warroom1.a']);
  });

  it('delivers at once while the renderer is ready', () => {
    const { delivered, pending } = setup();
    pending.rendererReady();
    pending.offer('warroom1.a');
    expect(delivered).toEqual(['warroom1.a']);
  });

  it('keeps only the latest link while waiting', () => {
    const { delivered, pending } = setup();
    pending.offer('warroom1.a');
    pending.offer('warroom1.b');
    pending.rendererReady();
    expect(delivered).toEqual(['warroom1.b']);
  });

  it('holds links again while the renderer reloads', () => {
    const { delivered, pending } = setup();
    pending.rendererReady();
    pending.rendererGone();
    pending.offer('warroom1.a');
    expect(delivered).toEqual([]);
    pending.rendererReady();
    expect(delivered).toEqual(['warroom1.a']);
  });
});
