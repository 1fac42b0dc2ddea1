export { ExportMenu } from './ExportMenu';
export { ImportButton } from './ImportButton';
export { exportJson, exportMarkdown, exportYjs } from './export-actions';
export { printIncident, withPrintView } from './print-view';
export { importIncidentFile } from './import-actions';
