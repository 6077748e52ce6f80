import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Article } from "../../src/core/article.ts";
import { fill } from "../../src/core/words.ts";
import type { Theme } from "../theme.ts";
import { perBuild } from "../per-build.ts";

/** Cards are one column on phones, at most the measure in lists, narrower in the related grid. */
const CARD_SIZES = { 2: "(min-width: 42rem) 40rem, 100vw", 3: "(min-width: 42rem) 20rem, 100vw" } as const;

// An article's card is the same on every archive page that lists it: made once per build and heading level.
const cardWithH2 = perBuild((theme, article: Article) => renderCard(theme, article, 2));
const cardWithH3 = perBuild((theme, article: Article) => renderCard(theme, article, 3));

/** The card of the seed page: rubric label, title as link, byline, excerpt, "Leggi >". */
export function card(theme: Theme, article: Article, headingLevel: 2 | 3): SafeHtml {
  return headingLevel === 2 ? cardWithH2(theme, article) : cardWithH3(theme, article);
}

function renderCard(theme: Theme, article: Article, headingLevel: 2 | 3): SafeHtml {
  const { words } = theme;
  const label = theme.options.roles.label;
  const areas = label ? article.terms[label.key] ?? [] : [];
  const title = html`<a href="${article.url}">${article.title}</a>`;
  const image = article.image ? html`<div class="card__image">${theme.picture(article.image, { sizes: CARD_SIZES[headingLevel] })}</div>
` : "";
  return html`<article class="card">
${image}${article.rubric ? html`<p class="card__rubric">${article.rubric}</p>\n` : ""}${headingLevel === 2 ? html`<h2 class="card__title">${title}</h2>` : html`<h3 class="card__title">${title}</h3>`}
${areas.length > 0 ? html`<p class="card__areas">${areas.map((a, i) => html`${i > 0 ? " · " : ""}<a href="${a.url}">${a.name}</a>`)}</p>\n` : ""}${theme.parts.byline(theme, article, false)}
<p class="card__excerpt">${article.excerpt}</p>
<p class="card__more"><a href="${article.url}" aria-label="${fill(words.readMoreLabel, { title: article.title })}">${words.readMore}</a></p>
</article>`;
}
