// The API's routes as plain data. In tests this computes them from the contract; the pane's build replaces this
// module with the computed table as JSON (build.mjs), so zod and the schemas never reach the pane's JavaScript.
export { routeTable } from '@rapport/shared/contract/route-table';
