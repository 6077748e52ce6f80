import { hash } from "node:crypto";
import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import { absolutizeHtml } from "../core/absolute-urls.ts";
import type { Archive, ArchivePage } from "../core/archive.ts";
import type { Article } from "../core/article.ts";
import type { SitePage } from "../core/page.ts";
import { throwIfProblems } from "../core/errors.ts";
import { buildFeed, feedSettings, type Enclosure, type Feed, type FeedItem, type FeedSettings } from "../core/feed.ts";
import { bodyImagePaths, rewriteBodyImages } from "../core/picture.ts";
import { renderRssItem, rssChannelEnds } from "../core/rss.ts";
import { outputPath } from "../core/output-path.ts";
import { renderSitemap, sitemapEntries, type SitemapEntry } from "../core/sitemap.ts";
import { raw } from "../core/html.ts";
import type { ThemeContext as Theme } from "../core/theme-contract.ts";
import { MEASURE_SIZES, sharedImage, useImages } from "../../_includes/partials/picture.ts";
import { archivePart, renderView } from "./theme-context.ts";
import type { BuildSignatures } from "./output-signatures.ts";
import type { Content, Output } from "./output-writer.ts";
import { ResponsiveImages, type ImageSettings } from "./responsive-images.ts";


/**
 * Every file of the site, rendered on demand from the site model: articles,
 * archive pages, feeds, index pages, 404, sitemap and robots.txt.
 *
 * Each article body is rendered once per build: its page uses it, and so does
 * its feed `<item>`, rendered once and shared by every feed listing it. A feed
 * comes right after the last of its articles to be written (the oldest, unless
 * `first` puts some before the others), and an item is let go after
 * its last feed, so that the build never holds every body at once.
 *
 * With `signatures` (`npm start`), each page and feed also says what it shows,
 * so that a rebuild renders only what changed.
 *
 * Local images become responsive pictures (responsive-images.ts); their made
 * files are written last, and images that are missing or unreadable are
 * reported together after the pages, stopping the build.
 */
export function* siteOutputs(
  theme: Theme,
  extra: Iterable<Output> = [],
  signatures?: BuildSignatures,
  imageSettings: ImageSettings = { contentDir: "content" },
  first: ReadonlySet<Article> = new Set(),
  keptItems?: KeptFeedItems,
): Generator<Output> {
  const { model } = theme;
  // `first`: articles written before the others (a warm build's changed search bundles, indexed meanwhile), in the model's order.
  const articles = first.size === 0 ? model.articles : [...model.articles.filter((a) => first.has(a)), ...model.articles.filter((a) => !first.has(a))];
  const images = new ResponsiveImages(model.articles, imageSettings);
  useImages(theme, (sitePath) => images.get(sitePath));
  const build = new FeedItems(theme, images, keptItems && signatures ? { store: keptItems, signatures } : undefined);
  // Feeds first as data: which articles they list, and after which article each is complete.
  const position = new Map<Article, number>();
  articles.forEach((article, i) => position.set(article, i));
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
  for (let i = 0; i < articles.length; i++) {
    yield new ArticleOutput(build, articles[i] as Article, signatures);
    yield* feedsAfter.get(i) ?? [];
  }
  for (const page of model.contentPages) yield { path: outputPath(page.url), render: async () => renderView(theme, theme.parts.page(theme, page, raw((await renderBody(build, page)).page))) };
  for (const page of model.pages) yield new ArchivePageOutput(theme, images, page, signatures);
  for (const listing of model.indexes) yield { path: outputPath(listing.url), render: () => renderView(theme, theme.parts.termIndex(theme, listing)) };
  yield { path: "404.html", render: () => renderView(theme, theme.parts.notFound(theme)) };
  yield new SitemapOutput(model, signatures);
  yield { path: "robots.txt", render: () => `User-agent: *\nAllow: /\n\nSitemap: ${model.options.site.url}/sitemap.xml\n` };
  yield* extra;
  yield* images.outputs();
  throwIfProblems(images.problems);
  images.logSummary();
}

/**
 * How many outputs siteOutputs yields before the image files (which are known
 * only once the bodies are rendered): the total of the build's progress.
 * Kept beside siteOutputs because it counts the same list.
 */
export function plannedOutputCount(model: Theme["model"], extra: number): number {
  const fixed = 3; // 404.html, sitemap.xml, robots.txt
  return model.archives.length + model.articles.length + model.contentPages.length + model.pages.length + model.indexes.length + fixed + extra;
}

/** Feed items rendered by an earlier build, by key (feed-item-pack.ts, beside the build cache). */
export interface KeptFeedItems {
  /** The item kept for this article (its file) under `key`, if any. */
  get(owner: string, key: string): Buffer | undefined;
  put(owner: string, key: string, bytes: Uint8Array): void;
}

/**
 * The feeds of one build and their `<item>`s. Items are kept as UTF-8 bytes:
 * encoded once, written into each feed as they are, never joined into one
 * string; and kept only while a feed still needs them. With a store of kept
 * items (the build cache), an item whose key is there is not rendered again,
 * and every item rendered is put there for the next build.
 */
