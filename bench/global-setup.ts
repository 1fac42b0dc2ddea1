import { startResults } from './results';

/** A run starts bench/results.json afresh: every figure in it is from this run. */
export default function globalSetup(): void {
  startResults();
}
