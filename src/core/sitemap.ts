import { isoDateTime } from "./dates.ts";
import { escapeText } from "./escape.ts";
import type { ArchivePage } from "./archive.ts";
import type { SiteModel, TermListing } from "./site-model.ts";

/** One `<url>` of the sitemap: a site path and its last modification. */
export interface SitemapEntry {
  loc: string;
  lastmod: Date | undefined;
}

/** sitemaps.org XML: every article, page, archive page and index, with its last modification. */
export function renderSitemap(model: SiteModel, entries: readonly SitemapEntry[] = sitemapEntries(model)): string {
  const { url: siteUrl, timeZone } = model.options.site;
  const body = entries
    .map((e) => `  <url><loc>${escapeText(siteUrl + e.loc)}</loc>${e.lastmod ? `<lastmod>${isoDateTime(e.lastmod, timeZone)}</lastmod>` : ""}</url>\n`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</urlset>\n`;
}

/** Everything renderSitemap shows besides the site's URL and time zone (cheap next to formatting its dates). */
export function sitemapEntries(model: SiteModel): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  for (const article of model.articles) entries.push({ loc: article.url, lastmod: article.updated ?? article.date });
  for (const page of model.contentPages) entries.push({ loc: page.url, lastmod: page.lastmod });
  // An index page changes when any archive under it does: its lastmod is the newest of theirs.
  const newestUnder = new Map<string, number>();
  // Every page of an archive starts with the archive's URL: only an index whose URL is a prefix of it, or extends
  // it, can be above one of them (looked for once per archive, not among every index for each of thousands of pages).
  const candidates = new Map<ArchivePage["archive"], TermListing[]>();
  for (const page of model.pages) {
    let newest = 0;
    for (const a of page.page.items) newest = Math.max(newest, (a.updated ?? a.date).getTime());
    entries.push({ loc: page.url, lastmod: newest > 0 ? new Date(newest) : undefined });
    const { archive } = page;
    let near = candidates.get(archive);
    if (!near) candidates.set(archive, (near = model.indexes.filter((l) => archive.url.startsWith(l.url) || l.url.startsWith(archive.url))));
    const listing = near.find((l) => page.url.startsWith(l.url));
    if (listing) newestUnder.set(listing.url, Math.max(newestUnder.get(listing.url) ?? 0, newest));
  }
  for (const listing of model.indexes) {
    const newest = newestUnder.get(listing.url) ?? 0;
    entries.push({ loc: listing.url, lastmod: newest > 0 ? new Date(newest) : undefined });
  }
  return entries;
}
