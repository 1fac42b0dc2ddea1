import { freePort, startProcess, waitFor, type Proc } from './child-process';

/**
 * Relay nodes as processes of their own (`node relay.cjs`, what `npm run
 * relay` runs), for tests that kill one (SIGKILL) or stop one (SIGTERM). The
 * bundle comes from buildTestRelay (build-relay.ts).
 */
export interface RelayNode {
  url: string;
  port: number;
  proc: Proc;
  /** GET /metrics as text. */
  metrics: () => Promise<string>;
}

export interface RelayNodeOptions {
  bundle: string;
  node: string;
  /** Fixed port (to restart a node where its clients expect it); a free one by default. */
  port?: number;
  databaseUrl?: string;
  dataDir?: string;
  redisUrl?: string;
  env?: Record<string, string>;
  args?: string[];
}

export const startRelayNode = async (o: RelayNodeOptions): Promise<RelayNode> => {
  const port = o.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), RELAY_NODE: o.node, ...o.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  if (o.redisUrl) env.REDIS_URL = o.redisUrl;
  if (o.dataDir) env.DATA_DIR = o.dataDir;
  const proc = startProcess(process.execPath, [o.bundle, ...(o.args ?? [])], { env });
  const url = `ws://127.0.0.1:${port}`;
  await waitFor(`relay ${o.node}`, async () => proc.output().includes(`listening on ${url}`), proc);
  return {
    url,
    port,
    proc,
    metrics: async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
  };
};

/** Runs the relay CLI to completion (e.g. `--import DIR`) and returns its exit code and output. */
export const runRelayCli = async (bundle: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> => {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.REDIS_URL;
  const proc = startProcess(process.execPath, [bundle, ...args], { env: { ...clean, ...env } });
  const { code } = await proc.exited;
  return { code, output: proc.output() };
};
