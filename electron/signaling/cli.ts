import { closeOnSignals, exitOnStartFailure, portFromEnv } from '../cli/server-cli';
import { lanAddresses } from './lan-addresses';
import { startSignalingServer } from './signaling-server';

const main = async (): Promise<void> => {
  // A war-room signaling server exists to be reached from other laptops, hence all interfaces by default.
  const host = process.env.HOST || '0.0.0.0';
  const port = portFromEnv(process.env.PORT, 4444);
  const server = await startSignalingServer({ host, port, log: (msg) => console.log(msg) });

  console.log(`Warroom signaling server listening on ${server.url}`);
  if (host === '0.0.0.0') {
    for (const address of lanAddresses()) console.log(`  reachable on the LAN at ws://${address}:${server.port}`);
  }

  closeOnSignals(() => server.close(), 'shutting down');
};

main().catch(exitOnStartFailure('Warroom signaling server'));
