import { html, raw, type SafeHtml } from "../../src/core/html.ts";
import type { ArchivePage } from "../../src/core/archive.ts";
import { fill } from "../../src/core/words.ts";
import type { PageView } from "../../src/core/theme-contract.ts";
import type { Theme } from "../theme.ts";
import { breadcrumbJsonLd } from "../partials/breadcrumbs.ts";
import { homeExtras } from "./home-extras.ts";

/** A page of an archive: home, term, intersection or dossier (the bundled theme draws them alike). */
export function archiveView(theme: Theme, page: ArchivePage): PageView {
  const { archive } = page;
  const { site } = theme.model.options;
  const jsonLd: unknown[] = [
    {
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      name: archive.heading,
      url: site.url + page.url,
      description: archive.description ?? site.description,
      isPartOf: { "@type": "WebSite", name: site.title, url: site.url + "/" },
    },
  ];
  if (archive.breadcrumbs.length > 0) jsonLd.push(breadcrumbJsonLd(site.url, archive.breadcrumbs, { name: archive.heading, url: archive.url }));
  return {
    meta: {
      title: archivePageTitle(theme, page),
      description: archive.description ?? "",
      url: page.url,
      ogType: "website",
      feed: { title: archive.feedTitle, url: archive.feedUrl },
      prevUrl: page.prevUrl,
      nextUrl: page.nextUrl,
      jsonLd,
      navCurrent: archive.kicker && archive.kind === "intersection" ? archive.kicker.url : archive.url,
    },
    main: archiveMain(theme, page),
  };
}

/** The page's title without the site's name: "Terzo settore: Post con tag “Comuni” – Pagina 2". */
function archivePageTitle(theme: Theme, page: ArchivePage): string {
  const { archive } = page;
  const { words } = theme;
  const pageLabel = page.page.pageNumber > 1 ? ` – ${fill(words.page, { page: page.page.pageNumber })}` : "";
  return (archive.kicker && archive.kind === "intersection" ? `${archive.kicker.name}: ` : "") + archive.heading + pageLabel;
}

/** What the page's `<main>` holds (breadcrumbs, heading, cards, pager), without the document: a site's own layout can wrap it. */
function archiveMain(theme: Theme, page: ArchivePage): SafeHtml {
  const { archive } = page;
  const { words } = theme;
  const showHomeExtras = archive.kind === "home" && page.page.pageNumber === 1;
  // front: lead story and side column; full: the dossier's presentation spans the page; split: heading beside the list.
  const layout = showHomeExtras ? "front" : archive.kind === "dossier" ? "full" : "split";
  return html`${theme.parts.breadcrumbs(theme, archive.breadcrumbs, archive.heading)}
<div class="archive archive--${archive.kind} archive--${layout}">
<header class="archive__header">
${archive.kicker ? html`<p class="kicker"><a href="${archive.kicker.url}">${archive.kicker.name}</a></p>\n` : ""}<h1>${archive.heading}</h1>
${archiveIntro(theme, page)}
<p class="archive__feed"><a href="${archive.feedUrl}">${words.feed}<span class="visually-hidden">: ${archive.feedTitle}</span></a></p>
</header>
<div class="archive__list">
${archive.kind === "dossier" ? html`<h2 class="archive__list-heading">${words.dossierArticles}</h2>\n` : ""}${page.page.items.map((a) => theme.parts.card(theme, a, archive.kind === "dossier" ? 3 : 2))}
${theme.parts.pager(theme, page)}
</div>
${showHomeExtras ? homeExtras(theme) : ""}
</div>`;
}

function archiveIntro(theme: Theme, page: ArchivePage): SafeHtml {
  const { archive } = page;
  const { words } = theme;
  if (archive.dossier) {
    const d = archive.dossier;
    return html`${d.curators.length > 0 ? html`<p class="dossier__curators">${fill(words.curatedBy, { names: d.curators.join(", ") })}</p>\n` : ""}<div class="dossier__presentation prose">${raw(theme.md.render(d.markdown))}</div>`;
  }
  return archive.description && page.page.pageNumber === 1 ? html`<p class="archive__description">${archive.description}</p>` : html``;
}
