import { html, raw, type SafeHtml } from "../../src/core/html.ts";
import type { Article } from "../../src/core/article.ts";
import type { Crumb } from "../../src/core/archive.ts";
import { isoDateTime, formatLongDate } from "../../src/core/dates.ts";
import { relatedArticles } from "../../src/core/related.ts";
import { fill } from "../../src/core/words.ts";
import type { Theme } from "../theme.ts";
import { renderDocument } from "../partials/document.ts";
import { byline } from "../partials/byline.ts";
import { card } from "../partials/card.ts";
import { breadcrumbJsonLd, breadcrumbs } from "../partials/breadcrumbs.ts";
import { featuredPicture, MEASURE_SIZES, sharedImage } from "../partials/picture.ts";

/** An article page around its rendered Markdown body. */
export function renderArticle(theme: Theme, article: Article, body: string): string {
  const { options } = theme.model;
  const { site, words, taxonomies } = options;
  const primary = taxonomies.find((t) => t.primary);
  const areas = primary ? article.terms[primary.key] ?? [] : [];
  const trail = articleTrail(theme, article);
  const termLists = taxonomies
    .filter((t) => !t.primary && t.key !== "author" && (article.terms[t.key] ?? []).length > 0)
    .map((t) => html`<div class="article__terms">
<h2 class="article__terms-label">${t.label}</h2>
<ul>${(article.terms[t.key] ?? []).map((term) => html`<li><a href="${term.url}" rel="tag" data-pagefind-filter="${t.key}">${term.name}</a></li>`)}</ul>
</div>\n`);
  const related = relatedArticles(article, options.relatedCount, "tag", primary?.key ?? "area");
  const main = html`${breadcrumbs(theme, trail, article.title)}
<article class="article" data-pagefind-body>
<header class="article__header">
${article.rubric ? html`<p class="card__rubric" data-pagefind-ignore data-pagefind-meta="rubric">${article.rubric}</p>\n` : ""}${areas.length > 0 ? html`<p class="kicker" data-pagefind-ignore>${areas.map((a, i) => html`${i > 0 ? " · " : ""}<a href="${a.url}" data-pagefind-filter="${primary?.key ?? "area"}">${a.name}</a>`)}</p>\n` : ""}<h1 data-pagefind-meta="title">${article.title}</h1>
${article.excerptGiven ? html`<p class="article__standfirst">${article.excerpt}</p>\n` : ""}<div class="article__meta" data-pagefind-ignore data-pagefind-meta="date:${formatLongDate(article.date, site.timeZone, options.capitalizeMonths)}">
${byline(theme, article, true)}
${article.updated ? html`<p class="article__updated">${fill(words.updated, { date: formatLongDate(article.updated, site.timeZone, options.capitalizeMonths) })}</p>\n` : ""}</div>
</header>
${article.image ? html`<figure class="article__image">${featuredPicture(theme, article.image, { sizes: MEASURE_SIZES, eager: true })}</figure>
` : ""}<div class="article__body prose">
${raw(body)}
</div>
${dossierBox(theme, article)}
<footer class="article__footer" data-pagefind-ignore>
${termLists}</footer>
</article>
${related.length > 0
    ? html`<aside class="related" aria-labelledby="correlati">
<h2 id="correlati">${words.relatedHeading}</h2>
<div class="related__list">
${related.map((r) => card(theme, r, 3))}
</div>
</aside>`
    : ""}`;
  const shared = article.image && sharedImage(theme, article.image);
  const authors = (article.terms["author"] ?? []).map((a) => ({ "@type": "Person", name: a.name, url: site.url + a.url }));
  return renderDocument(
    theme,
    {
      title: article.title,
      description: article.excerpt,
      url: article.url,
      ogType: "article",
      image: shared,
      jsonLd: [
        {
          "@context": "https://schema.org",
          "@type": "Article",
          headline: article.title,
          description: article.excerpt,
          datePublished: isoDateTime(article.date, site.timeZone),
          dateModified: isoDateTime(article.updated ?? article.date, site.timeZone),
          author: authors,
          publisher: { "@type": "Organization", name: site.title, url: site.url + "/" },
          mainEntityOfPage: site.url + article.url,
          inLanguage: site.language,
          keywords: (article.terms["tag"] ?? []).map((t) => t.name).join(", "),
          ...(shared ? { image: { "@type": "ImageObject", url: shared.url, width: shared.width, height: shared.height } } : {}),
        },
        breadcrumbJsonLd(site.url, trail, { name: article.title, url: article.url }),
      ],
      navCurrent: areas[0]?.url,
      article: {
        published: isoDateTime(article.date, site.timeZone),
        modified: isoDateTime(article.updated ?? article.date, site.timeZone),
        authors: authors.map((a) => a.url),
        section: areas[0]?.name,
        tags: (article.terms["tag"] ?? []).map((t) => t.name),
      },
    },
    main,
  );
}

/** Home › Il Punto › Dossier › Article, or Home › Area › Article. */
function articleTrail(theme: Theme, article: Article): Crumb[] {
  const { options } = theme.model;
  const home = { name: options.words.home, url: "/" };
  const dossier = article.dossier ? theme.model.dossierBySlug.get(article.dossier) : undefined;
  if (dossier && options.dossiers !== false) {
    return [home, { name: options.dossiers.title, url: `/${options.dossiers.base}/` }, { name: dossier.title, url: dossier.url }];
  }
  const primary = options.taxonomies.find((t) => t.primary);
  const area = primary ? article.terms[primary.key]?.[0] : undefined;
  return area ? [home, { name: area.name, url: area.url }] : [home];
}

/** The box naming the dossier, listing its parts in order, with previous/next part. */
function dossierBox(theme: Theme, article: Article): SafeHtml {
  const dossier = article.dossier ? theme.model.dossierBySlug.get(article.dossier) : undefined;
  if (!dossier) return html``;
  const { words } = theme.model.options;
  const position = dossier.parts.indexOf(article);
  const previous = dossier.parts[position - 1];
  const next = dossier.parts[position + 1];
  return html`<aside class="dossier-box" aria-labelledby="dossier-box-title" data-pagefind-ignore="all">
<p class="dossier-box__label">${words.dossierBoxHeading}</p>
<h2 id="dossier-box-title" class="dossier-box__title"><a href="${dossier.url}">${dossier.title}</a></h2>
<p class="dossier-box__position">${fill(words.dossierPart, { n: position + 1, total: dossier.parts.length })}</p>
<ol class="dossier-box__parts">
${dossier.parts.map((p) => html`<li>${p === article ? html`<span aria-current="page">${p.title}</span>` : html`<a href="${p.url}">${p.title}</a>`}</li>\n`)}</ol>
<ul class="dossier-box__nav">
${previous ? html`<li class="dossier-box__previous"><a href="${previous.url}" rel="prev">${words.previousPart}<span class="visually-hidden">: ${previous.title}</span></a></li>\n` : ""}${next ? html`<li class="dossier-box__next"><a href="${next.url}" rel="next">${words.nextPart}<span class="visually-hidden">: ${next.title}</span></a></li>\n` : ""}</ul>
</aside>`;
}
