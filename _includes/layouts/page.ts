import { html, raw } from "../../src/core/html.ts";
import type { SitePage } from "../../src/core/page.ts";
import type { Theme } from "../theme.ts";
import { renderDocument } from "../partials/document.ts";
import { breadcrumbJsonLd, breadcrumbs } from "../partials/breadcrumbs.ts";

/** A page (chi siamo, contatti): its title and body, with no date, byline, terms or related articles. */
export function renderPage(theme: Theme, page: SitePage, body: string): string {
  const { site, words } = theme.model.options;
  const trail = [{ name: words.home, url: "/" }];
  const main = html`${breadcrumbs(theme, trail, page.title)}
<article class="page">
<h1>${page.title}</h1>
<div class="page__body prose">
${raw(body)}
</div>
</article>`;
  return renderDocument(
    theme,
    {
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
  );
}
