/** WordPress (WXR 1.1 / 1.2) import: the public entry of src/import. */
export { importWxr, defaults, type ImportOptions } from "./import-wxr.ts";
export { accounting, formatReport, type ImportReport } from "./report.ts";
export { ImportError } from "./errors.ts";
export { parseTaxonomyMapping, type TaxonomyMap } from "./taxonomy-map.ts";
