import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Article } from "../../src/core/article.ts";
import type { Theme } from "../theme.ts";

/** "Fabio Smareglia | 29 marzo 2018": the byline taxonomy's terms (authors), linked to their archives on the article page. */
export function byline(theme: Theme, article: Article, linkAuthors: boolean): SafeHtml {
  const key = theme.options.roles.byline?.key;
  const authors = key ? article.terms[key] ?? [] : [];
  const date = html`<time datetime="${theme.isoDate(article.date)}">${theme.formatDate(article.date)}</time>`;
  const names = authors.map((a, i) => html`${i > 0 ? ", " : ""}${linkAuthors ? html`<a href="${a.url}">${a.name}</a>` : a.name}`);
  return html`<p class="byline">${authors.length > 0 ? html`${names} <span aria-hidden="true">|</span> ` : ""}${date}</p>`;
}
