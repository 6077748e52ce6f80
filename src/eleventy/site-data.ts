import path from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { EditorialeError } from "../core/errors.ts";
import type { EditorialeOptions } from "../core/options.ts";

/**
 * The plugin options of a site kept as data: `site.json` (required),
 * `terms.json` and `editoriale.json` (taxonomies, intersections, sizes, words;
 * both optional). The plugin validates the values; this only reads the files.
 * `newSite` stands in for a missing site.json (the importer starting a site from an export, before it writes one).
 */
export function loadSiteData(dataDir: string, newSite?: EditorialeOptions["site"]): EditorialeOptions {
  const options = readJson(dataDir, "editoriale.json", {}) as EditorialeOptions;
  return {
    ...options,
    site: readJson(dataDir, "site.json", newSite) as EditorialeOptions["site"],
    terms: readJson(dataDir, "terms.json", {}) as EditorialeOptions["terms"],
  };
}

function readJson(dataDir: string, name: string, fallback: unknown): unknown {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    if (fallback !== undefined) return fallback;
    throw new EditorialeError([{
      code: "SITE_DATA_INVALID", file: path.relative(process.cwd(), file), field: "(file)",
      message: "the file is missing",
      fix: 'create it with at least {"title": "…", "url": "https://…"}',
    }]);
  }
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new EditorialeError([{
      code: "SITE_DATA_INVALID", file: path.relative(process.cwd(), file), field: "(JSON)",
      message: `the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      fix: "check commas and quotes (a JSON validator in your editor shows the line)",
    }]);
  }
}
