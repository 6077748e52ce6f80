import path from "node:path";
import { fileURLToPath } from "node:url";
import { EditorialeError, throwIfProblems } from "../core/errors.ts";
import { createMarkdown } from "../core/markdown.ts";
import { resolveOptions, type EditorialeOptions } from "../core/options.ts";
import { buildRedirects, renderRedirects } from "../core/redirects.ts";
import { addressesByFile, movedArticleNotices } from "../core/moved-articles.ts";
import { buildSiteModel } from "../core/site-model.ts";
import { MEDIA_FOLDER } from "../core/site-files.ts";
import type { Theme } from "../../_includes/theme.ts";
import { contentReader } from "./content-files.ts";
import { rebuildOnDeletion } from "./deletion-watch.ts";
import { projectRelative } from "./display-path.ts";
import { emptySiteProblems } from "./empty-site.ts";
import { BuildProblems } from "./error-page.ts";
import type { EleventyConfig } from "./eleventy-config.ts";
import { frontMatterEngine } from "./front-matter-engine.ts";
import { outputWriter, type Output, type RenderedHook } from "./output-writer.ts";
import { signatureKeeper } from "./output-signatures.ts";
import { siteOutputs } from "./site-outputs.ts";
import { stylesheetAsset } from "./stylesheet.ts";
import { checkTemplateUrls, templatesInContent } from "./template-guard.ts";
import { SearchIndex, writePage } from "./search-index.ts";
import { renderSearchPage } from "../../_includes/layouts/search.ts";
import { addCollectionMode } from "./collection-mode/wiring.ts";
import { addCollectionMode } from "./collection-mode/wiring.ts";

export type { EditorialeOptions };

