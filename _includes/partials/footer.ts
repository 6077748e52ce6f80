import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Theme } from "../theme.ts";

/** Feeds, index pages and sections. */
export function siteFooter(theme: Theme): SafeHtml {
  const { site, words, taxonomies } = theme.model.options;
  const indexes = theme.model.indexes;
  const sectionTaxonomy = taxonomies.find((t) => t.key === "section");
  const sections = sectionTaxonomy ? [...(theme.model.index.terms.get(sectionTaxonomy.key)?.values() ?? [])] : [];
  return html`<footer class="site-footer">
<div class="site-footer__inner">
<p class="site-footer__name">${site.title}</p>
${site.description ? html`<p>${site.description}</p>` : ""}
<ul class="site-footer__links">
<li><a href="/feed.xml">${words.feed}</a></li>
${indexes.map((i) => html`<li><a href="${i.url}">${i.title}</a></li>\n`)}${sections.map((s) => html`<li><a href="${s.url}">${s.name}</a></li>\n`)}</ul>
</div>
</footer>`;
}
