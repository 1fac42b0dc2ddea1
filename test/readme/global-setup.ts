import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyRepository } from './repo-copy';

/** One copy of the repository for the whole suite; its path reaches the tests through the environment. */
export default function globalSetup(): () => void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const copy = copyRepository(root);
  process.env.WARROOM_README_COPY = copy;
  console.log(`README commands run in a copy of the repository: ${copy}`);
  return () => rmSync(copy, { recursive: true, force: true });
}
