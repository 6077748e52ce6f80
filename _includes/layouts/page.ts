import { html, type SafeHtml } from "../../src/core/html.ts";
import type { SitePage } from "../../src/core/page.ts";
import type { PageView } from "../../src/core/theme-contract.ts";
import type { Theme } from "../theme.ts";
import { breadcrumbJsonLd } from "../partials/breadcrumbs.ts";

/** A page (chi siamo, contatti): its title and body, with no date, byline, terms or related articles. */
export function pageView(theme: Theme, page: SitePage, body: SafeHtml): PageView {
  const { site } = theme.options;
  const { words } = theme;
  const trail = [{ name: words.home, url: "/" }];
  const main = html`${theme.parts.breadcrumbs(theme, trail, page.title)}
<article class="page">
<h1>${page.title}</h1>
<div class="page__body prose">
${body}
</div>
</article>`;
  return {
    meta: {
      title: page.title,
      description: page.excerpt,
      url: page.url,
      ogType: "website",
      jsonLd: [
        { "@context": "https://schema.org", "@type": "WebPage", name: page.title, description: page.excerpt, url: site.url + page.url, inLanguage: site.language },
        breadcrumbJsonLd(site.url, trail, { name: page.title, url: page.url }),
      ],
    },
    main,
  };
}
