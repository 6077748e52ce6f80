import path from "node:path";
import type { Article } from "../core/article.ts";
import { throwIfProblems } from "../core/errors.ts";
import type { MarkdownRenderer } from "../core/markdown.ts";
import { addressesByFile, movedArticleNotices } from "../core/moved-articles.ts";
import type { ResolvedOptions } from "../core/options.ts";
import { silentProgress, type Progress } from "../core/progress.ts";
import { PHASES } from "../core/progress-text.ts";
import { buildRedirects, renderRedirects } from "../core/redirects.ts";
import { buildSiteModel } from "../core/site-model.ts";
import type { ThemeContext as Theme } from "../core/theme-contract.ts";
import { renderView, themeContext } from "./theme-context.ts";
import { BuildCache, type CacheRequest } from "./build-cache.ts";
import { contentReader } from "./content-files.ts";
import { emptySiteProblems } from "./empty-site.ts";
import { frontMatterEngine } from "./front-matter-engine.ts";
import { copyMediaFiles } from "./media-files.ts";
import { withPathPrefix } from "../core/path-prefix.ts";
import { outputWriter, type KeptOutput, type Output, type RenderedHook, type WriteReport } from "./output-writer.ts";
import { signatureKeeper } from "./output-signatures.ts";
import { changedBundles, planSearchBundles } from "../core/search-plan.ts";
import { BundledSearchIndex, earlyIndex, stopEarlyIndex, type BundledReport, type BundleProgress } from "./search-bundles.ts";
import { SEARCH_CACHE_DIR } from "./search-cache.ts";
import { writePage } from "./search-index.ts";
import { writeReusedList } from "./reused-list.ts";
import { PublishedStats } from "./published-stats.ts";
import { plannedOutputCount, siteOutputs } from "./site-outputs.ts";
import type { StylesheetAsset } from "./stylesheet.ts";
import { templatesInContent } from "./template-guard.ts";

export interface BuildRequest {
  input: string;
  output: string;
  /** Eleventy's run mode: a one-off "build" renders everything; "serve" and "watch" rebuild only what changed. */
  runMode: string;
  /** Build and check the model, write nothing (`--dryrun`, `--to=json`). */
  dryRun: boolean;
  /** Where the build's lines go (the standard error when the standard output carries JSON). */
  log: (line: string) => void;
  /** Called with every output rendered (tests count them). */
  rendered?: RenderedHook;
  /** Eleventy's path prefix (`--pathprefix=/sub/`): put before every site path of the pages written; "/" for none. */
  pathPrefix?: string;
  /** Where reading, images, writing and (in finish) indexing say how far they are; silent when absent. */
  progress?: Progress;
  /**
   * A one-off build's persistent cache (build-cache.ts): its folder, and the previous build's published
   * folder to reuse unchanged outputs from (scripts/build.ts names it when it is ours). Undefined: no cache.
   */
  cache?: CacheRequest;
  /** Called as each search bundle is done (indexed or copied from the cache). */
  onSearchBundle?: BundleProgress;
}

export interface BuildResult {
  theme: Theme;
  /** Undefined for a dry run. */
  report: WriteReport | undefined;
  seconds: number;
}

/**
 * Content mode's pipeline, one object per process: read the content folder →
 * build the site model → every output (articles, archives, feeds, indexes,
 * 404, sitemap, robots, _redirects, stylesheet) → write → search index.
 * The Eleventy plugin only calls it before and after each build; the
 * rebuild tests call the same object. Its caches (files read, signatures,
 * written hashes) live as long as it does: one `npm start` session.
 */
