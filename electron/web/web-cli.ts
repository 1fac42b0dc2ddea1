import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LAN_PORT } from '../../shared/platform/lan';
import { closeOnSignals, exitOnStartFailure, portFromEnv } from '../cli/server-cli';
import { startLanHost } from '../lan/lan-host';
import { buildContentSecurityPolicy } from '../security/content-security-policy';
import { webBanner } from './web-banner';

/**
 * `npm run web`: the desktop app's LAN host without the desktop app. One HTTP
 * server serves the web build and upgrades WebSockets to the y-webrtc
 * signaling server on the same port, so one command on one machine is a whole
 * room that browsers on the LAN can open and join. Bundled to
 * dist/electron/web.cjs, so the web build is ../renderer from here.
 * HOST (default 0.0.0.0) and PORT (default 4444) come from the environment.
 * No mDNS advert: a room found by the desktop app's "Search the LAN" is one a
 * person chose to host from the app.
 */
const main = async (): Promise<void> => {
  const host = process.env.HOST || '0.0.0.0';
  const port = portFromEnv(process.env.PORT, DEFAULT_LAN_PORT);
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  if (!existsSync(path.join(rendererRoot, 'index.html'))) {
    throw new Error(`no web build in ${rendererRoot}; run npm run build:renderer first (npm run web does).`);
  }
  const lan = await startLanHost({ host, port, rendererRoot, csp: buildContentSecurityPolicy(), displayName: 'Warroom web', log: (msg) => console.log(msg) });
  console.log(webBanner({ host, port: lan.port, pageUrls: lan.pageUrls, signalingUrls: lan.signalingUrls }));
  closeOnSignals(() => lan.stop(), 'disconnecting peers and shutting down');
};

main().catch(exitOnStartFailure('Warroom web server'));
