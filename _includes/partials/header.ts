import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Theme } from "../theme.ts";
import { searchForm } from "./search-form.ts";

/**
 * Site name (or the site's logo) and the main navigation: the site's own
 * entries (`look.navigation`) when it gives them, else the label taxonomy's
 * terms (the areas), the current one marked: aria-current="page" on the page
 * itself, "true" on the entry an article or intersection belongs to.
 * The search box is left out on /cerca/, whose own form is the one search landmark there.
 */
export function siteHeader(theme: Theme, { current, pageUrl }: { current: string | undefined; pageUrl: string }): SafeHtml {
  const { words } = theme;
  const mark = (url: string) => (url === pageUrl ? html` aria-current="page"` : url === current ? html` aria-current="true"` : "");
  const entries = navigationEntries(theme);
  return html`<header class="site-header">
<div class="site-header__inner">
${siteName(theme, current === "/" ? mark("/") : "")}
${theme.search && pageUrl !== "/cerca/" ? searchForm(theme, "cerca-testata") : ""}
${entries.length > 0
    ? html`<nav class="main-nav" aria-label="${words.mainNavigation}">
<ul>
${entries.map((e) => html`<li><a href="${e.url}"${mark(e.url)}>${e.label}</a></li>\n`)}</ul>
</nav>`
    : ""}
</div>
</header>`;
}

/**
 * The link home: the site's name, or its logo. The logo alone carries the
 * name as its text alternative; beside the visible name (`showName`) it is
 * decorative (alt=""), so that a screen reader does not say the name twice.
 */
function siteName(theme: Theme, current: SafeHtml | ""): SafeHtml {
  const { title } = theme.options.site;
  const logo = theme.options.look.logo;
  if (!logo || !theme.logo) return html`<a class="site-name" href="/"${current}>${title}</a>`;
  const image = (alt: string) => html`<img class="site-name__logo" src="${theme.logo}" width="${logo.width}" height="${logo.height}" alt="${alt}">`;
  return logo.showName
    ? html`<a class="site-name site-name--with-logo" href="/"${current}>${image("")}<span>${title}</span></a>`
    : html`<a class="site-name site-name--logo" href="/"${current}>${image(title)}</a>`;
}

/** The site's navigation when it gives one (even empty: no navigation), else the label taxonomy's terms, most used first. */
function navigationEntries(theme: Theme): Array<{ label: string; url: string }> {
  const own = theme.options.look.navigation;
  if (own) return own;
  const label = theme.options.roles.label;
  const terms = label ? [...(theme.model.index.terms.get(label.key)?.values() ?? [])].sort((a, b) => b.articles.length - a.articles.length) : [];
  return terms.map((t) => ({ label: t.name, url: t.url }));
}
