import type { Article } from "./article.ts";

/** Each article's address by file, as one build left them: what the next build compares with. */
export function addressesByFile(articles: readonly Article[]): Map<string, string> {
  return new Map(articles.map((article) => [article.file, article.url]));
}

/**
 * Notices for articles whose address changed since the previous build (a new
 * title gives a new slug): the old address now answers 404, and readers,
 * feeds and search engines that knew it lose the article unless it becomes an
 * alias. An old address another article took, or one already among the
 * article's aliases, needs no notice.
 */
export function movedArticleNotices(previous: ReadonlyMap<string, string>, articles: readonly Article[]): string[] {
  const taken = new Set(articles.map((article) => article.url));
  const notices: string[] = [];
  for (const article of articles) {
    const before = previous.get(article.file);
    if (before === undefined || before === article.url || taken.has(before) || article.aliases.includes(before)) continue;
    notices.push(
      `${article.file}: its address moved from ${before} to ${article.url} (its title or slug changed); ` +
        `if ${before} was published, add \`aliases: ["${before}"]\` to its front matter so that the old address keeps working`,
    );
  }
  return notices;
}
