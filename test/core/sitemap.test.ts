import { test } from "uvu";
import * as assert from "uvu/assert";
import { sitemapEntries } from "../../src/core/sitemap.ts";
import type { SiteModel } from "../../src/core/site-model.ts";

/** What sitemapEntries reads of a model: articles, pages, archive pages (URL, archive, items) and indexes (URL). */
interface Dated {
  date: Date;
  updated?: Date;
}

function model(archives: Array<{ url: string; pages: Dated[][] }>, indexes: string[]): SiteModel {
  const pages = archives.flatMap((archive) =>
    archive.pages.map((items, i) => ({ archive, url: i === 0 ? archive.url : `${archive.url}page/${i + 1}/`, page: { items } })),
  );
  return { articles: [], contentPages: [], pages, indexes: indexes.map((url) => ({ url })) } as unknown as SiteModel;
}

const day = (d: string): Dated => ({ date: new Date(`${d}T10:00:00Z`) });

/** The index pages' entries: URL and lastmod (ms), in the order given. */
function indexEntries(m: SiteModel): Array<[string, number | undefined]> {
  const urls = new Set(m.indexes.map((l) => l.url));
  return sitemapEntries(m)
    .filter((e) => urls.has(e.loc))
    .map((e) => [e.loc, e.lastmod?.getTime()]);
}

test("an index's lastmod is the newest item of every page of every archive under it", () => {
  const m = model(
    [
      { url: "/tag/comuni/", pages: [[day("2024-05-02"), day("2024-04-01")], [{ ...day("2023-01-01"), updated: new Date("2024-06-30T08:00:00Z") }]] },
      { url: "/tag/nidi/", pages: [[day("2022-09-09")]] },
      { url: "/autore/rossi/", pages: [[day("2021-03-03")]] },
    ],
    ["/tag/", "/autore/", "/dossier/"],
  );
  assert.equal(indexEntries(m), [
    ["/tag/", Date.parse("2024-06-30T08:00:00Z")],
    ["/autore/", Date.parse("2021-03-03T10:00:00Z")],
    // No archive under it: no lastmod, not a made-up one.
    ["/dossier/", undefined],
  ]);
});

test("pages of one archive may fall under different indexes: each page counts for the first index above it", () => {
  // An odd site whose index sits under an archive's second page: that page counts for it, the first page for /temi/.
  const m = model([{ url: "/temi/casa/", pages: [[day("2024-01-10")], [day("2020-02-20")]] }], ["/temi/casa/page/", "/temi/"]);
  assert.equal(indexEntries(m), [
    ["/temi/casa/page/", Date.parse("2020-02-20T10:00:00Z")],
    ["/temi/", Date.parse("2024-01-10T10:00:00Z")],
  ]);
});

test.run();
