import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import type { ArchivePage, Archive } from "../../core/archive.ts";
import type { Article } from "../../core/article.ts";
import { absolutizeHtml } from "../../core/absolute-urls.ts";
import { buildFeed, feedSettings, type FeedItem } from "../../core/feed.ts";
import { createMarkdown } from "../../core/markdown.ts";
import type { ResolvedOptions } from "../../core/options.ts";
import { renderRssItem, rssChannelEnds } from "../../core/rss.ts";
import { buildSiteModel, type SiteModel, type TermListing } from "../../core/site-model.ts";
import { renderSitemap } from "../../core/sitemap.ts";
import { buildRedirects, renderRedirects } from "../../core/redirects.ts";
import { throwIfProblems } from "../../core/errors.ts";
import type { PageView, ThemeContext as Theme } from "../../core/theme-contract.ts";
import { archivePart, renderView, themeContext } from "../theme-context.ts";
import { fingerprintStylesheet, type PublishedStylesheet } from "../stylesheet.ts";
import { THEME_ASSETS, THEME_STYLESHEET } from "../theme-assets.ts";
import type { EleventyConfig } from "../eleventy-config.ts";
import { collectionSources, type CollectionItem } from "./sources.ts";
import { withPathPrefix } from "../../core/path-prefix.ts";
import { addCollectionSearch } from "./search.ts";


/** Eleventy's collection API, as far as collection mode uses it. */
export interface CollectionApi {
  getFilteredByTag(tag: string): CollectionItem[];
}

/** What a virtual JavaScript template's `render` gets as `this`: Eleventy's universal filters. */
interface TemplateFunctions {
  url?: (url: string) => string;
}

/** One build's model, with the collection items the articles came from (their rendered content feeds the feeds). */
interface Built {
  theme: Theme;
  items: Map<string, CollectionItem>;
  feedItems: Map<Article, FeedItem>;
}

/** The virtual templates' paths, under the input folder: Eleventy's messages (duplicate output) name them. */
export const TEMPLATES = {
  archives: "editoriale/archive-pages.11ty.js",
  indexes: "editoriale/index-pages.11ty.js",
  feeds: "editoriale/feeds.11ty.js",
  notFound: "editoriale/not-found.11ty.js",
  robots: "editoriale/robots.11ty.js",
  sitemap: "editoriale/sitemap.11ty.js",
  redirects: "editoriale/redirects.11ty.js",
} as const;

/**
 * Collection mode: the site's posts stay Eleventy templates; Editoriale builds
 * its model from the collection once per build (inside `addCollection`, when
 * every post's data is known), and adds archive pages, index pages and feeds
 * as virtual templates paginating flattened collections of them, one page per
 * item ("double pagination"). Everything goes through Eleventy's pipeline, so
 * its path prefix, transforms, `--dryrun`, `--to=json`, duplicate-permalink
 * errors and `--serve` apply. Nothing is ignored, copied or written besides.
 */