export class ContentBuilder {
  private readonly readContent;
  private readonly write = outputWriter();
  private readonly signatures = signatureKeeper();
  /** Signatures for the build cache: its outputs are compared with another process's. */
  private readonly lasting = signatureKeeper({ processes: true });
  private addresses = new Map<string, string>();
  private search: BundledSearchIndex | undefined;
  /** The search pages of this build, those whose bundle is done, and where the indexing phase's progress goes once it has started. */
  private indexing: { pages: number; done: number; advance: ((pages: number) => void) | undefined } | undefined;
  /** The search index is made on the first build of a session only (seconds on a large site). */
  private indexed = false;
  /** A build updating the published site in place: what it left there, listed for scripts/build.ts by finish (once the search bundles are settled). */
  private reusedInPlace: string[] | undefined;
  private last: { theme: Theme; dryRun: boolean; pathPrefix: string; progress: Progress } | undefined;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly md: MarkdownRenderer,
    private readonly stylesheet: () => StylesheetAsset | undefined,
  ) {
    this.readContent = contentReader(frontMatterEngine(options, () => this.inputDir), { taxonomies: options.taxonomies, md });
  }

  private inputDir = "";

  /** The theme of the last build that got as far as its model (for the site templates' checks). */
  get current(): Theme | undefined {
    return this.last?.theme;
  }

  async build(request: BuildRequest): Promise<BuildResult> {
    const started = performance.now();
    const { options, md } = this;
    const progress = request.progress ?? silentProgress;
    this.last = undefined;
    this.reusedInPlace = undefined;
    this.inputDir = request.input;
    // A one-off build with search indexes at least the bundles that changed: Pagefind starts while the content is read.
    let early = options.search && request.runMode === "build" && !request.dryRun ? await earlyIndex(options.site.language) : undefined;
    try {
      if (!options.templatesInContent) throwIfProblems(templatesInContent(request.input));
      const cache = request.cache && !request.dryRun && request.runMode === "build" ? BuildCache.load(request.cache.dir, { options, input: request.input, pathPrefix: request.pathPrefix ?? "/" }, request.log) : undefined;
      // The published files' lengths and times, read on the other core while the content is read (published-stats.ts).
      const previousOutput = request.cache?.previousOutput;
      const stats = cache && previousOutput && cache.outputsKept > 0 ? new PublishedStats(previousOutput, cache.outputPaths) : undefined;
      const model = buildSiteModel(this.readContent(request.input, request.runMode, progress, cache), options, md);
      throwIfProblems(emptySiteProblems(model.articles.length, request.runMode, request.input));
      cache?.keepExcerpts(model.articles);
      cache?.feedItems.retain(new Set(model.articles.map((a) => a.file)));
      const redirects = buildRedirects(model);
      throwIfProblems(redirects.problems);
      for (const notice of model.notices) request.log(`[editoriale] ${notice}`);
      const remember = request.runMode !== "build";
      if (remember) {
        for (const notice of movedArticleNotices(this.addresses, model.articles)) request.log(`[editoriale] ${notice}`);
        this.addresses = addressesByFile(model.articles);
      }
      const css = this.stylesheet();
      const theme = themeContext({ model, md, stylesheet: css?.href ?? "/assets/editoriale.css", logo: css?.logo?.url, search: options.search });
      this.last = { theme, dryRun: request.dryRun, pathPrefix: request.pathPrefix ?? "/", progress };
      if (request.dryRun) return { theme, report: undefined, seconds: (performance.now() - started) / 1000 };
      const extra: Output[] = [{ path: "_redirects", render: () => renderRedirects(redirects.rules) }];
      if (css) {
        extra.push({ path: css.href.slice(1), render: () => css.css });
        for (const file of [...css.fonts, ...(css.logo ? [css.logo] : [])]) extra.push({ path: file.url.slice(1), render: () => [file.bytes] });
      }
      const prefix = request.pathPrefix ?? "/";
      // Updating the published site in place (src/cli/update-in-place.ts), a reused page or search bundle stays there, and is listed for the update.
      const inPlace = cache && request.cache?.inPlace && previousOutput ? { folder: previousOutput, reused: [] as string[] } : undefined;
      /** A warm build's changed search bundles: their articles are written first (siteOutputs), and indexed meanwhile. */
      let first = new Set<Article>();
      /** Their names: fed to Pagefind as their pages come (search-bundles.ts). */
      let eager = new Set<string>();
      if (options.search && (request.runMode === "build" || !this.indexed)) {
        const base = prefix.replace(/\/+$/, "");
        const bundles = planSearchBundles(model.articles.map((a) => ({ url: base + a.url, date: a.date })), options.site.timeZone);
        if (cache) {
          const changed = changedBundles(bundles, new Set(model.articles.filter((a) => cache.changed(a.file)).map((a) => base + a.url)));
          const firstUrls = new Set(changed.flatMap((b) => b.urls));
          first = new Set(model.articles.filter((a) => firstUrls.has(base + a.url)));
          eager = new Set(changed.map((b) => b.name));
        }
        const pagesOf = new Map(bundles.map((b) => [b.name, b.urls.length]));
        const indexing: NonNullable<ContentBuilder["indexing"]> = { pages: model.articles.length, done: 0, advance: undefined };
        this.indexing = indexing;
        this.search = new BundledSearchIndex({
          language: options.site.language,
          outputDir: request.output,
          bundles,
          // EDITORIALE_SEARCH_CACHE: another cache folder (a CI cache, a test's own).
          cacheDir: process.env.EDITORIALE_SEARCH_CACHE || SEARCH_CACHE_DIR,
          log: request.log,
          ...(inPlace ? { inPlace } : {}),
          ...(early ? { early } : {}),
          eager,
          onBundle: (name, i, n, how) => {
            // Bundles are indexed while the pages are written; those left are waited for in finish, with progress.
            const pages = pagesOf.get(name) ?? 0;
            indexing.done += pages;
            indexing.advance?.(pages);
            request.onSearchBundle?.(name, i, n, how);
          },
        });
        early = undefined;
      }
      const search = this.search;
      /** Each article page's search digest, from its render to its entry in the build cache. */
      const digests = new Map<string, string>();
      const index = search && indexArticles(search, digests);
      const hook: RenderedHook | undefined =
        index && request.rendered ? async (o, c) => (await index(o, c), await request.rendered?.(o, c)) : index ?? request.rendered;
      // A line of ours printed while the progress line is up (the images' summary) is printed above it.
      const log = (line: string) => progress.above(() => request.log(line));
      const outputs = siteOutputs(theme, extra, remember ? this.signatures(theme) : cache ? this.lasting(theme) : undefined, { contentDir: request.input, log, progress }, first, cache?.feedItems);
      // A page not rendered again (unchanged in this process, or reused from the previous build by the build cache)
      // is already in the output folder: the index reads it there if its bundle needs it.
      const keptIn = inPlace?.folder ?? request.output;
      const kept = search && ((o: Output, entry?: KeptOutput) => o.searchUrl !== undefined && search.addWritten(o.searchUrl, path.join(keptIn, o.path), entry?.searchDigest));
      const planned = plannedOutputCount(model, extra.length);
      let done = 0;
      await stats?.ready();
      progress.start(PHASES.writing, planned);
      const report = await this.write(request.output, prefix === "/" ? outputs : prefixed(outputs, prefix), remember, hook, {
        ...(kept ? { kept } : {}),
        ...(cache ? { before: cache.previousBuild(previousOutput, inPlace?.reused, stats) } : {}),
        ...(search ? { searchDigest: (o: Output) => takeDigest(digests, o.path) } : {}),
        done: () => {
          // The image files come after the planned outputs: each one is more work found.
          if (++done > planned) {
            progress.grow(1);
            progress.note(`including ${done - planned} image ${done - planned === 1 ? "file" : "files"}`);
          }
          progress.advance();
        },
      });
      progress.end();
      // The search bundles left in place are known once every bundle is settled: the list is written in finish.
      this.reusedInPlace = inPlace?.reused;
      cache?.save();
      // Images and files of the articles live with them in `content/media/` and are published at /media/.
      copyMediaFiles(request.input, request.output);
      return { theme, report, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      progress.abandon();
      await this.abandonSearch();
      await stopEarlyIndex(early);
      throw error;
    }
  }

  /**
   * After Eleventy's own templates: the search page, the index once every bundle is in place, and for a build
   * updating the published site in place, the list of what it left there (reused-list.ts).
   */
  async finish(output: string): Promise<BundledReport | undefined> {
    const report = await this.finishSearch(output);
    const reused = this.reusedInPlace;
    this.reusedInPlace = undefined;
    if (reused) writeReusedList(output, reused);
    return report;
  }

  private async finishSearch(output: string): Promise<BundledReport | undefined> {
    const last = this.last;
    if (!this.options.search || !last || last.dryRun) return undefined;
    writePage(output, "cerca/index.html", withPathPrefix(renderView(last.theme, last.theme.parts.search(last.theme)), last.pathPrefix));
    const search = this.search;
    if (!search) return undefined;
    this.search = undefined;
    const { progress } = last;
    const indexing = this.indexing;
    // Bundles are indexed while the pages are written; the ones left, and the manifest, are waited for here.
    progress.start(PHASES.indexing, indexing?.pages, indexing?.done);
    if (indexing) indexing.advance = (pages) => progress.advance(pages);
    try {
      const report = await search.write();
      progress.end();
      this.indexed = true;
      return report;
    } catch (error) {
      progress.abandon();
      throw error;
    } finally {
      this.indexing = undefined;
    }
  }

  private async abandonSearch(): Promise<void> {
    await this.search?.abandon();
    this.search = undefined;
  }
}

