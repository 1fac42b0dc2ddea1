/**
 * Holds an invite from a deep link until the renderer can take it: a link can
 * arrive before the window has loaded (the app was started by the link) or
 * while it reloads. Only the latest link is kept; clicking two links while the
 * app starts means the second.
 */
export class PendingInvites {
  private pending: string | null = null;
  private ready = false;

  constructor(private readonly deliver: (invite: string) => void) {}

  offer(invite: string): void {
    if (this.ready) this.deliver(invite);
    else this.pending = invite;
  }

  /** The renderer has loaded and subscribed. */
  rendererReady(): void {
    this.ready = true;
    const invite = this.pending;
    this.pending = null;
    if (invite !== null) this.deliver(invite);
  }

  /** The renderer is reloading or gone; hold links again. */
  rendererGone(): void {
    this.ready = false;
  }
}
