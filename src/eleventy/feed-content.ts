import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { Article } from "../core/article.ts";
import type { MarkdownRenderer } from "../core/markdown.ts";

/** Full HTML of each article with absolute URLs, for content:encoded; computed once per article per build. */
export function feedContent(md: MarkdownRenderer, siteUrl: string) {
  const cache = new WeakMap<Article, Promise<string>>();
  return (article: Article): Promise<string> => {
    let html = cache.get(article);
    if (!html) {
      html = convertHtmlToAbsoluteUrls(md.render(article.markdown), siteUrl + article.url);
      cache.set(article, html);
    }
    return html;
  };
}
