// The words `npm start` prints when Electron cannot start; pure, so scripts/electron-messages.test.ts checks them.

/** Electron's installer tooling (@electron/get) declares Node >= 22.12. */
export const DESKTOP_NODE = [22, 12];

/** A sentence when this Node is older than the desktop tooling wants, else null. */
export const desktopNodeProblem = (nodeVersion) => {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const ok = major > DESKTOP_NODE[0] || (major === DESKTOP_NODE[0] && minor >= DESKTOP_NODE[1]);
  return ok ? null : `This is Node ${nodeVersion}; the desktop app's tooling wants Node ${DESKTOP_NODE.join('.')} or later (tests and the web build run on 20.19).`;
};

/** The first line that reads like an error, without the stack: "TypeError: fetch failed". */
export const firstErrorLine = (output) => {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
  return lines.find((l) => /error|failed|ENOTFOUND|ECONN|EAI_AGAIN/i.test(l)) ?? lines[0] ?? 'no reason given';
};

export const downloadFailureMessage = ({ version, reason, node }) =>
  [
    `Electron ${version} could not be downloaded (offline?): ${reason}`,
    ...(node ? [node] : []),
    'To fetch it later, when online: run npm start again (or node node_modules/electron/install.js).',
    'Behind a proxy or an internal mirror, set HTTPS_PROXY or ELECTRON_MIRROR first.',
    'Meanwhile `npm run web` runs the same app in a browser, with no Electron needed.',
  ].join('\n');
