import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import { absolutizeHtml } from "../core/absolute-urls.ts";
import type { Archive, ArchivePage } from "../core/archive.ts";
import type { Article } from "../core/article.ts";
import { buildFeed, type Feed, type FeedItem, type FeedSettings } from "../core/feed.ts";
import { renderRssItem, rssChannelEnds } from "../core/rss.ts";
import { outputPath } from "../core/output-path.ts";
import { renderSitemap } from "../core/sitemap.ts";
import type { Theme } from "../../_includes/theme.ts";
import { renderArchivePage } from "../../_includes/layouts/archive.ts";
import { renderArticle } from "../../_includes/layouts/article.ts";
import { renderNotFound } from "../../_includes/layouts/not-found.ts";
import { renderPage } from "../../_includes/layouts/page.ts";
import { renderTermIndex } from "../../_includes/layouts/term-index.ts";
import type { BuildSignatures } from "./output-signatures.ts";
import type { Content, Output } from "./output-writer.ts";


/**
 * Every file of the site, rendered on demand from the site model: articles,
 * archive pages, feeds, index pages, 404, sitemap and robots.txt.
 *
 * Each article body is rendered once per build: its page uses it, and so does
 * its feed `<item>`, rendered once and shared by every feed listing it. A feed
 * comes right after the oldest article it lists, and an item is let go after
 * its last feed, so that the build never holds every body at once.
 *
 * With `signatures` (`npm start`), each page and feed also says what it shows,
 * so that a rebuild renders only what changed.
 */
export function* siteOutputs(theme: Theme, extra: Iterable<Output> = [], signatures?: BuildSignatures): Generator<Output> {
  const { model } = theme;
  const build = new FeedItems(theme);
  // Feeds first as data: which articles they list, and after which article each is complete.
  const position = new Map<Article, number>();
  model.articles.forEach((article, i) => position.set(article, i));
  const feedsAfter = new Map<number, FeedOutput[]>();
  for (const archive of model.archives) {
    const feed = build.feed(archive);
    let last = -1;
    for (const item of feed.items) last = Math.max(last, position.get(item.article) ?? -1);
    const output = new FeedOutput(build, archive, feed, signatures);
    const list = feedsAfter.get(last);
    if (list) list.push(output);
    else feedsAfter.set(last, [output]);
  }

  yield* feedsAfter.get(-1) ?? [];
  for (let i = 0; i < model.articles.length; i++) {
    yield new ArticleOutput(build, model.articles[i] as Article, signatures);
    yield* feedsAfter.get(i) ?? [];
  }
  for (const page of model.contentPages) yield { path: outputPath(page.url), render: () => renderPage(theme, page, theme.md.render(page.markdown)) };
  for (const page of model.pages) yield new ArchivePageOutput(theme, page, signatures);
  for (const listing of model.indexes) yield { path: outputPath(listing.url), render: () => renderTermIndex(theme, listing) };
  yield { path: "404.html", render: () => renderNotFound(theme) };
  yield { path: "sitemap.xml", render: () => renderSitemap(model) };
  yield { path: "robots.txt", render: () => `User-agent: *\nAllow: /\n\nSitemap: ${model.options.site.url}/sitemap.xml\n` };
  yield* extra;
}

/**
 * The feeds of one build and their `<item>`s. Items are kept as UTF-8 bytes:
 * encoded once, written into each feed as they are, never joined into one
 * string; and kept only while a feed still needs them.
 */
class FeedItems {
  readonly settings: FeedSettings;
  private readonly data = new Map<Article, FeedItem>();
  private readonly feedsLeft = new Map<Article, number>();
  private readonly items = new Map<Article, Buffer>();

  constructor(readonly theme: Theme) {
    const { options } = theme.model;
    this.settings = {
      siteUrl: options.site.url,
      language: options.site.language,
      description: options.site.description,
      size: options.feedSize,
      categoryKeys: options.taxonomies.filter((t) => t.key !== "author").map((t) => t.key),
      authorKey: "author",
    };
  }

  feed(archive: Archive): Feed {
    const feed = buildFeed(archive, this.settings, this.data);
    for (const item of feed.items) this.feedsLeft.set(item.article, (this.feedsLeft.get(item.article) ?? 0) + 1);
    return feed;
  }

  /** The page has its body: the item is made now if a feed will need it, so that the body is not rendered twice. */
  bodyRendered(article: Article, body: string): void {
    if (this.feedsLeft.has(article) && !this.items.has(article)) this.items.set(article, this.item(article, body));
  }

  /** The article's `<item>` for one more feed (the body is rendered here only if the page was not). */
  take(article: Article): Buffer {
    const xml = this.items.get(article) ?? this.item(article, this.theme.md.render(article.markdown));
    const left = (this.feedsLeft.get(article) ?? 1) - 1;
    if (left > 0) {
      this.feedsLeft.set(article, left);
      this.items.set(article, xml);
    } else {
      this.feedsLeft.delete(article);
      this.items.delete(article);
    }
    return xml;
  }

  private item(article: Article, body: string): Buffer {
    const { site } = this.theme.model.options;
    const data = this.data.get(article) as FeedItem;
    return Buffer.from(renderRssItem(data, site.timeZone, absolutizeHtml(body, site.url + article.url, absoluteUrl)), "utf8");
  }
}

// Outputs are small classes rather than object literals with closures: a rebuild makes tens of thousands and renders few.

class ArticleOutput implements Output {
  readonly path: string;
  readonly searchUrl: string;
  constructor(
    private readonly build: FeedItems,
    private readonly article: Article,
    private readonly signatures: BuildSignatures | undefined,
  ) {
    this.path = outputPath(article.url);
    this.searchUrl = article.url;
  }
  render(): Content {
    const body = this.build.theme.md.render(this.article.markdown);
    this.build.bodyRendered(this.article, body);
    return renderArticle(this.build.theme, this.article, body);
  }
  signature(): string | undefined {
    return this.signatures?.article(this.article);
  }
}

class FeedOutput implements Output {
  readonly path: string;
  constructor(
    private readonly build: FeedItems,
    private readonly archive: Archive,
    private readonly feed: Feed,
    private readonly signatures: BuildSignatures | undefined,
  ) {
    this.path = outputPath(archive.feedUrl);
  }
  render(): Content {
    const [head, tail] = rssChannelEnds(this.feed, this.build.theme.model.options.site.timeZone);
    const pieces: Uint8Array[] = [Buffer.from(head, "utf8")];
    for (const item of this.feed.items) pieces.push(this.build.take(item.article));
    pieces.push(Buffer.from(tail, "utf8"));
    return pieces;
  }
  signature(): string | undefined {
    return this.signatures?.feed(this.archive, this.feed);
  }
}

class ArchivePageOutput implements Output {
  readonly path: string;
  constructor(
    private readonly theme: Theme,
    private readonly page: ArchivePage,
    private readonly signatures: BuildSignatures | undefined,
  ) {
    this.path = outputPath(page.url);
  }
  render(): Content {
    return renderArchivePage(this.theme, this.page);
  }
  signature(): string | undefined {
    return this.signatures?.archivePage(this.page);
  }
}
