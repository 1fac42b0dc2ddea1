import { closeOnSignals, exitOnStartFailure, portFromEnv } from '../cli/server-cli';
import path from 'node:path';
import { startRelayServer } from './relay-server';

/** `npm run relay`: HOST (default 0.0.0.0), PORT (default 1234), DATA_DIR (default ./relay-data). */
const main = async (): Promise<void> => {
  const host = process.env.HOST || '0.0.0.0';
  const port = portFromEnv(process.env.PORT, 1234);
  const dataDir = path.resolve(process.env.DATA_DIR || 'relay-data');
  const relay = await startRelayServer({ host, port, dataDir, log: (msg) => console.log(msg) });
  console.log(`Warroom relay listening on ${relay.url}, storing documents in ${dataDir}`);
  console.log('Put its ws:// address (with this machine\'s LAN name or address) in the share dialog\'s "Relay" field.');

  closeOnSignals(() => relay.close(), 'writing documents and shutting down');
};

main().catch(exitOnStartFailure('Warroom relay'));
