import path from "node:path";
import { withPathPrefix } from "../../core/path-prefix.ts";
import type { ResolvedOptions } from "../../core/options.ts";
import { SEARCH_URL } from "../../core/site-files.ts";
import { html } from "../../core/html.ts";
import type { ThemeContext as Theme } from "../../core/theme-contract.ts";
import { renderView } from "../theme-context.ts";
import { isDryRun } from "../dry-run.ts";
import type { EleventyConfig } from "../eleventy-config.ts";
import { writeManifest } from "../search-bundles.ts";
import { SearchIndex } from "../search-index.ts";
import { SEARCH_SCRIPT } from "../theme-assets.ts";

/** What Eleventy's `eleventy.after` event hands over of each page it wrote. */
interface WrittenPage {
  inputPath: string;
  url: string | false;
  content: unknown;
}

/**
 * Search in collection mode (opt-in, `search: true`): the /cerca/ page, in the
 * site's layout or our theme, and a Pagefind index of the posts of the
 * collection as the site rendered them, made after Eleventy has written them.
 * Only the posts are indexed; without `data-pagefind-body` in the site's post
 * layout, Pagefind indexes each post page's whole body.
 */
export function addCollectionSearch(
  eleventyConfig: EleventyConfig,
  options: ResolvedOptions,
  current: () => { theme: Theme; posts: ReadonlySet<string> } | undefined,
  prefixOf: (functions: { url?: (url: string) => string }) => string,
): void {
  const script = "/assets/cerca.js";
  if (options.layout) eleventyConfig.addPassthroughCopy({ [SEARCH_SCRIPT]: "assets/cerca.js" });
  let prefix = "/";
  eleventyConfig.addTemplate("editoriale/search-page.11ty.js", {
    data: {
      eleventyExcludeFromCollections: true,
      layout: options.layout ?? false,
      permalink: SEARCH_URL,
      title: options.words.searchTitle,
      description: options.words.searchIntro,
    },
    render(this: { url?: (url: string) => string }) {
      const built = current();
      if (!built) throw new Error("Editoriale: the site model is not built yet");
      prefix = prefixOf(this);
      // In the site's layout the module script comes with the content: the layout knows nothing of it.
      const view = built.theme.parts.search(built.theme);
      const page = options.layout ? html`${view.main}\n<script type="module" src="${script}"></script>`.toString() : renderView(built.theme, view);
      return withPathPrefix(page, prefix);
    },
  });
  eleventyConfig.on("eleventy.after", async (event) => {
    const { results, directories, outputMode } = event as unknown as { results?: WrittenPage[]; directories: { output: string }; outputMode?: string };
    const built = current();
    if (!built || !results || (outputMode !== undefined && outputMode !== "fs") || isDryRun()) return;
    const index = await SearchIndex.start(options.site.language);
    const base = prefix.replace(/\/+$/, "");
    for (const page of results) {
      if (!built.posts.has(page.inputPath) || typeof page.url !== "string" || typeof page.content !== "string") continue;
      await index.add(base + page.url, page.content);
    }
    // One index in /pagefind/ itself, listed as the only bundle: the search page reads the same manifest in both modes.
    const report = await index.write(path.join(directories.output, "pagefind"));
    await index.exited();
    writeManifest(directories.output, [{ name: "posts", path: "", pages: report.pages }]);
    console.log(`[editoriale] search: indexed ${report.pages} posts in ${report.seconds.toFixed(2)} s`);
  });
}
