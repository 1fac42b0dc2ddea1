import os from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';

/** IPv4 addresses other machines on the LAN can reach this one at. */
export const lanAddresses = (
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = os.networkInterfaces(),
): string[] =>
  Object.values(interfaces)
    .flatMap((infos) => infos ?? [])
    // Node 18.0–18.3 reported family as a number; accept both spellings.
    .filter((info) => (info.family === 'IPv4' || (info.family as unknown) === 4) && !info.internal)
    .map((info) => info.address);