/**
 * Hands each article page to the search index as it is written; each bundle
 * is indexed as soon as its last page is in, while the next are rendered.
 * Its digest waits in `digests` for the writer, which keeps it in the build cache.
 */
function indexArticles(search: BundledSearchIndex, digests: Map<string, string>): RenderedHook {
  return async (output, content) => {
    if (output.searchUrl === undefined || typeof content !== "string") return;
    digests.set(output.path, await search.add(output.searchUrl, content));
  };
}

function takeDigest(digests: Map<string, string>, at: string): string | undefined {
  const digest = digests.get(at);
  digests.delete(at);
  return digest;
}

/** The site's pages with Eleventy's path prefix before every site path they link (feeds carry absolute URLs). */
function* prefixed(outputs: Iterable<Output>, prefix: string): Generator<Output> {
  for (const output of outputs) {
    if (!output.path.endsWith(".html")) {
      yield output;
      continue;
    }
    const render = output.render.bind(output);
    const signature = output.signature?.bind(output);
    yield {
      path: output.path,
      ...(output.searchUrl !== undefined ? { searchUrl: prefix.replace(/\/+$/, "") + output.searchUrl } : {}),
      ...(signature ? { signature } : {}),
      render: async () => {
        const content = await render();
        return typeof content === "string" ? withPathPrefix(content, prefix) : content;
      },
    };
  }
}
