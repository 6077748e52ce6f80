import type { Article } from "./article.ts";

/** How far down each shared term's list we look for candidates: keeps the cost linear in the site's size. */
const CANDIDATES_PER_TERM = 200;

/**
 * Related articles: most shared `byKey` terms (tags), then sharing a `thenKey`
 * term (area), then newest first; never the article itself.
 */
export function relatedArticles(article: Article, count: number, byKey: string, thenKey: string): Article[] {
  if (count <= 0) return [];
  const scores = new Map<Article, number>();
  const add = (terms: Article["terms"][string] | undefined, weight: number) => {
    for (const term of terms ?? []) {
      const list = term.articles;
      for (let i = 0; i < list.length && i < CANDIDATES_PER_TERM; i++) {
        const other = list[i];
        if (other && other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    }
  };
  // A shared tag outweighs any number of shared areas.
  add(article.terms[byKey], 1000);
  add(article.terms[thenKey], 1);
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || b[0].date.getTime() - a[0].date.getTime() || (a[0].url < b[0].url ? -1 : 1))
    .slice(0, count)
    .map(([other]) => other);
}
