import type { Archive, ArchivePage } from "./archive.ts";
import type { Article } from "./article.ts";
import type { ResolvedOptions } from "./options.ts";
import { OutputRegistry } from "./output-registry.ts";
import type { SitePage } from "./page.ts";
import type { TermListing } from "./site-model.ts";

/** The search page's address (the layout in _includes/layouts/search.ts is written there). */
export const SEARCH_URL = "/cerca/";

/** The folder of the content folder whose files (images, documents) are published as they are, at /media/. */
export const MEDIA_FOLDER = "media";

/** Name of the file every Editoriale output folder carries, so that a later build knows the folder is its own. */
export const OUTPUT_MARKER = ".editoriale-output";

/**
 * The list a warm build leaves in its build folder of the published files it reused where they are
 * (one path a line; a folder with a final "/"): src/cli/update-in-place.ts reads it, then removes it.
 */
export const REUSED_LIST = ".editoriale-reused";

export interface SiteOutputs {
  articles: readonly Article[];
  pages: readonly ArchivePage[];
  indexes: readonly TermListing[];
  archives: readonly Archive[];
  contentPages: readonly SitePage[];
}

/**
 * The registry of every file one build writes: the site's own files first
 * (404, sitemap, robots.txt, _redirects, search page, and the folders of the
 * theme's assets and of the search index), then archive pages, index pages,
 * feeds and articles. A path claimed twice is a problem filed against the
 * editor's file when there is one, so that a slug, a permalink or an alias can
 * never replace a page, a feed, the stylesheet or the search index.
 */
export function registerSiteOutputs(site: SiteOutputs, options: ResolvedOptions, permalinkFiles: ReadonlySet<string>): OutputRegistry {
  const registry = new OutputRegistry();
  const own = (description: string) => ({ description, field: "url" });
  registry.claim(`/${OUTPUT_MARKER}`, own("Editoriale's output marker"));
  registry.claim(`/${REUSED_LIST}`, own("Editoriale's list of reused files"));
  registry.claim("/404.html", own("the 404 page"));
  registry.claim("/sitemap.xml", own("the sitemap"));
  registry.claim("/robots.txt", own("robots.txt"));
  registry.claim("/_redirects", own("the redirects file (_redirects)"));
  registry.claim("/_headers", own("the headers file (_headers)"));
  registry.reserveFolder("/assets/", own("the theme's files (/assets/)"));
  registry.reserveFolder("/img/", own("the responsive images (/img/)"));
  registry.reserveFolder(`/${MEDIA_FOLDER}/`, own(`the site's media (/${MEDIA_FOLDER}/, copied from the content folder)`));
  if (options.search) {
    registry.claim(SEARCH_URL, own("the search page"));
    registry.reserveFolder("/pagefind/", own("the search index (/pagefind/)"));
  }
  for (const page of site.pages) {
    const dossier = page.archive.dossier;
    const owner = dossier ? { description: dossier.file, file: dossier.file, field: "file name" } : own(`the archive “${page.archive.heading}”`);
    registry.claim(page.url, owner);
  }
  for (const listing of site.indexes) registry.claim(listing.url, own(`the index “${listing.title}”`));
  for (const archive of site.archives) registry.claim(archive.feedUrl, own(`the feed of “${archive.heading}”`));
  for (const page of site.contentPages) {
    registry.claim(page.url, { description: page.file, file: page.file, field: permalinkFiles.has(page.file) ? "permalink" : "slug" });
  }
  for (const article of site.articles) {
    // An article without an address has a problem of its own, already reported.
    if (!article.url) continue;
    registry.claim(article.url, { description: article.file, file: article.file, field: permalinkFiles.has(article.file) ? "permalink" : "slug" });
  }
  return registry;
}
