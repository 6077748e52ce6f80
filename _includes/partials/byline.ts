import { formatLongDate, isoDateTime } from "../../src/core/dates.ts";
import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Article } from "../../src/core/article.ts";
import type { Theme } from "../theme.ts";

/** "Fabio Smareglia | 29 marzo 2018", authors linked to their archives. */
export function byline(theme: Theme, article: Article, linkAuthors: boolean): SafeHtml {
  const { site, capitalizeMonths, taxonomies } = theme.model.options;
  const authorKey = taxonomies.find((t) => t.key === "author")?.key ?? "author";
  const authors = article.terms[authorKey] ?? [];
  const date = html`<time datetime="${isoDateTime(article.date, site.timeZone)}">${formatLongDate(article.date, site.timeZone, capitalizeMonths)}</time>`;
  const names = authors.map((a, i) => html`${i > 0 ? ", " : ""}${linkAuthors ? html`<a href="${a.url}">${a.name}</a>` : a.name}`);
  return html`<p class="byline">${authors.length > 0 ? html`${names} <span aria-hidden="true">|</span> ` : ""}${date}</p>`;
}
