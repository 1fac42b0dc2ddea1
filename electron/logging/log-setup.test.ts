import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, configureLog, crashDumpsDirOf, logsDirOf } from './log-setup';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the main-process log (electron-log)', () => {
  it('writes to <userData>/logs/main.log and rotates it to main.old.log past the size limit', () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'warroom-logs-'));
    dirs.push(userData);
    const logger = log.create({ logId: `test-${Date.now()}` });
    logger.transports.console.level = false;
    const file = configureLog(logger, { logsDir: logsDirOf(userData), catchErrors: false });
    expect(file).toBe(path.join(userData, 'logs', 'main.log'));

    logger.info('LAN host listening on 4444');
    expect(readFileSync(file, 'utf8')).toMatch(/\[info\]\s+LAN host listening on 4444/);

    const line = 'x'.repeat(1000);
    for (let written = 0; written <= LOG_MAX_BYTES + 2000; written += line.length) logger.info(line);
    logger.info('after the rotation');
    const old = path.join(userData, 'logs', 'main.old.log');
    expect(existsSync(old)).toBe(true);
    expect(readFileSync(old, 'utf8')).toMatch(/LAN host listening on 4444/);
    expect(statSync(file).size).toBeLessThan(LOG_MAX_BYTES);
    expect(readFileSync(file, 'utf8')).toMatch(/after the rotation/);
  });

  it('keeps crash dumps beside the logs, in the user-data folder', () => {
    expect(crashDumpsDirOf('/home/ada/.config/Warroom')).toBe('/home/ada/.config/Warroom/crashes');
  });
});
