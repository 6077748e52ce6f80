import { test } from "uvu";
import * as assert from "uvu/assert";
import { planSearchBundles } from "../../src/core/search-plan.ts";

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

test("a year of exactly `limit` articles stays whole; one more splits it by month, other years untouched", () => {
  const year = (n: number) => Array.from({ length: n }, (_, i) => at(`/p${i}/`, `2020-${String((i % 3) + 1).padStart(2, "0")}-10T10:00:00Z`));
  assert.equal(planSearchBundles([...year(4), at("/old/", "2018-01-10T10:00:00Z")], "UTC", 4).map((b) => [b.name, b.urls.length]), [["2020", 4], ["2018", 1]]);
  assert.equal(planSearchBundles([...year(5), at("/old/", "2018-01-10T10:00:00Z")], "UTC", 4).map((b) => [b.name, b.urls.length]), [["2020-03", 1], ["2020-02", 2], ["2020-01", 2], ["2018", 1]]);
});

test("no articles, no bundles", () => {
  assert.equal(planSearchBundles([], "Europe/Rome"), []);
});

test.run();
