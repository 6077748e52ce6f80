import { articleFrom, newestFirst, readArticleFields, type Article, type KnownBody, type SignatureMemo, type SourceFile } from "./article.ts";
import { archivePages, type Archive, type ArchivePage, type Crumb } from "./archive.ts";
import { byDossierOrder, readDossier, type Dossier } from "./dossier.ts";
import { PERMALINK_KEY, PROBLEMS_KEY } from "./front-matter.ts";
import { EditorialeError, type Problem } from "./errors.ts";
import type { MarkdownRenderer } from "./markdown.ts";
import type { ResolvedOptions } from "./options.ts";
import { buildTermIndex, type Term, type TermIndex } from "./terms.ts";
import type { Taxonomy } from "./taxonomy.ts";
import { fill } from "./words.ts";
import { readPage, type SitePage } from "./page.ts";
import type { OutputRegistry } from "./output-registry.ts";
import { registerSiteOutputs } from "./site-files.ts";
import { resolveShortenedSlugs } from "./unique-slugs.ts";

/** Everything the theme renders, computed once per build. */
export interface SiteModel {
  options: ResolvedOptions;
  /** Newest first. */
  articles: Article[];
  byFile: Map<string, Article>;
  dossiers: Dossier[];
  dossierBySlug: Map<string, Dossier>;
  index: TermIndex;
  archives: Archive[];
  pages: ArchivePage[];
  /** Index pages: one per taxonomy (terms with counts), one for dossiers. */
  indexes: TermListing[];
  /** Pages (chi siamo, contatti…): never in the home page, archives or feeds. */
  contentPages: SitePage[];
  /** Every file the build writes, by path: what redirects and other templates must not take. */
  outputs: OutputRegistry;
  notices: string[];
}

export interface TermListing {
  url: string;
  title: string;
  entries: Array<{ name: string; url: string; count: number; description: string | undefined }>;
}

export interface ModelSource extends SourceFile {
  kind: "article" | "dossier" | "page";
}

/** Builds the site model, or throws one EditorialeError listing every problem found. */
export function buildSiteModel(sources: readonly ModelSource[], options: ResolvedOptions, md: MarkdownRenderer): SiteModel {
  const problems: Problem[] = [];
  const articles: Article[] = [];
  const dossiers: Dossier[] = [];
  const contentPages: SitePage[] = [];
  const dossierBase = options.dossiers === false ? "" : options.dossiers.base;
  const permalinkFiles = new Set<string>();
  for (const source of sources) {
    const early = (source.data[PROBLEMS_KEY] as Problem[] | undefined) ?? [];
    problems.push(...early);
    // Unreadable front matter says it all; a field already reported is not reported again as "missing".
    if (early.some((p) => p.field === "front matter")) continue;
    const reported = new Set(early.map((p) => p.field));
    const fresh = (list: Problem[]) => list.filter((p) => !reported.has(p.field));
    if (source.data[PERMALINK_KEY] === true) permalinkFiles.add(source.file);
    if (source.kind === "page") {
      const read = readPage(source, md);
      problems.push(...fresh(read.problems));
      if (read.page) contentPages.push(read.page);
    } else if (source.kind === "dossier") {
      const read = readDossier(source, dossierBase, md);
      problems.push(...fresh(read.problems));
      if (read.dossier) dossiers.push(read.dossier);
    } else {
      const read = readArticleOnce(source, options.taxonomies, md);
      problems.push(...fresh(read.problems));
      if (read.article) articles.push(read.article);
    }
  }
  articles.sort(newestFirst);
  const slugNotices = resolveShortenedSlugs(articles);
  dossiers.sort((a, b) => b.date.getTime() - a.date.getTime());

  const dossierBySlug = new Map(dossiers.map((d) => [d.slug, d]));
  for (const article of articles) {
    if (!article.dossier) continue;
    const dossier = dossierBySlug.get(article.dossier);
    if (dossier) dossier.parts.push(article);
    else {
      problems.push({
        code: "DOSSIER_UNKNOWN",
        file: article.file,
        field: "dossier",
        message: `there is no dossier “${article.dossier}”${dossierBase ? ` (no file ${dossierBase}/${article.dossier}.md)` : " (dossiers are turned off)"}`,
        fix: `use the file name of an existing dossier (${dossiers.map((d) => d.slug).join(", ") || "none yet"}), or create ${dossierBase}/${article.dossier}.md`,
      });
    }
  }
  for (const dossier of dossiers) dossier.parts.sort(byDossierOrder);

  const index = buildTermIndex(articles, options.taxonomies, options.terms);
  problems.push(...index.problems);

  const archives = buildArchives(articles, dossiers, index, options);
  const pages = archives.flatMap((a) => archivePages(a, options.pageSize));
  const indexes = buildIndexes(index, dossiers, options);
  contentPages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const outputs = registerSiteOutputs({ articles, pages, indexes, archives, contentPages }, options, permalinkFiles);
  problems.push(...outputs.problems);
  if (problems.length > 0) throw new EditorialeError(problems);

  return {
    options,
    articles,
    byFile: new Map(articles.map((a) => [a.file, a])),
    dossiers,
    dossierBySlug,
    index,
    archives,
    pages,
    indexes,
    contentPages,
    outputs,
    notices: [...options.notices, ...slugNotices, ...index.notices],
  };
}

