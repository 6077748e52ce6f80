import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Crumb } from "../../src/core/archive.ts";
import type { Theme } from "../theme.ts";

/** Home › Area › Article; the last crumb is the current page. */
export function breadcrumbs(theme: Theme, trail: readonly Crumb[], current: string): SafeHtml {
  if (trail.length === 0) return html``;
  return html`<nav class="breadcrumbs" aria-label="${theme.words.breadcrumbs}">
<ol>
${trail.map((c) => html`<li><a href="${c.url}">${c.name}</a></li>\n`)}<li><span aria-current="page">${current}</span></li>
</ol>
</nav>`;
}

/** schema.org BreadcrumbList for the same trail. */
export function breadcrumbJsonLd(siteUrl: string, trail: readonly Crumb[], current: Crumb): unknown {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [...trail, current].map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: siteUrl + c.url })),
  };
}