export function addCollectionMode(eleventyConfig: EleventyConfig, options: ResolvedOptions & { collection: string }): void {
  const md = createMarkdown();
  // Without a site layout, our pages are whole documents: they need our stylesheet and assets.
  const stylesheet = options.layout ? () => ({ href: "", logo: undefined }) : themeAssets(eleventyConfig, options);
  let built: Built | undefined;
  eleventyConfig.on("eleventy.before", () => {
    built = undefined;
  });
  const current = (api: CollectionApi): Built => {
    if (built) return built;
    const items = api.getFilteredByTag(options.collection);
    const model = buildSiteModel(collectionSources(items, options.taxonomies, options.collection), options, md);
    for (const notice of model.notices) console.log(`[editoriale] ${notice}`);
    built = { theme: themeContext({ model, md, ...published(stylesheet()), search: options.search }), items: new Map(items.map((i) => [i.inputPath, i])), feedItems: new Map() };
    return built;
  };
  const theme = (): Theme => {
    if (!built) throw new Error("Editoriale: the site model is not built yet (collection mode builds it in addCollection)");
    return built.theme;
  };
  const wanted = (archive: Archive) => archive.kind !== "home" || options.home;
  /** A page of ours: its `<main>` for the site's layout to wrap, or, without one, a whole document of our theme. */
  const inLayout = (view: PageView): string => (options.layout ? view.main.toString() : renderView(theme(), view));

  const addCollection = eleventyConfig.addCollection as (name: string, callback: (api: CollectionApi) => unknown) => void;
  addCollection.call(eleventyConfig, "editorialeArticles", (api) => current(api).theme.model.articles);
  addCollection.call(eleventyConfig, "editorialeArchives", (api) => current(api).theme.model.archives.filter(wanted));
  addCollection.call(eleventyConfig, "editorialeArchivePages", (api) => current(api).theme.model.pages.filter((p) => wanted(p.archive)));
  // An index of a taxonomy no post uses (/area/ on a blog with tags only) would be an empty page.
  addCollection.call(eleventyConfig, "editorialeIndexes", (api) => current(api).theme.model.indexes.filter((l) => l.entries.length > 0));

  const pageData = { eleventyExcludeFromCollections: true, layout: options.layout ?? false };
  eleventyConfig.addTemplate(TEMPLATES.archives, {
    data: {
      ...pageData,
      pagination: { data: "collections.editorialeArchivePages", size: 1, alias: "editoriale", addAllPagesToCollections: false },
      permalink: (data: { editoriale: ArchivePage }) => data.editoriale.url,
      eleventyComputed: {
        // Computed data runs once before collections exist too: nothing to compute then.
        title: (data: { editoriale?: ArchivePage }) => (built && data.editoriale ? archivePart(built.theme, data.editoriale).meta.title : ""),
        description: (data: { editoriale?: ArchivePage }) => data.editoriale?.archive.description ?? "",
      },
    },
    render(this: TemplateFunctions, data) {
      const page = data.editoriale as ArchivePage;
      return withPathPrefix(inLayout(archivePart(theme(), page)), prefixOf(this));
    },
  });
  eleventyConfig.addTemplate(TEMPLATES.indexes, {
    data: {
      ...pageData,
      pagination: { data: "collections.editorialeIndexes", size: 1, alias: "editoriale", addAllPagesToCollections: false },
      permalink: (data: { editoriale: TermListing }) => data.editoriale.url,
      eleventyComputed: { title: (data: { editoriale?: TermListing }) => data.editoriale?.title ?? "", description: () => "" },
    },
    render(this: TemplateFunctions, data) {
      const listing = data.editoriale as TermListing;
      return withPathPrefix(inLayout(theme().parts.termIndex(theme(), listing)), prefixOf(this));
    },
  });
  eleventyConfig.addTemplate(TEMPLATES.feeds, {
    data: {
      eleventyExcludeFromCollections: true,
      layout: false,
      // Eleventy renders a template that reads another's templateContent after it (a second pass if needed).
      eleventyImport: { collections: [options.collection] },
      pagination: { data: "collections.editorialeArchives", size: 1, alias: "editoriale", addAllPagesToCollections: false },
      permalink: (data: { editoriale: Archive }) => data.editoriale.feedUrl,
    },
    render(this: TemplateFunctions, data) {
      if (!built) throw new Error("Editoriale: the site model is not built yet");
      return renderFeed(built, data.editoriale as Archive, prefixOf(this));
    },
  });
  if (options.search) {
    addCollectionSearch(eleventyConfig, options, () => built && { theme: built.theme, posts: new Set(built.items.keys()) }, prefixOf);
  }
  if (options.notFound) {
    eleventyConfig.addTemplate(TEMPLATES.notFound, {
      data: { eleventyExcludeFromCollections: true, layout: false, permalink: "/404.html" },
      render(this: TemplateFunctions) {
        return withPathPrefix(renderView(theme(), theme().parts.notFound(theme())), prefixOf(this));
      },
    });
  }
  if (options.robots) {
    eleventyConfig.addTemplate(TEMPLATES.robots, {
      data: { eleventyExcludeFromCollections: true, layout: false, permalink: "/robots.txt" },
      render(this: TemplateFunctions) {
        const sitemap = options.sitemap ? `\nSitemap: ${absoluteBase(options, prefixOf(this))}/sitemap.xml\n` : "";
        return `User-agent: *\nAllow: /\n${sitemap}`;
      },
    });
  }
  if (options.sitemap) {
    eleventyConfig.addTemplate(TEMPLATES.sitemap, {
      data: { eleventyExcludeFromCollections: true, layout: false, permalink: "/sitemap.xml" },
      render(this: TemplateFunctions) {
        return renderSitemap(writtenModel(theme().model, options, absoluteBase(options, prefixOf(this)), wanted));
      },
    });
  }
  if (options.redirects) {
    eleventyConfig.addTemplate(TEMPLATES.redirects, {
      data: { eleventyExcludeFromCollections: true, layout: false, permalink: "/_redirects" },
      render(this: TemplateFunctions) {
        const { rules, problems } = buildRedirects(writtenModel(theme().model, options, options.site.url, wanted));
        throwIfProblems(problems);
        // The file is at the output's root; the host serves the site under the prefix.
        const base = prefixOf(this).replace(/\/+$/, "");
        return renderRedirects(rules.map((rule) => ({ ...rule, from: base + rule.from, to: base + rule.to })));
      },
    });
  }
}