/** readArticleFields' result by source object, for the taxonomies and renderer it was read with. */
const readArticles = new WeakMap<SourceFile, { taxonomies: readonly Taxonomy[]; md: MarkdownRenderer; read: ReturnType<typeof readArticleFields> }>();

/**
 * readArticle, once per source object: the content reader hands over the same
 * object while the file is unchanged, so `npm start` rebuilds skip the schema
 * check and the excerpt of every other article. Each build gets its own copy
 * of the article (the term index fills `terms`), so no two models share one.
 */
function readArticleOnce(source: SourceFile, taxonomies: readonly Taxonomy[], md: MarkdownRenderer): ReturnType<typeof readArticleFields> {
  let cached = readArticles.get(source);
  if (!cached || cached.taxonomies !== taxonomies || cached.md !== md) {
    cached = { taxonomies, md, read: source.articleRead ?? readArticleFields(source, taxonomies, md) };
    readArticles.set(source, cached);
  }
  const { article, problems } = cached.read;
  const copy = article && articleFrom(article, source);
  if (copy) origins.set(copy, { origin: cached.read, source });
  return { article: copy, problems: [...problems] };
}

const origins = new WeakMap<Article, { origin: object; source: SourceFile }>();

/**
 * An object that stays the same from build to build while the article's file
 * is unchanged (and changes when it changes): what a rebuild can key its own
 * per-article caches on. Every field of the article but `terms` is fixed by it.
 */
export function articleOrigin(article: Article): object | undefined {
  return origins.get(article)?.origin;
}

/** What the host knows of the article's body without reading it (see SourceFile.knownBody), if anything. */
export function knownBodyOf(article: Article): KnownBody | undefined {
  return origins.get(article)?.source.knownBody;
}

/** Where the host keeps what the signatures worked out for the article between builds (see SourceFile.signatureMemo), if anywhere. */
export function signatureMemoOf(article: Article): SignatureMemo | undefined {
  return origins.get(article)?.source.signatureMemo;
}

function buildArchives(articles: Article[], dossiers: Dossier[], index: TermIndex, options: ResolvedOptions): Archive[] {
  const { site, words } = options;
  const home: Crumb = { name: words.home, url: "/" };
  const feedTitle = (pattern: string, name: string) => fill(pattern, { site: site.title, name });
  const archives: Archive[] = [
    {
      id: "home", kind: "home", url: "/", heading: words.homeHeading, kicker: undefined,
      description: site.description, feedTitle: fill(words.siteFeedTitle, { site: site.title }), feedUrl: "/feed.xml",
      articles: stickyFirst(articles), breadcrumbs: [], term: undefined, terms: [], dossier: undefined,
    },
  ];
  for (const taxonomy of options.taxonomies) {
    for (const term of sortedTerms(index, taxonomy, options.language.tag)) {
      archives.push({
        id: `${taxonomy.key}:${term.slug}`, kind: "term", url: term.url,
        heading: fill(taxonomy.heading, { name: term.name }), kicker: undefined,
        description: term.description ?? term.bio, feedTitle: feedTitle(taxonomy.feedTitle, term.name),
        feedUrl: term.url + "feed.xml", articles: term.articles,
        breadcrumbs: [home, { name: taxonomy.indexTitle, url: `/${taxonomy.base}/` }],
        term, terms: [term], dossier: undefined,
      });
    }
  }
  for (const [first, second] of options.intersections) archives.push(...intersectionArchives(first, second, index, articles, home, options));
  if (options.dossiers !== false) {
    const settings = options.dossiers;
    for (const dossier of dossiers) {
      archives.push({
        id: `dossier:${dossier.slug}`, kind: "dossier", url: dossier.url, heading: dossier.title,
        kicker: { name: settings.title, url: `/${settings.base}/` }, description: dossier.excerpt,
        feedTitle: feedTitle(settings.feedTitle, dossier.title), feedUrl: dossier.url + "feed.xml",
        articles: dossier.parts, breadcrumbs: [home, { name: settings.title, url: `/${settings.base}/` }],
        term: undefined, terms: [], dossier,
      });
    }
  }
  return archives;
}

