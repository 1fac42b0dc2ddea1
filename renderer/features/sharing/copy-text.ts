import { platform } from '../../platform';

/**
 * Copy to the clipboard through the platform (Electron's clipboard, or the
 * async Clipboard API). That API needs a secure context, which a browser that
 * opened the LAN host over plain http:// is not; then fall back to selecting
 * the text field and the legacy copy command.
 */
export const copyText = async (text: string, field: HTMLTextAreaElement | null): Promise<boolean> => {
  try {
    await platform.copyText(text);
    return true;
  } catch {
    // No clipboard access here: try the fallback.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
};
