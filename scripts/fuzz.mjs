#!/usr/bin/env node
// The long convergence run: 10,000 seeds of the property test that npm test runs 100 of.
// FUZZ_RUNS and FUZZ_SEED (to replay one failure) may be set from the environment.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000' };
console.log(`Convergence property test, ${env.FUZZ_RUNS} runs (5 peers, every kind of operation, shuffled, duplicated and delayed delivery)…`);
const r = spawnSync('npx', ['vitest', 'run', 'shared/domain/convergence.property.test.ts'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