/** One pass over the articles: every (first, second) pair of their terms gets the article. */
function intersectionArchives(first: Taxonomy, second: Taxonomy, index: TermIndex, articles: Article[], home: Crumb, options: ResolvedOptions): Archive[] {
  const pairs = new Map<string, { a: Term; b: Term; articles: Article[] }>();
  for (const article of articles) {
    for (const a of article.terms[first.key] ?? []) {
      for (const b of article.terms[second.key] ?? []) {
        const id = `${a.key}\u0000${b.key}`;
        let pair = pairs.get(id);
        if (!pair) pairs.set(id, (pair = { a, b, articles: [] }));
        pair.articles.push(article);
      }
    }
  }
  void index;
  return [...pairs.values()]
    .sort((x, y) => (x.a.slug + "/" + x.b.slug < y.a.slug + "/" + y.b.slug ? -1 : 1))
    .map(({ a, b, articles: list }) => {
      const url = `${a.url}${second.base}/${b.slug}/`;
      return {
        id: `${first.key}:${a.slug}+${second.key}:${b.slug}`, kind: "intersection", url,
        heading: fill(second.intersectionHeading, { name: b.name }), kicker: { name: a.name, url: a.url },
        description: b.description, feedTitle: fill(second.feedTitle, { site: options.site.title, name: `${a.name} › ${b.name}` }),
        feedUrl: url + "feed.xml", articles: list,
        breadcrumbs: [home, { name: first.indexTitle, url: `/${first.base}/` }, { name: a.name, url: a.url }],
        term: b, terms: [a, b], dossier: undefined,
      } satisfies Archive;
    });
}

/** A taxonomy's terms in the alphabetical order of the site's language (archives and index pages list them so). */
function sortedTerms(index: TermIndex, taxonomy: Taxonomy, language: string): Term[] {
  const collator = new Intl.Collator(language);
  return [...(index.terms.get(taxonomy.key)?.values() ?? [])].sort((a, b) => collator.compare(a.name, b.name));
}

function buildIndexes(index: TermIndex, dossiers: Dossier[], options: ResolvedOptions): TermListing[] {
  const listings: TermListing[] = options.taxonomies.map((taxonomy) => ({
    url: `/${taxonomy.base}/`,
    title: taxonomy.indexTitle,
    entries: sortedTerms(index, taxonomy, options.language.tag).map((t) => ({ name: t.name, url: t.url, count: t.articles.length, description: t.description })),
  }));
  if (options.dossiers !== false) {
    listings.push({
      url: `/${options.dossiers.base}/`,
      title: options.dossiers.title,
      entries: dossiers.map((d) => ({ name: d.title, url: d.url, count: d.parts.length, description: d.excerpt })),
    });
  }
  // An index with nothing to list (no dossiers yet, no authors named) would be an empty page, linked from every footer.
  return listings.filter((listing) => listing.entries.length > 0);
}

/** The home page's order: sticky articles first (newest first among them), then the others; feeds keep date order. */
function stickyFirst(articles: Article[]): Article[] {
  if (!articles.some((a) => a.sticky)) return articles;
  return [...articles.filter((a) => a.sticky), ...articles.filter((a) => !a.sticky)];
}
