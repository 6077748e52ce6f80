import path from "node:path";
import { EditorialeError, throwIfProblems } from "../core/errors.ts";
import { createMarkdown } from "../core/markdown.ts";
import { resolveOptions, type EditorialeOptions } from "../core/options.ts";
import { rebuildOnDeletion } from "./deletion-watch.ts";
import { displayPath, projectRelative } from "./display-path.ts";
import { BuildProblems } from "./error-page.ts";
import type { EleventyConfig } from "./eleventy-config.ts";
import { stylesheetAsset } from "./stylesheet.ts";
import { THEME_ASSETS, THEME_STYLESHEET } from "./theme-assets.ts";
import { checkTemplateUrls } from "./template-guard.ts";
import { isDryRun } from "./dry-run.ts";
import { ContentBuilder } from "./content-builder.ts";
import { terminalProgress } from "./progress-reporter.ts";
import { searchSummary } from "./search-bundles.ts";
import { cacheRequest } from "./build-cache.ts";
import { addCollectionMode } from "./collection-mode/wiring.ts";

export type { EditorialeOptions };
// What a site needs to replace a part of the theme: the contract's types and the escaping template.
export type { ThemeParts, ThemeContext, PageView, DocumentMeta, ImageRef } from "../core/theme-contract.ts";
export type { Article } from "../core/article.ts";
export type { ArchivePage, Crumb } from "../core/archive.ts";
export { html, SafeHtml } from "../core/html.ts";


/**
 * The Editoriale plugin: `eleventyConfig.addPlugin(editoriale, options)`.
 *
 * Articles are not Eleventy templates: Eleventy's cost per template (data
 * cascade, pagination copies) made a 10,000-article site take minutes. Before
 * each build the plugin reads the content folder itself (only files that
 * changed since the last build), builds the site model once, and writes every
 * article, archive page, feed, index, 404, sitemap, robots.txt and _redirects.
 * While serving, a rebuild renders only the pages and feeds whose signature
 * (what they show, from the model) changed, and writes only files whose
 * content changed (output-signatures.ts, docs/performance.md). Eleventy keeps
 * what it does well: the command line, the dev server with live reload,
 * watching, assets, and any other template the site adds (which can read the
 * model through the `editoriale*` collections).
 */
export default function editoriale(eleventyConfig: EleventyConfig, userOptions?: EditorialeOptions): void {
  const options = resolveOptions(userOptions);
  // Collection mode: the site's posts stay Eleventy templates; only archives, indexes and feeds are added.
  if (options.collection !== undefined) return addCollectionMode(eleventyConfig, { ...options, collection: options.collection });
  const md = createMarkdown();
  // The articles' folder: Eleventy's input, or a folder of it (`contentFolder`) beside the site's own templates.
  const contentDir = (input: string) => path.join(input, options.contentFolder);
  const input = contentDir(eleventyConfig.directories.input);
  eleventyConfig.setLibrary("md", md);
  // The content folder is ours: Eleventy reads nothing in it, so no file there is a template or runs code
  // (unless the site says it trusts templates there: then only the Markdown articles are ours).
  eleventyConfig.ignores.add(path.join(projectRelative(input), options.templatesInContent ? "**/*.md" : "**"));
  eleventyConfig.addWatchTarget(input);
  eleventyConfig.addPassthroughCopy({ [THEME_ASSETS]: "assets" });
  // Written with the pages (no Eleventy template: content mode leaves Eleventy nothing to render, so --to=json has nothing of ours to serialise).
  // The site's look (fonts, logo) is found from the project folder, where the build runs.
  const stylesheet = stylesheetAsset(THEME_STYLESHEET, { look: options.look, projectDir: process.cwd() });

  const builder = new ContentBuilder(options, md, stylesheet);
  // `npm start`: problems shown in the browser until fixed, deleted articles rebuilt, moved addresses noticed.
  const buildProblems = new BuildProblems();
  eleventyConfig.setServerOptions({ middleware: [buildProblems.middleware()] });
  rebuildOnDeletion(eleventyConfig, input);

  eleventyConfig.on("eleventy.before", async ({ directories, runMode, outputMode }) => {
    // `--dryrun`, `--to=json` and `--to=ndjson` write nothing: the model is still built and checked.
    const toJson = outputMode !== undefined && outputMode !== "fs";
    // With --to=json the standard output is Eleventy's JSON: our lines go to the standard error.
    const log = toJson ? console.error : console.log;
    try {
      // On the standard error, silenced by Eleventy's --quiet (read here: the command line sets it before the configuration runs).
      const progress = terminalProgress(eleventyConfig.quietMode === true);
      const { theme, report, seconds } = await builder.build({ input: contentDir(directories.input), output: directories.output, runMode, dryRun: toJson || isDryRun(), log, pathPrefix: eleventyConfig.pathPrefix ?? "/", progress, cache: cacheRequest() });
      buildProblems.clear();
      const articles = theme.model.articles.length;
      if (!report) {
        log(`[editoriale] ${articles} articles checked; nothing written (${toJson ? `--to=${outputMode}` : "--dryrun"})`);
        return;
      }
      const kept = [report.reused && `${report.reused} reused from the previous build`, report.unchanged && `${report.unchanged} unchanged`, report.skipped && `${report.skipped} not re-rendered`, report.removed && `${report.removed} removed`].filter(Boolean).join(", ");
      log(`[editoriale] ${articles} articles: wrote ${report.written} files${kept ? `, ${kept}` : ""} in ${seconds.toFixed(2)} s`);
    } catch (error) {
      // While serving, a writer's mistake is shown in the terminal and in the browser, and the server keeps watching for the fix.
      if (runMode !== "build" && error instanceof EditorialeError) {
        console.error(`[editoriale] ${error.message}`);
        buildProblems.set(error.problems);
      } else throw error;
    }
  });

  // Pages of the site's own templates may neither leave the output folder nor take a file of ours.
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }) => {
    const theme = builder.current;
    if (theme) throwIfProblems(checkTemplateUrls(inputPathToUrl, theme.model.outputs, () => false));
  });

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const index = await builder.finish(directories.output);
    if (!index) return;
    console.log(`[editoriale] ${searchSummary(index, displayPath(index.cacheDir))}`);
  });

  const model = () => builder.current?.model;
  eleventyConfig.addCollection("editorialeArticles", () => model()?.articles ?? []);
  eleventyConfig.addCollection("editorialeArchives", () => model()?.archives ?? []);
  eleventyConfig.addCollection("editorialeIndexes", () => model()?.indexes ?? []);
  eleventyConfig.addCollection("editorialeDossiers", () => model()?.dossiers ?? []);
}
