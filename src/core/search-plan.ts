/**
 * Which search bundle each article belongs to: the year of its date, in the
 * site's time zone; a year with more than `limit` articles is split by month
 * (`2018-03`). A newsroom adds articles at the front, so an edit or a new
 * article changes one bundle and the older years' bundles never change, and
 * Pagefind's memory is bounded by the largest bundle instead of the site
 * (about 170 MiB for 480 articles; see docs/performance.md).
 */

/** Articles in one bundle at most before its year is split by month: Pagefind needs ~0.3 MiB per article page. */
export const BUNDLE_LIMIT = 1000;

export interface SearchBundle {
  /** Its folder under /pagefind/: `2018`, or `2018-03` for a month of a large year. */
  name: string;
  /** The URLs of its article pages, in the order given (the site model's: newest first). */
  urls: string[];
}

export interface DatedPage {
  url: string;
  date: Date;
}

/** Bundles newest first (the first is the one the search page loads first); every page in exactly one. */
export function planSearchBundles(pages: readonly DatedPage[], timeZone: string, limit = BUNDLE_LIMIT): SearchBundle[] {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" });
  const byYear = new Map<string, Array<{ url: string; month: string }>>();
  for (const page of pages) {
    const parts = format.formatToParts(page.date);
    const year = parts.find((p) => p.type === "year")?.value ?? "0000";
    const month = parts.find((p) => p.type === "month")?.value ?? "00";
    const list = byYear.get(year);
    if (list) list.push({ url: page.url, month });
    else byYear.set(year, [{ url: page.url, month }]);
  }
  const bundles = new Map<string, string[]>();
  for (const [year, list] of byYear) {
    for (const { url, month } of list) {
      const name = list.length > limit ? `${year}-${month}` : year;
      const urls = bundles.get(name);
      if (urls) urls.push(url);
      else bundles.set(name, [url]);
    }
  }
  return [...bundles].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([name, urls]) => ({ name, urls }));
}
