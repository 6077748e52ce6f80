import { html, type SafeHtml } from "../../src/core/html.ts";
import type { SiteModel } from "../../src/core/site-model.ts";
import type { Term } from "../../src/core/terms.ts";
import { perBuild } from "../per-build.ts";
import type { Theme } from "../theme.ts";

// The footer is the same on every page of a build.
const footerOf = perBuild((theme, _model: SiteModel) => renderFooter(theme));

/**
 * About the site; the footer taxonomies' terms (sections); the index pages; the site's own columns
 * (`look.footerColumns`); the feeds (the whole site and each label term), last, across the footer's width.
 */
export function siteFooter(theme: Theme): SafeHtml {
  return footerOf(theme, theme.model);
}

function renderFooter(theme: Theme): SafeHtml {
  const { site, roles, language } = theme.options;
  const { words } = theme;
  const indexes = theme.model.indexes;
  const collator = new Intl.Collator(language.tag);
  const termsOf = (key: string): Term[] => [...(theme.model.index.terms.get(key)?.values() ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  const groups = roles.footer.map((taxonomy) => ({ taxonomy, terms: termsOf(taxonomy.key) })).filter((g) => g.terms.length > 0);
  const labelFeeds = (roles.label ? termsOf(roles.label.key) : []).flatMap((term) => {
    const archive = theme.model.archives.find((a) => a.kind === "term" && a.term === term);
    return archive ? [{ name: term.name, url: archive.feedUrl }] : [];
  });
  // The feed links repeat names used by the navigation for other pages: the hidden words tell them apart.
  const feedLink = (url: string, name: string) => html`<li><a href="${url}">${name}<span class="visually-hidden"> – ${words.feed}</span></a></li>\n`;
  return html`<footer class="site-footer">
<div class="site-footer__inner">
<div class="site-footer__about">
<p class="site-footer__name">${site.title}</p>
${site.description ? html`<p>${site.description}</p>\n` : ""}</div>
${groups.map(
    (g) => html`<div class="site-footer__group">
<h2 class="site-footer__heading">${g.taxonomy.indexTitle}</h2>
<ul>
${g.terms.map((s) => html`<li><a href="${s.url}">${s.name}</a></li>\n`)}</ul>
</div>\n`,
  )}${indexes.length > 0
    ? html`<div class="site-footer__group">
<h2 class="site-footer__heading">${words.footerExplore}</h2>
<ul>
${indexes.map((i) => html`<li><a href="${i.url}">${i.title}</a></li>\n`)}</ul>
</div>\n`
    : ""}${theme.options.look.footerColumns.map(
    (column) => html`<div class="site-footer__group">
<h2 class="site-footer__heading">${column.heading}</h2>
<ul>
${column.links.map((l) => html`<li><a href="${l.url}">${l.label}</a></li>\n`)}</ul>
</div>\n`,
  )}<div class="site-footer__group">
<h2 class="site-footer__heading">${words.feed}</h2>
<ul class="site-footer__feeds">
${feedLink("/feed.xml", words.allArticles)}${labelFeeds.map((f) => feedLink(f.url, f.name))}</ul>
</div>
</div>
</footer>`;
}
