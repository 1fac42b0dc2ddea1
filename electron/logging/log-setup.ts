import path from 'node:path';
import type { MainLogger } from 'electron-log';

/** Largest log file before it is rotated to main.old.log (one old generation is kept: two files at most). */
export const LOG_MAX_BYTES = 1024 * 1024;

/** Where the logs go: a `logs` folder in the user-data folder, the same place on every OS. */
export const logsDirOf = (userData: string): string => path.join(userData, 'logs');

/** Crash dumps stay next to them, on this machine (crashReporter never uploads). */
export const crashDumpsDirOf = (userData: string): string => path.join(userData, 'crashes');

type FileLogger = Pick<MainLogger, 'transports' | 'errorHandler'>;

/**
 * electron-log writes main-process messages to `<userData>/logs/main.log`,
 * rotated at LOG_MAX_BYTES by electron-log's own archiveLogFn (the full file
 * becomes main.old.log), and catches uncaught errors into it. Takes the logger
 * so log-setup.test.ts runs it with electron-log's Node build, without Electron.
 */
export const configureLog = (log: FileLogger, options: { logsDir: string; catchErrors?: boolean }): string => {
  const file = path.join(options.logsDir, 'main.log');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  // The dialog electron-log would show on an uncaught error is no help mid-incident: log it and carry on.
  if (options.catchErrors !== false) log.errorHandler.startCatching({ showDialog: false });
  return file;
};
