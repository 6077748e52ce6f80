import type { ModelSource } from "../core/site-model.ts";
import type { CollectionApi } from "./eleventy-config.ts";
import { KIND_KEY } from "./front-matter-engine.ts";

/** The Markdown files Eleventy read, as the site model wants them. */
export function siteSources(api: CollectionApi): ModelSource[] {
  const sources: ModelSource[] = [];
  for (const item of api.getAll()) {
    const kind = item.data[KIND_KEY];
    if (kind !== "article" && kind !== "dossier") continue;
    sources.push({
      kind,
      file: item.inputPath,
      url: typeof item.url === "string" ? item.url : "",
      data: item.data,
      markdown: item.data.page?.rawInput ?? "",
    });
  }
  return sources;
}
