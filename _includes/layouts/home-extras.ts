import { html, type SafeHtml } from "../../src/core/html.ts";
import { fill } from "../../src/core/words.ts";
import type { Theme } from "../theme.ts";

/** The front page's side column: the latest dossier and the label taxonomy's terms (areas), headed by its index title. */
export function homeExtras(theme: Theme): SafeHtml {
  const { words } = theme;
  const { roles, language } = theme.options;
  const dossier = theme.model.dossiers[0];
  const collator = new Intl.Collator(language.tag);
  const label = roles.label;
  const areas = label ? [...(theme.model.index.terms.get(label.key)?.values() ?? [])].sort((a, b) => collator.compare(a.name, b.name)) : [];
  const count = (n: number) => (n === 1 ? words.articleCountOne : fill(words.articleCount, { count: n }));
  return html`<aside class="home-extras">
${dossier
    ? html`<section class="home-extras__dossier" aria-labelledby="ultimo-dossier">
<h2 id="ultimo-dossier">${words.latestDossier}</h2>
<p class="card__rubric">${theme.options.dossiers === false ? "" : theme.options.dossiers.rubric}</p>
<h3 class="card__title"><a href="${dossier.url}">${dossier.title}</a></h3>
<p>${dossier.excerpt}</p>
<ol>
${dossier.parts.map((p) => html`<li><a href="${p.url}">${p.title}</a></li>\n`)}</ol>
</section>`
    : ""}
${label && areas.length > 0
    ? html`<section class="home-extras__areas" aria-labelledby="aree">
<h2 id="aree">${label.indexTitle}</h2>
<ul>
${areas.map((a) => html`<li><a href="${a.url}">${a.name}</a> <span class="count">${count(a.articles.length)}</span></li>\n`)}</ul>
</section>`
    : ""}
</aside>`;
}
