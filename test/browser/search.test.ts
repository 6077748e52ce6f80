import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fulfillWithHeaders } from "./chromium.ts";
import { browserSession } from "./session.ts";
import { buildSite, ROOT } from "../output/build-site.ts";
import TOML from "@iarna/toml";

const session = browserSession();

test.after(async () => {
  await session().then((s) => s.close(), () => undefined);
});

/** Opens /cerca/?q=… (with optional filters) and returns the result titles, URLs and the status line. */
async function search(query: string, filters: Record<string, string> = {}) {
  const { browser, server } = await session();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.origin}/cerca/?${new URLSearchParams({ q: query, ...filters })}`);
  await page.waitForFunction(() => (document.querySelector(".search-results__status")?.textContent ?? "") !== "", undefined, { timeout: 15_000 });
  const status = (await page.textContent(".search-results__status")) ?? "";
  const titles = await page.$$eval(".search-result .card__title a", (as) => as.map((a) => ({ title: a.textContent ?? "", href: a.getAttribute("href") ?? "" })));
  await page.close();
  assert.equal(errors, [], "no script error");
  return { status, titles };
}

test("an Italian word found in one article's body finds that article first, stemmed", async () => {
  const { status, titles } = await search("custodi");
  assert.is(titles[0]?.href, "/anziani-soli-in-citta-il-custode-sociale-a-milano/", JSON.stringify(titles));
  assert.match(status, /trovat/);
});

test("typing in the form on /cerca/ searches too", async () => {
  const { browser, server } = await session();
  const page = await browser.newPage();
  await page.goto(`${server.origin}/cerca/`);
  await page.fill("#cerca-pagina", "emporio");
  await page.press("#cerca-pagina", "Enter");
  await page.waitForSelector(".search-result .card__title a", { timeout: 15_000 });
  const first = await page.getAttribute(".search-result .card__title a", "href");
  assert.is(first, "/il-punto/poverta-le-risposte-dei-territori/poverta-alimentare-gli-empori-solidali-tra-comuni-e-volontariato/");
  assert.match(page.url(), /\?q=emporio/);
  await page.close();
});

test("a filter by area keeps only that area's articles", async () => {
  const all = await search("comuni");
  const filtered = await search("comuni", { area: "Anziani" });
  assert.ok(filtered.titles.length > 0, "some results");
  assert.ok(filtered.titles.length < all.titles.length, `${filtered.titles.length} < ${all.titles.length}`);
  const { out } = buildSite();
  for (const { href } of filtered.titles) {
    const html = readFileSync(path.join(out, href, "index.html"), "utf8");
    assert.match(html, /data-pagefind-filter="area">Anziani</, href);
  }
});

/** The year of an article's date, read from its page: the bundle it is indexed in (one per year). */
function yearOf(href: string): string | undefined {
  const { out } = buildSite();
  return /<meta property="article:published_time" content="(\d{4})/.exec(readFileSync(path.join(out, href, "index.html"), "utf8"))?.[1];
}

test("the index is in bundles, one per year, newest first: the search page merges them all", async () => {
  const { out } = buildSite();
  const manifest = JSON.parse(readFileSync(path.join(out, "pagefind/bundles.json"), "utf8")) as { bundles: Array<{ name: string; path: string; pages: number }> };
  assert.equal(manifest.bundles.map((b) => b.name), ["2024", "2023", "2022", "2021", "2020", "2019", "2018", "2017"]);
  assert.is(manifest.bundles.reduce((n, b) => n + b.pages, 0), 47);
});

test("a word only an old article has (2017) and one only a new article has (2024) are both found, with a filter", async () => {
  const old = await search("riassorbimento", { area: "Terzo settore" });
  assert.equal(old.titles.map((t) => t.href), ["/cooperative-sociali-e-appalti-oltre-il-massimo-ribasso/"]);
  assert.is(old.status, "1 articolo trovato per «riassorbimento».");
  const recent = await search("forfettari", { area: "Terzo settore" });
  assert.equal(recent.titles.map((t) => t.href), ["/gli-enti-del-terzo-settore-e-la-riforma-fiscale/"]);
  // The filter applies in every bundle: another area leaves neither.
  assert.equal((await search("riassorbimento", { area: "Anziani" })).titles, []);
  assert.equal((await search("forfettari", { area: "Anziani" })).titles, []);
});

test("the best match comes first whatever its year: an old article with the word in its title before newer ones", async () => {
  // "domiciliare": the title of a 2018 article, and the body of articles of 2019, 2021 and 2023 (newer bundles, the first loaded).
  const { titles } = await search("domiciliare");
  assert.is(titles[0]?.href, "/assistenza-domiciliare-i-comuni-tra-voucher-e-accreditamento/", JSON.stringify(titles));
  assert.is(yearOf(titles[0]?.href ?? ""), "2018");
  const found = new Set(titles.map((t) => yearOf(t.href)));
  assert.ok(found.has("2023") && found.has("2019"), `results from several bundles: ${[...found].join(", ")}`);
  // And the other way round: "caregiver" heads a 2023 article's title, and older articles mention it.
  const caregiver = await search("caregiver");
  assert.is(caregiver.titles[0]?.href, "/caregiver-familiari-cosa-possono-fare-i-comuni/", JSON.stringify(caregiver.titles));
});

test("a query with no match says so in Italian", async () => {
  const { status, titles } = await search("zzqxwv");
  assert.equal(titles, []);
  assert.is(status, "Nessun articolo trovato per «zzqxwv».");
});

test("navigation, related boxes and footers are not indexed", async () => {
  // "Articoli correlati" heads the related box of every article page, outside the article.
  const { titles } = await search("correlati");
  assert.equal(titles, []);
});

test("without JavaScript the header form still leads to /cerca/ with the query", async () => {
  const { browser, server } = await session();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.fill("#cerca-testata", "custode");
  await page.press("#cerca-testata", "Enter");
  await page.waitForURL(/\/cerca\/\?q=custode/);
  assert.match((await page.textContent("noscript")) ?? "", /JavaScript/);
  await context.close();
});

test("search works under the Content-Security-Policy of netlify.toml", async () => {
  const config = TOML.parse(readFileSync(path.join(ROOT, "netlify.toml"), "utf8")) as { headers?: Array<{ for: string; values: Record<string, string> }> };
  const csp = config.headers?.find((h) => h.for === "/*")?.values["Content-Security-Policy"];
  assert.ok(csp, "netlify.toml sets a Content-Security-Policy for /*");
  const { browser, server } = await session();
  const context = await browser.newContext();
  const violations: string[] = [];
  await context.route("**/*", (route) => fulfillWithHeaders(route, () => ({ "content-security-policy": csp ?? "" })));
  const page = await context.newPage();
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${server.origin}/cerca/?q=custode`);
  await page.waitForSelector(".search-result .card__title a", { timeout: 15_000 });
  assert.equal(violations, []);
  await context.close();
});

test.run();
