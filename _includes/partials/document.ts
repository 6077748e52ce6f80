import { html, jsonForScript, type SafeHtml } from "../../src/core/html.ts";
import type { DocumentMeta } from "../../src/core/theme-contract.ts";
import type { Theme } from "../theme.ts";

export type { DocumentMeta };

/** The HTML document around every page: head with canonical, description, Open Graph, feed links; header; main; footer. */
export function renderDocument(theme: Theme, meta: DocumentMeta, main: SafeHtml): string {
  const { site, language } = theme.options;
  const { words } = theme;
  const absolute = (path: string) => site.url + path;
  const fullTitle = meta.url === "/" ? site.title : `${meta.title} – ${site.title}`;
  const description = meta.description || site.description;
  return (
    "<!DOCTYPE html>\n" +
    html`<html lang="${language.tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${absolute(meta.url)}">
${meta.prevUrl ? html`<link rel="prev" href="${meta.prevUrl}">\n` : ""}${meta.nextUrl ? html`<link rel="next" href="${meta.nextUrl}">\n` : ""}<link rel="alternate" type="application/rss+xml" title="${words.siteFeedTitle.replace("{site}", site.title)}" href="/feed.xml">
${meta.feed && meta.feed.url !== "/feed.xml" ? html`<link rel="alternate" type="application/rss+xml" title="${meta.feed.title}" href="${meta.feed.url}">\n` : ""}${meta.noindex ? html`<meta name="robots" content="noindex">\n` : ""}<meta property="og:site_name" content="${site.title}">
<meta property="og:locale" content="${language.ogLocale}">
<meta property="og:type" content="${meta.ogType}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${absolute(meta.url)}">
${meta.article
      ? html`<meta property="article:published_time" content="${meta.article.published}">
<meta property="article:modified_time" content="${meta.article.modified}">
${meta.article.authors.map((a) => html`<meta property="article:author" content="${a}">\n`)}${meta.article.section ? html`<meta property="article:section" content="${meta.article.section}">\n` : ""}${meta.article.tags.map((t) => html`<meta property="article:tag" content="${t}">\n`)}`
      : ""}${meta.image
      ? html`<meta property="og:image" content="${meta.image.url}">
${meta.image.width ? html`<meta property="og:image:width" content="${meta.image.width}">
<meta property="og:image:height" content="${meta.image.height}">
` : ""}${meta.image.alt ? html`<meta property="og:image:alt" content="${meta.image.alt}">
` : ""}`
      : ""}<meta name="twitter:card" content="${meta.image ? "summary_large_image" : "summary"}">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${description}">
<link rel="stylesheet" href="${theme.stylesheet}">
${(meta.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>
`)}
${(meta.jsonLd ?? []).map((data) => html`<script type="application/ld+json">${jsonForScript(data)}</script>\n`)}</head>
<body>
<a class="skip-link" href="#contenuto">${words.skipToContent}</a>
${theme.parts.header(theme, { current: meta.navCurrent, pageUrl: meta.url })}
<main id="contenuto" tabindex="-1">
${main}
</main>
${theme.parts.footer(theme)}
</body>
</html>
`.value
  );
}

