import type { Article } from "./article.ts";

/**
 * Articles whose slug was shortened (WordPress's 200-character cap) can end up
 * with one slug for two long titles that differ only past the cut. WordPress
 * then gives the later post `-2`, `-3`…; so does this, oldest first, with a
 * notice naming the file. A slug the writer chose is never changed: two of
 * those are a collision for the writer to resolve.
 */
export function resolveShortenedSlugs(articles: Article[]): string[] {
  const taken = new Set(articles.filter((a) => !a.slugShortened).map((a) => a.url));
  const notices: string[] = [];
  const oldestFirst = [...articles].reverse();
  for (const article of oldestFirst) {
    if (!article.slugShortened || !article.url.endsWith(`/${article.slug}/`)) continue;
    const base = article.url.slice(0, -`${article.slug}/`.length);
    let slug = article.slug;
    for (let n = 2; taken.has(`${base}${slug}/`); n++) slug = `${article.slug}-${n}`;
    if (slug !== article.slug) {
      notices.push(`${article.file}: its shortened slug is taken by an older article; it is published at ${base}${slug}/ (set \`slug:\` to choose)`);
      article.slug = slug;
      article.url = `${base}${slug}/`;
    }
    taken.add(article.url);
  }
  return notices;
}
