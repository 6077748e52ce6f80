import path from "node:path";
import { articleUrl } from "../core/article.ts";
import { PERMALINK_KEY, PROBLEMS_KEY, readFrontMatter } from "../core/front-matter.ts";
import type { ResolvedOptions } from "../core/options.ts";
import { articleSchema, check } from "../core/schema.ts";
import { isInside } from "./display-path.ts";

/** Data key telling the site model whether a file is an article, a dossier or a page. */
export const KIND_KEY = "editorialeKind";

/** Files in this folder of the content folder are pages (chi siamo, contatti…), as is any file with `kind: page`. */
export const PAGES_FOLDER = "pagine";


/**
 * Reads a content file's front matter our way (see readFrontMatter), files
 * problems for the site model instead of throwing (so that one run reports
 * every bad file), tells articles from dossier pages and gives each article its URL.
 */
export function frontMatterEngine(options: ResolvedOptions, inputDir: () => string) {
  return (yamlText: string, engineOptions?: { filePath?: string }): Record<string, unknown> => {
    const file = engineOptions?.filePath ?? "(unknown file)";
    const { data, problems } = readFrontMatter(yamlText, file, options.site.timeZone);
    if (problems.length > 0) data[PROBLEMS_KEY] = problems;
    const dossierFolder = options.dossiers === false ? undefined : path.join(inputDir(), options.dossiers.folder);
    const isDossier = dossierFolder !== undefined && path.dirname(path.resolve(file)) === path.resolve(dossierFolder);
    const isPage = !isDossier && (data.kind === "page" || isInside(file, path.join(inputDir(), PAGES_FOLDER)));
    data[KIND_KEY] = isDossier ? "dossier" : isPage ? "page" : "article";
    if (isDossier) {
      // A dossier's page is written with the archives, from the site model.
      data.permalink = false;
      return data;
    }
    if (data.permalink !== undefined && data.permalink !== false) {
      // Checked before anything is written: `/../../etc/x/` would land outside the site.
      const permalink = check(articleSchema.pick({ permalink: true }), { permalink: data.permalink }, file);
      problems.push(...permalink.problems);
      if (permalink.problems.length === 0) data[PERMALINK_KEY] = true;
      if (problems.length > 0) data[PROBLEMS_KEY] = problems;
    }
    // A page is never part of a dossier: its address is its permalink or /<slug>/.
    const dossierBase = isPage || options.dossiers === false ? false : options.dossiers.base;
    data.permalink = problems.length > 0 ? false : articleUrl(data, dossierBase);
    return data;
  };
}
