import path from "node:path";
import { articleUrl } from "../core/article.ts";
import { PERMALINK_KEY, PROBLEMS_KEY, readFrontMatter } from "../core/front-matter.ts";
import type { ResolvedOptions } from "../core/options.ts";
import { articleSchema, check, termNames } from "../core/schema.ts";

/** Data key telling the site model whether a file is an article or a dossier page. */
export const KIND_KEY = "editorialeKind";

/**
 * gray-matter's YAML engine for Eleventy: reads front matter our way (see
 * readFrontMatter), files problems for the site model instead of throwing (so
 * one run reports every bad file), and gives each article its URL and layout.
 */
export function frontMatterEngine(options: ResolvedOptions, inputDir: () => string, layout: string) {
  return (yamlText: string, engineOptions?: { filePath?: string }): Record<string, unknown> => {
    const file = engineOptions?.filePath ?? "(unknown file)";
    const { data, problems } = readFrontMatter(yamlText, file, options.site.timeZone);
    // Eleventy reads `tags` itself: anything but a text or a list stops it with a stack trace, and
    // it turns list items into text ("[object Object]"), so they are checked here, before it does.
    if (data.tags !== undefined && data.tags !== null) {
      const tags = check(termNames, data.tags, file, "tags");
      if (tags.problems.length > 0) {
        problems.push(...tags.problems);
        delete data.tags;
      }
    }
    if (problems.length > 0) data[PROBLEMS_KEY] = problems;
    const dossierFolder = options.dossiers === false ? undefined : path.join(inputDir(), options.dossiers.folder);
    const isDossier = dossierFolder !== undefined && path.dirname(path.resolve(file)) === path.resolve(dossierFolder);
    data[KIND_KEY] = isDossier ? "dossier" : "article";
    if (isDossier) {
      // A dossier's page is written by the archive template, from the site model.
      data.permalink = false;
      return data;
    }
    if (data.draft === true && process.env.ELEVENTY_RUN_MODE === "build") {
      data.permalink = false;
      data.eleventyExcludeFromCollections = true;
      return data;
    }
    if (data.permalink !== undefined && data.permalink !== false) {
      // Checked before Eleventy sees it: `/../../etc/x/` would be written outside the site.
      const permalink = check(articleSchema.pick({ permalink: true }), { permalink: data.permalink }, file);
      problems.push(...permalink.problems);
      if (permalink.problems.length === 0) data[PERMALINK_KEY] = true;
      if (problems.length > 0) data[PROBLEMS_KEY] = problems;
    }
    data.permalink = problems.length > 0 ? false : articleUrl(data, options.dossiers === false ? false : options.dossiers.base);
    data.layout ??= layout;
    return data;
  };
}
