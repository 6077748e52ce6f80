import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Theme } from "../theme.ts";

/** Site name and the main areas (the primary taxonomy's terms), the current one marked. */
export function siteHeader(theme: Theme, current: string | undefined): SafeHtml {
  const { site, words, taxonomies } = theme.model.options;
  const primary = taxonomies.find((t) => t.primary);
  const terms = primary ? [...(theme.model.index.terms.get(primary.key)?.values() ?? [])].sort((a, b) => b.articles.length - a.articles.length) : [];
  return html`<header class="site-header">
<div class="site-header__inner">
<a class="site-name" href="/"${current === "/" ? html` aria-current="page"` : ""}>${site.title}</a>
${terms.length > 0
    ? html`<nav class="main-nav" aria-label="${words.mainNavigation}">
<ul>
${terms.map((t) => html`<li><a href="${t.url}"${current === t.url ? html` aria-current="page"` : ""}>${t.name}</a></li>\n`)}</ul>
</nav>`
    : ""}
</div>
</header>`;
}
