/** What the standalone servers (`npm run signal`, `npm run relay`) share: the port from the environment and a clean stop. */

/** PORT from the environment: `fallback` when unset, else an integer 0–65535. */
export const portFromEnv = (raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got "${raw}"`);
  return port;
};

/** Ctrl-C or SIGTERM closes the server, then exits; `doing` says what closing does. */
export const closeOnSignals = (close: () => Promise<void>, doing: string): void => {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C means the clean shutdown is stuck; do not make the operator wait.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal} received, ${doing}`);
    close().then(
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

/** For `main().catch(…)`: says which server failed to start and why, and exits with an error. */
export const exitOnStartFailure =
  (server: string) =>
  (error: unknown): never => {
    const busy = (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
    // The usual first-run failure: say what to do, not only what broke.
    const hint = busy ? ' Another program holds that port: set PORT to a free one (PORT=0 picks any).' : '';
    console.error(`${server} failed to start: ${error instanceof Error ? error.message : String(error)}.${hint}`);
    process.exit(1);
  };
