/** What `npm run web` prints once it listens: the addresses to open, and what the port does. */
export const webBanner = (info: { host: string; port: number; pageUrls: readonly string[]; signalingUrls: readonly string[] }): string => {
  const everywhere = info.host === '0.0.0.0' || info.host === '::';
  const pages = everywhere ? [`http://localhost:${info.port}/`, ...info.pageUrls] : [...info.pageUrls];
  return [
    `Warroom web build and signaling server on port ${info.port}.`,
    'Open in a browser (everyone who opens one of these joins rooms through this server):',
    ...[...new Set(pages)].map((url) => `  ${url}`),
    `Peers meet through ${info.signalingUrls.join(', ')} (the same port). Allow incoming TCP on it in the firewall.`,
    'Ctrl-C stops it.',
  ].join('\n');
};
