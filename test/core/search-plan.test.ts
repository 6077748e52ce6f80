import { test } from "uvu";
import * as assert from "uvu/assert";
import { changedBundles, planSearchBundles } from "../../src/core/search-plan.ts";

const at = (url: string, iso: string) => ({ url, date: new Date(iso) });

test("one bundle per year, newest first, pages in the order given", () => {
  const bundles = planSearchBundles([at("/c/", "2023-05-01T10:00:00Z"), at("/b/", "2021-03-01T10:00:00Z"), at("/b2/", "2021-01-01T10:00:00Z"), at("/a/", "2019-07-01T10:00:00Z")], "Europe/Rome");
  assert.equal(bundles, [
    { name: "2023", urls: ["/c/"] },
    { name: "2021", urls: ["/b/", "/b2/"] },
    { name: "2019", urls: ["/a/"] },
  ]);
});

test("the year is the site's time zone's: 00:30 on 1 January in Rome is 23:30 on 31 December in UTC", () => {
  const page = [at("/capodanno/", "2021-12-31T23:30:00Z")];
  assert.equal(planSearchBundles(page, "Europe/Rome").map((b) => b.name), ["2022"]);
  assert.equal(planSearchBundles(page, "UTC").map((b) => b.name), ["2021"]);
});

test("a year of exactly `limit` articles stays whole; one more cuts it into the longest runs of months within the limit", () => {
  // Months of a year's articles: how many fall in each.
  const year = (perMonth: Record<number, number>) =>
    Object.entries(perMonth).flatMap(([month, n]) => Array.from({ length: n }, (_, i) => at(`/m${month}-${i}/`, `2020-${month.padStart(2, "0")}-10T10:00:00Z`)));
  const names = (pages: ReturnType<typeof year>) => planSearchBundles([...pages, at("/old/", "2018-01-10T10:00:00Z")], "UTC", 4).map((b) => [b.name, b.urls.length]);
  assert.equal(names(year({ 1: 2, 7: 2 })), [["2020", 4], ["2018", 1]]);
  // 5 articles: January–June holds 3, July–December 2: halves.
  assert.equal(names(year({ 1: 2, 5: 1, 7: 2 })), [["2020-07", 2], ["2020-01", 3], ["2018", 1]]);
  // 2 + 2 + 1 in January, February, March: no run of 6, 4 or 3 months holds at most 4; runs of 2 do.
  assert.equal(names(year({ 1: 2, 2: 2, 3: 1 })), [["2020-03", 1], ["2020-01", 4], ["2018", 1]]);
  // 5 in one month: months, the smallest run (a month is never cut).
  assert.equal(names(year({ 3: 5, 4: 1 })), [["2020-04", 1], ["2020-03", 5], ["2018", 1]]);
});

test("no articles, no bundles", () => {
  assert.equal(planSearchBundles([], "Europe/Rome"), []);
});

test("the bundles a warm build's changed pages are in, with every URL of them; none when every bundle changed", () => {
  const bundles = [
    { name: "2023", urls: ["/c/", "/c2/"] },
    { name: "2021", urls: ["/b/", "/b2/"] },
    { name: "2019", urls: ["/a/"] },
  ];
  const names = (changed: string[]) => changedBundles(bundles, new Set(changed)).map((b) => b.name);
  assert.equal(names(["/b2/"]), ["2021"]);
  assert.equal(names(["/a/", "/c/"]), ["2023", "2019"], "newest first, as planned");
  assert.equal(names([]), [], "nothing changed");
  assert.equal(names(["/gone/"]), [], "a URL of no bundle (a deleted page) puts nothing first");
  assert.equal(names(["/a/", "/b/", "/c2/"]), [], "every bundle: the usual order");
  assert.equal(changedBundles(bundles, new Set(["/b2/"]))[0]?.urls, ["/b/", "/b2/"], "with every URL of it");
});

test.run();
