import { EditorialeError, formatProblem } from "../core/errors.ts";
import { resolveOptions, type ResolvedOptions } from "../core/options.ts";
import { loadSiteData } from "../eleventy/site-data.ts";
import { ImportError } from "./errors.ts";
import type { starterSiteData } from "./site-file.ts";

/**
 * The options of the site the import writes into, resolved as its build will
 * resolve them (site.json, editoriale.json, terms.json of the data folder),
 * so that the files written name the site's own taxonomies. A data folder
 * without site.json is a new site: it gets the defaults, in the language of
 * the site.json the import is about to write.
 */
export function siteOptions(dataDir: string, newSite: ReturnType<typeof starterSiteData>): ResolvedOptions {
  try {
    return resolveOptions(loadSiteData(dataDir, newSite));
  } catch (error) {
    if (!(error instanceof EditorialeError)) throw error;
    // One line a problem, as the build says them; nothing has been written yet.
    const lines = error.problems.map((problem) => `  ${formatProblem(problem)}`);
    throw new ImportError(dataDir, `the site's data is not valid, so its taxonomies are unknown; nothing was imported:\n${lines.join("\n")}`);
  }
}