class FeedItems {
  readonly settings: FeedSettings;
  private readonly data = new Map<Article, FeedItem>();
  private readonly feedsLeft = new Map<Article, number>();
  private readonly items = new Map<Article, Buffer>();

  constructor(
    readonly theme: Theme,
    readonly images: ResponsiveImages,
    private readonly kept?: { store: KeptFeedItems; signatures: BuildSignatures },
  ) {
    this.settings = feedSettings(theme.model.options);
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

  /** The article's `<item>` for one more feed (the body is rendered here only if the page was not, and the item not kept). */
  async take(article: Article): Promise<Buffer> {
    const xml = this.items.get(article) ?? this.keptItem(article) ?? this.item(article, (await renderBody(this, article)).feed);
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
    const bytes = Buffer.from(renderRssItem(data, site.timeZone, absolutizeHtml(body, site.url + article.url, absoluteUrl), this.enclosure(article)), "utf8");
    const key = this.keyOf(article);
    if (key !== undefined) this.kept?.store.put(article.file, key, bytes);
    return bytes;
  }

  private keptItem(article: Article): Buffer | undefined {
    const key = this.keyOf(article);
    return key === undefined ? undefined : this.kept?.store.get(article.file, key);
  }

  /** What the item shows, with the state of the featured image its enclosure describes; undefined: not kept. */
  private keyOf(article: Article): string | undefined {
    const shown = this.kept?.signatures.feedItem(article);
    return shown === undefined ? undefined : hash("sha1", `${shown}|${this.images.stamp([article], true)}`, "base64url");
  }

  private enclosure(article: Article): Enclosure | undefined {
    const shared = article.image && sharedImage(this.theme, article.image);
    return shared?.bytes && shared.type ? { url: shared.url, length: shared.bytes, type: shared.type } : undefined;
  }
}

/** An article's body as its page shows it (local images as pictures) and as feeds carry it (sized plain images). */
async function renderBody(build: FeedItems, article: Article | SitePage): Promise<{ page: string; feed: string }> {
  const body = build.theme.md.render(article.markdown);
  const paths = bodyImagePaths(body);
  if (paths.length === 0) return { page: body, feed: body };
  const sets = await build.images.forBody(article, paths);
  return { page: rewriteBodyImages(body, sets, "page", MEASURE_SIZES), feed: rewriteBodyImages(body, sets, "feed", MEASURE_SIZES) };
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
  async render(): Promise<Content> {
    await this.build.images.featuredReady();
    const body = await renderBody(this.build, this.article);
    this.build.bodyRendered(this.article, body.feed);
    const { theme } = this.build;
    return renderView(theme, theme.parts.article(theme, this.article, raw(body.page)));
  }
  signature(): string | undefined {
    return withImages(this.signatures?.article(this.article), this.build.images, [this.article], true);
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
  async render(): Promise<Content> {
    await this.build.images.featuredReady();
    const [head, tail] = rssChannelEnds(this.feed, this.build.theme.model.options.site.timeZone);
    const pieces: Uint8Array[] = [Buffer.from(head, "utf8")];
    for (const item of this.feed.items) pieces.push(await this.build.take(item.article));
    pieces.push(Buffer.from(tail, "utf8"));
    return pieces;
  }
  signature(): string | undefined {
    return withImages(this.signatures?.feed(this.archive, this.feed), this.build.images, this.feed.items.map((i) => i.article), true);
  }
}

class ArchivePageOutput implements Output {
  readonly path: string;
  constructor(
    private readonly theme: Theme,
    private readonly images: ResponsiveImages,
    private readonly page: ArchivePage,
    private readonly signatures: BuildSignatures | undefined,
  ) {
    this.path = outputPath(page.url);
  }
  async render(): Promise<Content> {
    await this.images.featuredReady();
    return renderView(this.theme, archivePart(this.theme, this.page));
  }
  signature(): string | undefined {
    return withImages(this.signatures?.archivePage(this.page), this.images, this.page.page.items, false);
  }
}

/** The sitemap, rendered again only when an entry changed (formatting its dates is most of its cost). */
class SitemapOutput implements Output {
  readonly path = "sitemap.xml";
  private entries: SitemapEntry[] | undefined;
  constructor(
    private readonly model: Theme["model"],
    private readonly signatures: BuildSignatures | undefined,
  ) {}
  render(): Content {
    return renderSitemap(this.model, this.listed());
  }
  signature(): string | undefined {
    return this.signatures?.sitemap(this.listed());
  }
  private listed(): SitemapEntry[] {
    return (this.entries ??= sitemapEntries(this.model));
  }
}

/** A signature that also changes when an image the output shows is added, removed or replaced (its file's size and time). */
function withImages(signature: string | undefined, images: ResponsiveImages, articles: readonly Article[], bodies: boolean): string | undefined {
  return signature === undefined ? undefined : signature + images.stamp(articles, bodies);
}
