#!/usr/bin/env node
// The long crash run: 50 SIGKILL rounds of each kind of change (npm test runs 10). WARROOM_CRASH_ROUNDS overrides.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, WARROOM_CRASH_ROUNDS: process.env.WARROOM_CRASH_ROUNDS ?? '50' };
console.log(`Crash durability: ${env.WARROOM_CRASH_ROUNDS} SIGKILL rounds each of an entry, a runbook check, an action item and postmortem text…`);
const build = spawnSync('npm', ['run', 'build:renderer'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('npx', ['playwright', 'test', 'test/e2e/crash.spec.ts'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
