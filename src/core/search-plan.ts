/**
 * Which search bundle each article belongs to: the year of its date, in the
 * site's time zone; a year with more than `limit` articles is cut into equal
 * runs of months (halves, thirds, quarters, two-month runs or months: the
 * fewest that keep each run within the limit), named by their first month
 * (`2018-05`: May to August). A newsroom adds articles at the front, so an edit
 * or a new article changes one bundle and the older years' bundles never
 * change, and Pagefind's memory is bounded by the largest bundle instead of the
 * site (about 170 MiB for 480 articles; see docs/performance.md).
 */
/** Articles in one bundle at most before its year is cut into runs of months: Pagefind needs ~0.3 MiB per article page. */
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
    const run = list.length > limit ? monthsPerBundle(list.map((p) => Number(p.month)), limit) : 12;
    for (const { url, month } of list) {
      const first = Math.floor((Number(month) - 1) / run) * run + 1;
      const name = run === 12 ? year : `${year}-${String(first).padStart(2, "0")}`;
      const urls = bundles.get(name);
      if (urls) urls.push(url);
      else bundles.set(name, [url]);
    }
  }
  return [...bundles].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([name, urls]) => ({ name, urls }));
}

/**
 * The bundles that hold one of `changed` (pages a warm build renders again): their articles are written first,
 * and fed to Pagefind as they come, while the rest of the site is written, instead of once the writer reaches
 * their year. None when they are every bundle (a cold build): nothing to put first.
 */
export function changedBundles(bundles: readonly SearchBundle[], changed: ReadonlySet<string>): SearchBundle[] {
  const touched = bundles.filter((bundle) => bundle.urls.some((url) => changed.has(url)));
  return touched.length === bundles.length ? [] : touched;
}

/** The longest run of months (6, 4, 3, 2 or 1) whose every run holds at most `limit` of these articles; 1 when none does. */
function monthsPerBundle(months: readonly number[], limit: number): number {
  for (const run of [6, 4, 3, 2]) {
    const counts = new Map<number, number>();
    for (const month of months) counts.set(Math.floor((month - 1) / run), (counts.get(Math.floor((month - 1) / run)) ?? 0) + 1);
    if (Math.max(...counts.values()) <= limit) return run;
  }
  return 1;
}
