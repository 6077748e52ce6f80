import type { Archive } from "./archive.ts";
import type { Article } from "./article.ts";
import { termKey } from "./term-key.ts";
import type { ResolvedOptions } from "./options.ts";

/** A feed, independent of its format. URLs are absolute. */
export interface Feed {
  title: string;
  link: string;
  selfUrl: string;
  description: string;
  language: string;
  lastBuildDate: Date;
  items: FeedItem[];
}

export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  date: Date;
  creators: string[];
  categories: string[];
  description: string;
  article: Article;
}

/**
 * An item's featured image as an RSS 2.0 `<enclosure>` (the spec's element for a file attached to an
 * item, with its exact length in bytes and MIME type; readers such as Feedly, Inoreader and NetNewsWire
 * show an image enclosure as the item's picture). Known only once the image is made, so given when
 * the item is rendered.
 */
export interface Enclosure {
  url: string;
  length: number;
  type: string;
}

export interface FeedSettings {
  siteUrl: string;
  language: string;
  description: string;
  size: number;
  /** Taxonomy keys whose terms become `<category>`; the byline taxonomy's terms become dc:creator. */
  categoryKeys: readonly string[];
  authorKey: string | undefined;
}

/**
 * A site's feed settings from its options: the author taxonomy gives dc:creator, every other one a
 * `<category>`. `siteUrl` is where the pages are, absolutely (a path prefix included).
 */
export function feedSettings(options: ResolvedOptions, siteUrl = options.site.url): FeedSettings {
  return {
    siteUrl,
    language: options.site.language,
    description: options.site.description,
    size: options.feedSize,
    categoryKeys: options.roles.categories.map((t) => t.key),
    authorKey: options.roles.byline?.key,
  };
}

/**
 * The newest `size` articles of an archive, newest first, as a feed. `items`,
 * shared by the feeds of one build (same settings, same model), makes each
 * article's item once however many feeds list it.
 */
export function buildFeed(archive: Archive, settings: FeedSettings, items: Map<Article, FeedItem> = new Map()): Feed {
  const articles = newestDated(archive.articles, settings.size);
  const listed = articles.map((article) => {
    let item = items.get(article);
    if (item === undefined) items.set(article, (item = feedItem(article, settings)));
    return item;
  });
  const newest = articles.reduce((max, a) => Math.max(max, (a.updated ?? a.date).getTime()), 0);
  return {
    title: archive.feedTitle,
    link: settings.siteUrl + archive.url,
    selfUrl: settings.siteUrl + archive.feedUrl,
    description: archive.description || settings.description,
    language: settings.language,
    lastBuildDate: new Date(newest),
    items: listed,
  };
}

function feedItem(article: Article, settings: FeedSettings): FeedItem {
  const link = settings.siteUrl + article.url;
  return {
    title: article.title,
    link,
    guid: link,
    date: article.date,
    creators: settings.authorKey ? (article.terms[settings.authorKey] ?? []).map((t) => t.name) : [],
    categories: distinctNames(settings.categoryKeys.flatMap((key) => (article.terms[key] ?? []).map((t) => t.name))),
    description: article.excerpt,
    article,
  };
}

/**
 * One category per name, the first spelling kept: an area and a tag both called "Terzo settore" (or
 * "Terzo Settore") are one subject to a reader, which files items by category text, not by taxonomy.
 */
function distinctNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = termKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The first `size` of the list once sorted by date, newest first (a stable
 * sort: equal dates keep their order). Archive lists are already in that order
 * but a dossier's: they are only checked, not copied and sorted.
 */
function newestDated(list: readonly Article[], size: number): Article[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as Article).date.getTime() > (list[i - 1] as Article).date.getTime()) {
      return [...list].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, size);
    }
  }
  return list.slice(0, size);
}
