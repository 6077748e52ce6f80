import { html, type SafeHtml } from "../../src/core/html.ts";
import type { TermListing } from "../../src/core/site-model.ts";
import { fill } from "../../src/core/words.ts";
import type { PageView } from "../../src/core/theme-contract.ts";
import type { Theme } from "../theme.ts";

/** /tag/, /area/, /sezione/, /autori/, /il-punto/: every term with its article count. */
export function termIndexView(theme: Theme, listing: TermListing): PageView {
  return { meta: { title: listing.title, description: "", url: listing.url, ogType: "website", navCurrent: listing.url }, main: termIndexMain(theme, listing) };
}

/** What the index page's `<main>` holds, without the document: a site's own layout can wrap it. */
function termIndexMain(theme: Theme, listing: TermListing): SafeHtml {
  const { words } = theme;
  const count = (n: number) => (n === 1 ? words.articleCountOne : fill(words.articleCount, { count: n }));
  return html`${theme.parts.breadcrumbs(theme, [{ name: words.home, url: "/" }], listing.title)}
<div class="term-index">
<h1>${listing.title}</h1>
<ul class="term-index__list">
${listing.entries.map((e) => html`<li><a href="${e.url}">${e.name}</a> <span class="count">${count(e.count)}</span>${e.description ? html`<p>${e.description}</p>` : ""}</li>\n`)}</ul>
</div>`;
}
