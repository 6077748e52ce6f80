import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Article } from "../../src/core/article.ts";
import type { Crumb } from "../../src/core/archive.ts";
import { relatedByRoles } from "../../src/core/related.ts";
import { fill } from "../../src/core/words.ts";
import type { PageView } from "../../src/core/theme-contract.ts";
import type { Theme } from "../theme.ts";
import { breadcrumbJsonLd } from "../partials/breadcrumbs.ts";
import { MEASURE_SIZES, sharedImage } from "../partials/picture.ts";

/** An article page around its rendered Markdown body. */
export function articleView(theme: Theme, article: Article, body: SafeHtml): PageView {
  const { options, words } = theme;
  const { site, roles } = options;
  const label = roles.label;
  const areas = label ? article.terms[label.key] ?? [] : [];
  const trail = articleTrail(theme, article);
  const termsOf = (key: string | undefined) => (key ? article.terms[key] ?? [] : []);
  const termLists = roles.article
    .filter((t) => termsOf(t.key).length > 0)
    .map((t) => html`<div class="article__terms">
<h2 class="article__terms-label">${t.label}</h2>
<ul>${(article.terms[t.key] ?? []).map((term) => html`<li><a href="${term.url}" rel="tag" data-pagefind-filter="${t.key}">${term.name}</a></li>`)}</ul>
</div>\n`);
  const related = relatedByRoles(article, roles, options.relatedCount);
  const longDate = (date: Date) => theme.formatDate(date);
  const main = html`${theme.parts.breadcrumbs(theme, trail, article.title)}
<article class="article" data-pagefind-body>
<header class="article__header">
${article.rubric ? html`<p class="card__rubric" data-pagefind-ignore data-pagefind-meta="rubric">${article.rubric}</p>\n` : ""}${areas.length > 0 ? html`<p class="kicker" data-pagefind-ignore>${areas.map((a, i) => html`${i > 0 ? " · " : ""}<a href="${a.url}" data-pagefind-filter="${label?.key ?? ""}">${a.name}</a>`)}</p>\n` : ""}<h1 data-pagefind-meta="title">${article.title}</h1>
${article.excerptGiven ? html`<p class="article__standfirst">${article.excerpt}</p>\n` : ""}<div class="article__meta" data-pagefind-ignore data-pagefind-meta="date:${longDate(article.date)}">
${theme.parts.byline(theme, article, true)}
${article.updated ? html`<p class="article__updated">${fill(words.updated, { date: longDate(article.updated) })}</p>\n` : ""}</div>
</header>
${article.image ? html`<figure class="article__image">${theme.picture(article.image, { sizes: MEASURE_SIZES, eager: true })}</figure>
` : ""}<div class="article__body prose">
${body}
</div>
${dossierBox(theme, article)}
<footer class="article__footer" data-pagefind-ignore>
${termLists}</footer>
</article>
${related.length > 0
    ? html`<aside class="related" aria-labelledby="correlati">
<h2 id="correlati">${words.relatedHeading}</h2>
<div class="related__list">
${related.map((r) => theme.parts.card(theme, r, 3))}
</div>
</aside>`
    : ""}`;
  const shared = article.image && sharedImage(theme, article.image);
  const authors = termsOf(roles.byline?.key).map((a) => ({ "@type": "Person", name: a.name, url: site.url + a.url }));
  const keywords = roles.article.flatMap((t) => termsOf(t.key).map((term) => term.name));
  return {
    meta: {
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
          datePublished: theme.isoDate(article.date),
          dateModified: theme.isoDate(article.updated ?? article.date),
          author: authors,
          publisher: { "@type": "Organization", name: site.title, url: site.url + "/" },
          mainEntityOfPage: site.url + article.url,
          inLanguage: site.language,
          keywords: keywords.join(", "),
          ...(shared ? { image: { "@type": "ImageObject", url: shared.url, width: shared.width, height: shared.height } } : {}),
        },
        breadcrumbJsonLd(site.url, trail, { name: article.title, url: article.url }),
      ],
      navCurrent: areas[0]?.url,
      article: {
        published: theme.isoDate(article.date),
        modified: theme.isoDate(article.updated ?? article.date),
        authors: authors.map((a) => a.url),
        section: areas[0]?.name,
        tags: keywords,
      },
    },
    main,
  };
}

/** Home › Il Punto › Dossier › Article, or Home › Area › Article. */
function articleTrail(theme: Theme, article: Article): Crumb[] {
  const { options } = theme;
  const home = { name: theme.words.home, url: "/" };
  const dossier = article.dossier ? theme.model.dossierBySlug.get(article.dossier) : undefined;
  if (dossier && options.dossiers !== false) {
    return [home, { name: options.dossiers.title, url: `/${options.dossiers.base}/` }, { name: dossier.title, url: dossier.url }];
  }
  const label = options.roles.label;
  const area = label ? article.terms[label.key]?.[0] : undefined;
  return area ? [home, { name: area.name, url: area.url }] : [home];
}

/** The box naming the dossier, listing its parts in order, with previous/next part. */
function dossierBox(theme: Theme, article: Article): SafeHtml {
  const dossier = article.dossier ? theme.model.dossierBySlug.get(article.dossier) : undefined;
  if (!dossier) return html``;
  const { words } = theme;
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