const THEME_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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
  // Collection mode: the site's posts stay Eleventy templates; only archives, indexes and feeds are added.
  if (options.collection !== undefined) return addCollectionMode(eleventyConfig, { ...options, collection: options.collection });
  const md = createMarkdown();
  const input = eleventyConfig.directories.input;
  eleventyConfig.setLibrary("md", md);
  // The content folder is ours: Eleventy reads nothing in it, so no file there is a template or runs code
  // (unless the site says it trusts templates there: then only the Markdown articles are ours).
  eleventyConfig.ignores.add(path.join(projectRelative(input), options.templatesInContent ? "**/*.md" : "**"));
  eleventyConfig.addWatchTarget(input);
  eleventyConfig.addPassthroughCopy({ [path.join(THEME_ROOT, "_includes/assets")]: "assets" });
  // Images and files of the articles live with them in `content/media/` and are published at /media/.
  eleventyConfig.addPassthroughCopy({ [path.join(projectRelative(input), MEDIA_FOLDER)]: MEDIA_FOLDER });
  // Written with the pages (no Eleventy template: content mode leaves Eleventy nothing to render, so --to=json has nothing of ours to serialise).
  const stylesheet = stylesheetAsset(path.join(THEME_ROOT, "_includes/assets/editoriale.css"));

  const readContent = contentReader(frontMatterEngine(options, () => eleventyConfig.directories.input));
  const write = outputWriter();
  const signatures = signatureKeeper();
  let theme: Theme | undefined;
  // Search: the Pagefind index is made while the pages are written (search-index.ts). While serving,
  // it is made on the first build only (it takes seconds on a large site); restart to refresh it.
  let search: SearchIndex | undefined;
  let indexed = false;
  // `npm start`: problems shown in the browser until fixed, deleted articles rebuilt, moved addresses noticed.
  const buildProblems = new BuildProblems();
  eleventyConfig.setServerOptions({ middleware: [buildProblems.middleware()] });
  rebuildOnDeletion(eleventyConfig, input);
  let addresses = new Map<string, string>();
  let dryRun = false;

  eleventyConfig.on("eleventy.before", async ({ directories, runMode, outputMode }) => {
    const started = performance.now();
    theme = undefined;
    try {
      if (!options.templatesInContent) throwIfProblems(templatesInContent(directories.input));
      const model = buildSiteModel(readContent(directories.input, runMode), options, md);
      throwIfProblems(emptySiteProblems(model.articles.length, runMode, directories.input));
      const redirects = buildRedirects(model);
      throwIfProblems(redirects.problems);
      buildProblems.clear();
      // With --to=json the standard output is Eleventy's JSON: our lines go to the standard error.
      const log = outputMode !== undefined && outputMode !== "fs" ? console.error : console.log;
      for (const notice of model.notices) log(`[editoriale] ${notice}`);
      if (runMode !== "build") {
        for (const notice of movedArticleNotices(addresses, model.articles)) log(`[editoriale] ${notice}`);
        addresses = addressesByFile(model.articles);
      }
      const css = stylesheet();
      theme = { model, md, stylesheet: css?.href ?? "/assets/editoriale.css", search: options.search };
      // `--dryrun`, `--to=json` and `--to=ndjson` write nothing: the model is still built and checked.
      dryRun = outputMode !== undefined && outputMode !== "fs" ? true : isDryRun();
      if (dryRun) {
        log(`[editoriale] ${model.articles.length} articles checked; nothing written (${outputMode === "fs" || outputMode === undefined ? "--dryrun" : `--to=${outputMode}`})`);
        return;
      }
      const extra: Output[] = [{ path: "_redirects", render: () => renderRedirects(redirects.rules) }];
      if (css) extra.push({ path: css.href.slice(1), render: () => css.css });
      if (options.search && (runMode === "build" || !indexed)) search = await SearchIndex.start(options.site.language);
      // A one-off build renders everything; watch and serve rebuilds render only the outputs whose signature changed.
      const remember = runMode !== "build";
      const report = await write(
        directories.output,
        siteOutputs(theme, extra, remember ? signatures(theme) : undefined),
        remember,
        search && indexArticles(search, model.articles.length, directories.output),
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const kept = [report.unchanged && `${report.unchanged} unchanged`, report.skipped && `${report.skipped} not re-rendered`, report.removed && `${report.removed} removed`].filter(Boolean).join(", ");
      console.log(`[editoriale] ${model.articles.length} articles: wrote ${report.written} files${kept ? `, ${kept}` : ""} in ${seconds} s`);
    } catch (error) {
      await search?.abandon();
      search = undefined;
      // While serving, a writer's mistake is shown in the terminal and in the browser, and the server keeps watching for the fix.
      if (runMode !== "build" && error instanceof EditorialeError) {
        console.error(`[editoriale] ${error.message}`);
        buildProblems.set(error.problems);
      } else throw error;
    }
  });

  // Pages of the site's own templates may neither leave the output folder nor take a file of ours.
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }) => {
    if (theme) throwIfProblems(checkTemplateUrls(inputPathToUrl, theme.model.outputs, () => false));
  });

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!options.search || !theme || dryRun) return;
    writePage(directories.output, "cerca/index.html", renderSearchPage(theme));
    if (!search) return;
    const index = search;
    search = undefined;
    const { pages, seconds, process } = await index.write(directories.output);
    indexed = true;
    const usage = process && ` (Pagefind's process: ${process.cpuSeconds.toFixed(2)} s CPU, ${Math.round(process.peakKiB / 1024)} MiB at most)`;
    console.log(`[editoriale] search: indexed ${pages} pages in ${seconds.toFixed(2)} s${usage ?? ""}`);
  });

  const model = () => theme?.model;
  eleventyConfig.addCollection("editorialeArticles", () => model()?.articles ?? []);
  eleventyConfig.addCollection("editorialeArchives", () => model()?.archives ?? []);
  eleventyConfig.addCollection("editorialeIndexes", () => model()?.indexes ?? []);
  eleventyConfig.addCollection("editorialeDossiers", () => model()?.dossiers ?? []);
}

/**
 * Hands each article page to the search index as it is written; after the
 * last one, Pagefind writes its files while the archive pages are written.
 */
function indexArticles(search: SearchIndex, articles: number, outputDir: string): RenderedHook {
  let handed = 0;
  return async (output, content) => {
    if (output.searchUrl === undefined || typeof content !== "string") return;
    await search.add(output.searchUrl, content);
    // The failure, if any, is reported where the write is awaited (eleventy.after).
    if (++handed === articles) search.write(outputDir).catch(() => undefined);
  };
}

/**
 * Whether Eleventy runs with `--dryrun`. Eleventy 3 tells plugins its output
 * mode but not this flag, so its command line is read (`--dryrun`, as Eleventy's
 * own parser spells it), and ELEVENTY_DRYRUN=1 for the programmatic API.
 */
function isDryRun(): boolean {
  return process.env.ELEVENTY_DRYRUN === "1" || process.argv.some((arg) => arg === "--dryrun" || arg === "--dryrun=true");
}
