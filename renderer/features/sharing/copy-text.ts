import { platform } from '../../platform';

/**
 * Copy to the clipboard through the platform (Electron's clipboard; in a
 * browser the Clipboard API, or the legacy copy command where the page is not
 * a secure context). If the browser refuses both, the text field is selected
 * so Ctrl+C copies it, and the caller is told it was not copied.
 */
export const copyText = async (text: string, field: HTMLTextAreaElement | null): Promise<boolean> => {
  try {
    await platform.copyText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
};
