import { missingFrontMatter, PROBLEMS_KEY } from "../core/front-matter.ts";
import type { ModelSource } from "../core/site-model.ts";
import type { CollectionApi } from "./eleventy-config.ts";
import { KIND_KEY } from "./front-matter-engine.ts";

/** The Markdown files Eleventy read, as the site model wants them. */
export function siteSources(api: CollectionApi): ModelSource[] {
  const sources: ModelSource[] = [];
  for (const item of api.getAll()) {
    const kind = item.data[KIND_KEY];
    const markdown = item.data.page?.rawInput ?? "";
    if (kind !== "article" && kind !== "dossier") {
      // Our front-matter engine never saw this Markdown file: it has no front matter at all, and
      // Eleventy would publish it as a bare page. Every Markdown file is an article, so it is a problem.
      if (item.inputPath.endsWith(".md")) {
        const problem = missingFrontMatter(item.inputPath, markdown.trim() === "");
        sources.push({ kind: "article", file: item.inputPath, url: "", data: { [PROBLEMS_KEY]: [problem] }, markdown });
      }
      continue;
    }
    sources.push({
      kind,
      file: item.inputPath,
      url: typeof item.url === "string" ? item.url : "",
      data: item.data,
      markdown,
    });
  }
  return sources;
}
