import type { Archive } from "./archive.ts";
import type { Article } from "./article.ts";

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

export interface FeedSettings {
  siteUrl: string;
  language: string;
  description: string;
  size: number;
  /** Taxonomy keys whose terms become `<category>`; the author taxonomy key becomes dc:creator. */
  categoryKeys: readonly string[];
  authorKey: string;
}

/** The newest `size` articles of an archive, newest first, as a feed. */
export function buildFeed(archive: Archive, settings: FeedSettings): Feed {
  const articles = [...archive.articles].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, settings.size);
  const items = articles.map((article): FeedItem => {
    const link = settings.siteUrl + article.url;
    return {
      title: article.title,
      link,
      guid: link,
      date: article.date,
      creators: (article.terms[settings.authorKey] ?? []).map((t) => t.name),
      categories: settings.categoryKeys.flatMap((key) => (article.terms[key] ?? []).map((t) => t.name)),
      description: article.excerpt,
      article,
    };
  });
  const newest = articles.reduce((max, a) => Math.max(max, (a.updated ?? a.date).getTime()), 0);
  return {
    title: archive.feedTitle,
    link: settings.siteUrl + archive.url,
    selfUrl: settings.siteUrl + archive.feedUrl,
    description: archive.description || settings.description,
    language: settings.language,
    lastBuildDate: new Date(newest),
    items,
  };
}
