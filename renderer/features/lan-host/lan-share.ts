import type { DiscoveredHost } from '@shared/platform/lan';
import { MAX_SIGNALING_URLS, encodeInvite, parseInvite } from '@shared/sync/invite';

const LOOPBACK = /^wss?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:\/|$)/i;

/**
 * The signaling servers for an invite while this device hosts on the LAN: the
 * host's LAN addresses first, then the servers the invite named before, minus
 * loopback ones (on another laptop "localhost" is that laptop), without
 * duplicates and within the invite's limit.
 */
export const signalingWhileHosting = (lanUrls: readonly string[], existing: readonly string[]): string[] => {
  const kept = existing.filter((u) => !LOOPBACK.test(u));
  return [...new Set([...lanUrls, ...kept])].slice(0, MAX_SIGNALING_URLS);
};

/**
 * An invite that meets its peers on a host found on the LAN: the same room and
 * password, with the host's signaling server first. The room and password come
 * only from the pasted invite, never from the mDNS answer. Throws the invite
 * parser's DomainError for a bad code.
 */
export const inviteViaHost = (code: string, host: Pick<DiscoveredHost, 'signalingUrl'>): string => {
  const invite = parseInvite(code);
  return encodeInvite({
    incidentId: invite.incidentId,
    room: invite.room,
    password: invite.password,
    signaling: [...new Set([host.signalingUrl, ...invite.signaling])].slice(0, MAX_SIGNALING_URLS),
    relays: invite.relays,
    title: invite.title,
  });
};
