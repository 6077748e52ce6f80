import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Article } from "../../src/core/article.ts";
import { fill } from "../../src/core/words.ts";
import type { Theme } from "../theme.ts";
import { byline } from "./byline.ts";

/** The card of the seed page: rubric label, title as link, byline, excerpt, "Leggi >". */
export function card(theme: Theme, article: Article, headingLevel: 2 | 3 = 2): SafeHtml {
  const { words } = theme.model.options;
  const primary = theme.model.options.taxonomies.find((t) => t.primary);
  const areas = primary ? article.terms[primary.key] ?? [] : [];
  const title = html`<a href="${article.url}">${article.title}</a>`;
  return html`<article class="card">
${article.rubric ? html`<p class="card__rubric">${article.rubric}</p>\n` : ""}${headingLevel === 2 ? html`<h2 class="card__title">${title}</h2>` : html`<h3 class="card__title">${title}</h3>`}
${areas.length > 0 ? html`<p class="card__areas">${areas.map((a, i) => html`${i > 0 ? " · " : ""}<a href="${a.url}">${a.name}</a>`)}</p>\n` : ""}${byline(theme, article, false)}
<p class="card__excerpt">${article.excerpt}</p>
<p class="card__more"><a href="${article.url}" aria-label="${fill(words.readMoreLabel, { title: article.title })}">${words.readMore}</a></p>
</article>`;
}
