import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildFixture, exists, feed, page, readOutput, text } from "../helpers/build.ts";

// Issue 15: WordPress pages became dated, authored articles (home cards, /feed.xml items, author archives).
// Pages are their own kind: `content/pagine/` or `kind: page`.

const built = buildFixture("pages");
const PAGES = ["/chi-siamo/", "/chi-siamo/redazione/", "/contatti/"];
const TITLES = ["Chi siamo", "La redazione", "Contatti"];

test("the build succeeds and writes every page at its address", () => {
  assert.is(built.status, 0, built.output);
  assert.match(built.output, /\[editoriale\] 2 articles: wrote/, "pages are not counted as articles");
  for (const url of PAGES) assert.ok(exists(built.out, `${url.slice(1)}index.html`), url);
});

test("a page has its title and body, and nothing of an article: no date, byline, terms, related", () => {
  const doc = page(built.out, "/chi-siamo/");
  assert.equal(doc.querySelectorAll("h1").map(text), ["Chi siamo"]);
  assert.match(text(doc.querySelector(".page__body")), /^Siamo un osservatorio sulle politiche sociali/);
  assert.is(doc.querySelectorAll("main time").length, 0);
  assert.is(doc.querySelectorAll(".byline, .article__meta, .article__terms, .related, .card").length, 0);
  assert.is(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), "https://prova.example/chi-siamo/");
  assert.is(doc.querySelector('meta[name="description"]')?.getAttribute("content")?.startsWith("Siamo un osservatorio"), true);
  assert.is(doc.querySelector('meta[property="og:type"]')?.getAttribute("content"), "website");
});

test("pages are never in the home page, archives, author pages or feeds", () => {
  const everywhere = ["/", "/tag/comuni/", "/autori/anna-rossi/", "/area/istituzioni-e-governance/"].map((url) => text(page(built.out, url).querySelector("main")));
  for (const title of TITLES) for (const main of everywhere) assert.not.ok(main.includes(title), `${title} listed`);
  for (const file of ["feed.xml", "tag/comuni/feed.xml", "autori/anna-rossi/feed.xml"]) {
    const { items } = feed(built.out, file);
    assert.ok(items.length > 0, file);
    for (const item of items) assert.not.ok(TITLES.includes(String(item.title)), `${file}: ${String(item.title)}`);
  }
  assert.is(feed(built.out, "feed.xml").items.length, 2);
});

test("pages are in the sitemap (with their date when they have one); their aliases and WordPress id redirect", () => {
  const sitemap = readOutput(built.out, "sitemap.xml");
  for (const url of PAGES) assert.ok(sitemap.includes(`<loc>https://prova.example${url}</loc>`), url);
  assert.match(sitemap, /<loc>https:\/\/prova\.example\/chi-siamo\/redazione\/<\/loc><lastmod>2024-02-01T00:00:00\+01:00<\/lastmod>/);
  assert.match(sitemap, /<loc>https:\/\/prova\.example\/chi-siamo\/<\/loc><\/url>/, "no date, no lastmod");
  const redirects = readOutput(built.out, "_redirects").split("\n");
  assert.ok(redirects.includes("/contattaci/ /contatti/ 301!"), redirects.join("\n"));
  assert.ok(redirects.includes("/ p=12 /contatti/ 301!"), redirects.join("\n"));
});

test("media files of the content folder are published at /media/", () => {
  assert.is(readOutput(built.out, "media/2024/01/regolamento.txt"), "Regolamento della redazione: testo di prova.\n");
  const link = page(built.out, "/contatti/").querySelector('.page__body a[href="/media/2024/01/regolamento.txt"]');
  assert.ok(link);
});

test("a sticky article heads the home page; feeds keep date order", () => {
  const titles = page(built.out, "/").querySelectorAll("main .card__title").map(text);
  assert.equal(titles.slice(0, 2), ["Una guida sempre in evidenza", "Il welfare dei Comuni nel 2024"], titles.join(" | "));
  assert.equal(feed(built.out, "feed.xml").items.map((i) => String(i.title)), ["Il welfare dei Comuni nel 2024", "Una guida sempre in evidenza"]);
  assert.equal(page(built.out, "/tag/comuni/").querySelectorAll("main .card__title").map(text), ["Il welfare dei Comuni nel 2024", "Una guida sempre in evidenza"]);
});

test.run();
