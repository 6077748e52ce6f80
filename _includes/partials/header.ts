import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Theme } from "../theme.ts";
import { searchForm } from "./search-form.ts";

/**
 * Site name and the main areas (the primary taxonomy's terms), the current one marked:
 * aria-current="page" on the page itself, "true" on the area an article or intersection belongs to.
 * The search box is left out on /cerca/, whose own form is the one search landmark there.
 */
export function siteHeader(theme: Theme, { current, pageUrl }: { current: string | undefined; pageUrl: string }): SafeHtml {
  const { site, roles } = theme.options;
  const { words } = theme;
  const mark = html` aria-current="${pageUrl === current ? "page" : "true"}"`;
  const label = roles.label;
  const terms = label ? [...(theme.model.index.terms.get(label.key)?.values() ?? [])].sort((a, b) => b.articles.length - a.articles.length) : [];
  return html`<header class="site-header">
<div class="site-header__inner">
<a class="site-name" href="/"${current === "/" ? mark : ""}>${site.title}</a>
${theme.search && pageUrl !== "/cerca/" ? searchForm(theme, "cerca-testata") : ""}
${terms.length > 0
    ? html`<nav class="main-nav" aria-label="${words.mainNavigation}">
<ul>
${terms.map((t) => html`<li><a href="${t.url}"${current === t.url ? mark : ""}>${t.name}</a></li>\n`)}</ul>
</nav>`
    : ""}
</div>
</header>`;
}
