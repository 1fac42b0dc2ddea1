/**
 * Connection slots, overall and per remote address. A slot is taken before the
 * WebSocket handshake starts so concurrent upgrades cannot overshoot the caps.
 */
export class Admission {
  private total = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerAddress: number,
  ) {}

  /** Returns a release function (idempotent), or null when a cap is reached. */
  tryAcquire(address: string): (() => void) | null {
    const fromAddress = this.byAddress.get(address) ?? 0;
    if (this.total >= this.maxTotal || fromAddress >= this.maxPerAddress) return null;
    this.total += 1;
    this.byAddress.set(address, fromAddress + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left === 0) this.byAddress.delete(address);
      else this.byAddress.set(address, left);
    };
  }
}
