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
import { contentReader } from "./content-files.ts";
import { emptySiteProblems } from "./empty-site.ts";
import { frontMatterEngine } from "./front-matter-engine.ts";
import { copyMediaFiles } from "./media-files.ts";
import { withPathPrefix } from "../core/path-prefix.ts";
import { outputWriter, type Output, type RenderedHook, type WriteReport } from "./output-writer.ts";
import { signatureKeeper } from "./output-signatures.ts";
import { SearchIndex, writePage, type IndexReport } from "./search-index.ts";
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
  private addresses = new Map<string, string>();
  private search: SearchIndex | undefined;
  /** The search index is made on the first build of a session only (seconds on a large site). */
  private indexed = false;
  private last: { theme: Theme; dryRun: boolean; pathPrefix: string; progress: Progress } | undefined;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly md: MarkdownRenderer,
    private readonly stylesheet: () => StylesheetAsset | undefined,
  ) {
    this.readContent = contentReader(frontMatterEngine(options, () => this.inputDir));
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
    this.inputDir = request.input;
    try {
      if (!options.templatesInContent) throwIfProblems(templatesInContent(request.input));
      const model = buildSiteModel(this.readContent(request.input, request.runMode, progress), options, md);
      throwIfProblems(emptySiteProblems(model.articles.length, request.runMode, request.input));
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
      if (options.search && (request.runMode === "build" || !this.indexed)) this.search = await SearchIndex.start(options.site.language);
      const search = this.search;
      const index = search && indexArticles(search, model.articles.length, request.output);
      const hook: RenderedHook | undefined =
        index && request.rendered ? async (o, c) => (await index(o, c), await request.rendered?.(o, c)) : index ?? request.rendered;
      // A line of ours printed while the progress line is up (the images' summary) is printed above it.
      const log = (line: string) => progress.above(() => request.log(line));
      const outputs = siteOutputs(theme, extra, remember ? this.signatures(theme) : undefined, { contentDir: request.input, log, progress });
      const prefix = request.pathPrefix ?? "/";
      const planned = plannedOutputCount(model, extra.length);
      let done = 0;
      progress.start(PHASES.writing, planned);
      const report = await this.write(request.output, prefix === "/" ? outputs : prefixed(outputs, prefix), remember, hook, () => {
        // The image files come after the planned outputs: each one is more work found.
        if (++done > planned) {
          progress.grow(1);
          progress.note(`including ${done - planned} image ${done - planned === 1 ? "file" : "files"}`);
        }
        progress.advance();
      });
      progress.end();
      // Images and files of the articles live with them in `content/media/` and are published at /media/.
      copyMediaFiles(request.input, request.output);
      return { theme, report, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      progress.abandon();
      await this.abandonSearch();
      throw error;
    }
  }

  /** After Eleventy's own templates: the search page, and the index once Pagefind has every article. */
  async finish(output: string): Promise<IndexReport | undefined> {
    const last = this.last;
    if (!this.options.search || !last || last.dryRun) return undefined;
    writePage(output, "cerca/index.html", withPathPrefix(renderView(last.theme, last.theme.parts.search(last.theme)), last.pathPrefix));
    const search = this.search;
    if (!search) return undefined;
    this.search = undefined;
    const { progress } = last;
    // Pagefind has read most pages while they were written; what is left, and the index files, are waited for here.
    const { handed, indexed } = search.counts();
    progress.start(PHASES.indexing, handed, indexed);
    search.onIndexed = () => progress.advance();
    try {
      const report = await search.write(output);
      progress.end();
      this.indexed = true;
      return report;
    } catch (error) {
      progress.abandon();
      throw error;
    } finally {
      search.onIndexed = undefined;
    }
  }

  private async abandonSearch(): Promise<void> {
    await this.search?.abandon();
    this.search = undefined;
  }
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
    // The failure, if any, is reported where the write is awaited (finish).
    if (++handed === articles) search.write(outputDir).catch(() => undefined);
  };
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
