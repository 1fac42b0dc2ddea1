import { describe, expect, it } from 'vitest';
import { whenStillClosed } from './use-modal-dialog';

describe('whenStillClosed', () => {
  it('passes on a close event only while the dialog is closed', () => {
    let closed = 0;
    const onClose = whenStillClosed(() => (closed += 1));
    onClose({ currentTarget: { open: false } });
    expect(closed).toBe(1);
    // The stale event of an earlier close, arriving after the dialog was shown again.
    onClose({ currentTarget: { open: true } });
    expect(closed).toBe(1);
  });
});
