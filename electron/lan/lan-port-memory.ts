import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The LAN host's port, kept across restarts in `lan-host.json` in the
 * user-data folder: a browser keeps IndexedDB per origin, port included, so a
 * new port would hide every incident a responder's browser kept from the last
 * session. Unreadable or odd contents count as nothing remembered.
 */
export const lanPortMemory = (file: string) => ({
  async rememberedPort(): Promise<number | null> {
    try {
      const { port } = JSON.parse(await readFile(file, 'utf8')) as { port?: unknown };
      return typeof port === 'number' && Number.isInteger(port) && port >= 1024 && port <= 65535 ? port : null;
    } catch {
      return null;
    }
  },
  async rememberPort(port: number): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a crash mid-write leaves the old port rather than half a file.
    const temp = `${file}.tmp`;
    await writeFile(temp, `${JSON.stringify({ port })}\n`);
    await rename(temp, file);
  },
});
