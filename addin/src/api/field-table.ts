// The fields of each kind's patch as plain data (shared/src/contract/field-table.ts). In tests this computes them from
// the schemas; the pane's build replaces this module with the computed table as JSON (build.mjs).
export { fieldTable } from '@rapport/shared/contract/field-table';
