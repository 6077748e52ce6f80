import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import { absolutizeHtml } from "../core/absolute-urls.ts";
import type { Article } from "../core/article.ts";
import { buildFeed } from "../core/feed.ts";
import { renderRss } from "../core/rss.ts";
import { renderSitemap } from "../core/sitemap.ts";
import type { Theme } from "../../_includes/theme.ts";
import { renderArchivePage } from "../../_includes/layouts/archive.ts";
import { renderArticle } from "../../_includes/layouts/article.ts";
import { renderNotFound } from "../../_includes/layouts/not-found.ts";
import { renderTermIndex } from "../../_includes/layouts/term-index.ts";
import type { Output } from "./output-writer.ts";

/** `/tag/comuni/` → `tag/comuni/index.html`; `/feed.xml` → `feed.xml`. */
export function outputPath(url: string): string {
  const relative = url.replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/**
 * Every file of the site, rendered on demand from the site model: articles,
 * archive pages, feeds, index pages, 404, sitemap and robots.txt. Each article
 * body is rendered once per build and shared by its page and its feeds.
 */
export function* siteOutputs(theme: Theme, extra: Iterable<Output> = []): Generator<Output> {
  const { model, md } = theme;
  const { options } = model;
  const bodies = new Map<Article, string>();
  const body = (article: Article): string => {
    let html = bodies.get(article);
    if (html === undefined) bodies.set(article, (html = md.render(article.markdown)));
    return html;
  };
  for (const article of model.articles) {
    yield { path: outputPath(article.url), render: () => renderArticle(theme, article, body(article)) };
  }
  for (const page of model.pages) {
    yield { path: outputPath(page.url), render: () => renderArchivePage(theme, page) };
  }
  const feedSettings = {
    siteUrl: options.site.url,
    language: options.site.language,
    description: options.site.description,
    size: options.feedSize,
    categoryKeys: options.taxonomies.filter((t) => t.key !== "author").map((t) => t.key),
    authorKey: "author",
  };
  const feedBodies = new Map<Article, string>();
  const feedBody = (article: Article): string => {
    let html = feedBodies.get(article);
    if (html === undefined) feedBodies.set(article, (html = absolutizeHtml(body(article), options.site.url + article.url, absoluteUrl)));
    return html;
  };
  for (const archive of model.archives) {
    yield {
      path: outputPath(archive.feedUrl),
      render: () => renderRss(buildFeed(archive, feedSettings), options.site.timeZone, (item) => feedBody(item.article)),
    };
  }
  for (const listing of model.indexes) {
    yield { path: outputPath(listing.url), render: () => renderTermIndex(theme, listing) };
  }
  yield { path: "404.html", render: () => renderNotFound(theme) };
  yield { path: "sitemap.xml", render: () => renderSitemap(model) };
  yield { path: "robots.txt", render: () => `User-agent: *\nAllow: /\n\nSitemap: ${options.site.url}/sitemap.xml\n` };
  yield* extra;
}
