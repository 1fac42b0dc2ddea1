export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * Save-dialog filters from the suggested name, so the dialog offers the export's
 * own type first (incident.md → "MD file") while still letting the user pick
 * any name. A dotfile or a name without an extension gets "All files" only.
 */
export function saveFiltersFor(suggestedName: string): FileFilter[] {
  const all: FileFilter = { name: 'All files', extensions: ['*'] };
  const dot = suggestedName.lastIndexOf('.');
  if (dot <= 0 || dot === suggestedName.length - 1) return [all];
  const ext = suggestedName.slice(dot + 1);
  return [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }, all];
}
