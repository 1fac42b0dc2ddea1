import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A clean copy of the repository, as a fresh clone would have it: the files git
 * tracks (plus new ones not ignored, so a change under review is included), and
 * none of the build output, test results or relay data in the working tree.
 *
 * node_modules is not installed again (that takes minutes and the tests are
 * about the commands, not npm): the copy's node_modules is a folder of
 * symlinks to this checkout's packages, except `electron`, which is copied
 * without its downloaded binary, so that `npm start` in the copy always meets
 * a machine where Electron could not be downloaded, whatever this one has.
 */
export const copyRepository = (root: string): string => {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'warroom-readme-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const from = path.join(root, file);
    // Deleted in the working tree but still in the index: a clone of the change would not have it.
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(from, path.join(copy, file), { verbatimSymlinks: true });
  }
  linkNodeModules(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
};

const linkNodeModules = (real: string, copy: string): void => {
  mkdirSync(copy);
  const electron = path.join(real, 'electron');
  for (const entry of readdirSync(real)) {
    const from = path.join(real, entry);
    if (entry === 'electron') {
      cpSync(from, path.join(copy, entry), {
        recursive: true,
        filter: (src) => {
          const rel = path.relative(from, src);
          return rel !== 'dist' && rel !== 'path.txt';
        },
      });
    } else if (entry === '.bin') {
      // Each command points at its package; electron's at the copy without a binary.
      mkdirSync(path.join(copy, '.bin'));
      for (const bin of readdirSync(from)) {
        const target = realpathSync(path.resolve(from, readlinkSync(path.join(from, bin))));
        const mapped = target.startsWith(`${electron}${path.sep}`) ? path.join(copy, 'electron', path.relative(electron, target)) : target;
        symlinkSync(mapped, path.join(copy, '.bin', bin));
      }
    } else {
      symlinkSync(from, path.join(copy, entry));
    }
  }
};
