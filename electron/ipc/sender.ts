import { originOf } from '../security/origin';

/** The part of Electron's IpcMainInvokeEvent the check needs, so tests can pass plain objects. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/**
 * Only the app's own page may call the platform API: not an iframe or a page it
 * navigated to from elsewhere. senderFrame is null once the frame has gone, and
 * reading it can throw if it was disposed mid-call; both count as untrusted.
 */
export function isTrustedSender(event: SenderEvent, appOrigin: string): boolean {
  let url: string | undefined;
  try {
    url = event.senderFrame?.url;
  } catch {
    return false;
  }
  return url !== undefined && originOf(url) === appOrigin;
}