/**
 * The model as far as this mode writes it, for the sitemap and redirects: no home unless opted in, no empty
 * index, and the site's URL with the path prefix (the sitemap's URLs are absolute).
 */
function writtenModel(model: SiteModel, options: ResolvedOptions, siteUrl: string, wanted: (archive: Archive) => boolean): SiteModel {
  return {
    ...model,
    options: { ...options, site: { ...options.site, url: siteUrl } },
    contentPages: [],
    archives: model.archives.filter(wanted),
    pages: model.pages.filter((p) => wanted(p.archive)),
    indexes: model.indexes.filter((l) => l.entries.length > 0),
  };
}

/** `site.url` with the path prefix: where the site's pages are, absolutely. */
function absoluteBase(options: ResolvedOptions, prefix: string): string {
  return options.site.url + prefix.replace(/\/+$/, "");
}

/** RSS 2.0 of one archive, each item carrying the post as the site rendered it (links made absolute). */
function renderFeed(built: Built, archive: Archive, prefix: string): string {
  const { options } = built.theme.model;
  const { site } = options;
  const feed = buildFeed(archive, feedSettings(options, absoluteBase(options, prefix)), built.feedItems);
  const [head, tail] = rssChannelEnds(feed, site.timeZone);
  const items = feed.items.map((item) => {
    const content = built.items.get(item.article.file)?.templateContent;
    return renderRssItem(item, site.timeZone, absolutizeHtml(typeof content === "string" ? content : "", item.link, absoluteUrl));
  });
  return head + items.join("") + tail;
}

/** The site's path prefix, as Eleventy's `url` filter gives it for "/". */
function prefixOf(functions: TemplateFunctions): string {
  return typeof functions.url === "function" ? functions.url("/") : "/";
}

/** The stylesheet's and the logo's public paths, as the theme context takes them. */
function published({ href, logo }: PublishedStylesheet): { stylesheet: string; logo: string | undefined } {
  return { stylesheet: href, logo };
}

/** Our stylesheet (fingerprinted) and the theme's assets, for pages in our own document. */
function themeAssets(eleventyConfig: EleventyConfig, options: ResolvedOptions): () => PublishedStylesheet {
  eleventyConfig.addPassthroughCopy({ [THEME_ASSETS]: "assets" });
  return fingerprintStylesheet(eleventyConfig, THEME_STYLESHEET, { look: options.look, projectDir: process.cwd() });
}
