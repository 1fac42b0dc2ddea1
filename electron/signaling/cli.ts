import { lanAddresses } from './lan-addresses';
import { startSignalingServer } from './signaling-server';

const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return 4444;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got "${raw}"`);
  return port;
};

const main = async (): Promise<void> => {
  // A war-room signaling server exists to be reached from other laptops, hence all interfaces by default.
  const host = process.env.HOST || '0.0.0.0';
  const port = parsePort(process.env.PORT);
  const server = await startSignalingServer({ host, port, log: (msg) => console.log(msg) });

  console.log(`Warroom signaling server listening on ${server.url}`);
  if (host === '0.0.0.0') {
    for (const address of lanAddresses()) console.log(`  reachable on the LAN at ws://${address}:${server.port}`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C means the clean shutdown is stuck; do not make the operator wait.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal} received, shutting down`);
    server.close().then(
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
  console.error(`Warroom signaling server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
