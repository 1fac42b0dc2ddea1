import path from 'node:path';
import { startRelayServer } from './relay-server';

/** `npm run relay`: HOST (default 0.0.0.0), PORT (default 1234), DATA_DIR (default ./relay-data). */
const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return 1234;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got "${raw}"`);
  return port;
};

const main = async (): Promise<void> => {
  const host = process.env.HOST || '0.0.0.0';
  const port = parsePort(process.env.PORT);
  const dataDir = path.resolve(process.env.DATA_DIR || 'relay-data');
  const relay = await startRelayServer({ host, port, dataDir, log: (msg) => console.log(msg) });
  console.log(`Warroom relay listening on ${relay.url}, storing documents in ${dataDir}`);
  console.log('Put its ws:// address (with this machine\'s LAN name or address) in the share dialog\'s "Relay" field.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal} received, writing documents and shutting down`);
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(`Warroom relay failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
