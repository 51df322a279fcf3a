export { importDocx, describeChanges, type DocxImportOptions, type DocxImportResult, type DocxImportSummary, type DocxImportedBlock, type ExtractedImage } from './import-docx.js';
export type { ChangesMode } from './read-body.js';
export { themeStyleRoles } from './theme-roles.js';
export type { Role, StyleRole } from './styles.js';
