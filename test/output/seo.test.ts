import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { jsonForScript } from "../../src/core/html.ts";
import { buildSite, htmlFiles, urlOf } from "./build-site.ts";
import { isThemeScript } from "../helpers/build.ts";

type Json = Record<string, unknown>;

interface Page {
  file: string;
  url: string;
  html: string;
  doc: HTMLElement;
}

function pages(out: string): Page[] {
  return htmlFiles(out).map((file) => {
    const html = readFileSync(path.join(out, file), "utf8");
    return { file, url: urlOf(file), html, doc: parse(html) };
  });
}

const meta = (doc: HTMLElement, key: string) =>
  doc.querySelector(`meta[property="${key}"]`)?.getAttribute("content") ?? doc.querySelector(`meta[name="${key}"]`)?.getAttribute("content");

/** Every JSON-LD block of a page, parsed; throws with the file name when one does not parse. */
function jsonLd(page: Page): Json[] {
  return page.doc.querySelectorAll('script[type="application/ld+json"]').map((script) => {
    try {
      return JSON.parse(script.rawText) as Json;
    } catch (error) {
      throw new Error(`${page.file}: JSON-LD does not parse: ${String(error)}`);
    }
  });
}

const ofType = (blocks: Json[], type: string) => blocks.filter((b) => b["@type"] === type);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const sample = buildSite();
const sitePages = pages(sample.out);

test("every page: lang=it-IT (site.json's language), one <h1>, title, description, canonical, Open Graph and Twitter card", () => {
  assert.ok(sitePages.length > 100, `only ${sitePages.length} pages`);
  for (const { file, url, doc } of sitePages) {
    const canonical = sample.siteUrl + url;
    assert.is(doc.querySelector("html")?.getAttribute("lang"), "it-IT", file);
    assert.is(doc.querySelectorAll("h1").length, 1, `${file}: one <h1>`);
    assert.ok(doc.querySelector("title")?.text.trim(), `${file}: <title>`);
    assert.ok(meta(doc, "description")?.trim(), `${file}: meta description`);
    assert.is(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), canonical, `${file}: canonical`);
    assert.is(meta(doc, "og:url"), canonical, `${file}: og:url`);
    assert.ok(["website", "article"].includes(meta(doc, "og:type") ?? ""), `${file}: og:type`);
    for (const key of ["og:title", "og:description", "og:site_name", "twitter:card", "twitter:title", "twitter:description"]) {
      assert.ok(meta(doc, key)?.trim(), `${file}: ${key}`);
    }
    assert.is(meta(doc, "og:locale"), "it_IT", file);
  }
});

test("every JSON-LD block parses; articles carry Article (author, dates), BreadcrumbList and article:* Open Graph", () => {
  let articles = 0;
  for (const page of sitePages) {
    const blocks = jsonLd(page);
    for (const b of blocks) assert.is(b["@context"], "https://schema.org", page.file);
    if (meta(page.doc, "og:type") !== "article") continue;
    articles++;
    const [article, ...others] = ofType(blocks, "Article");
    assert.ok(article, `${page.file}: Article`);
    assert.is(others.length, 0, page.file);
    assert.is(article?.["headline"], page.doc.querySelector("h1")?.text, `${page.file}: headline is the <h1>`);
    assert.match(String(article?.["datePublished"]), ISO, page.file);
    assert.match(String(article?.["dateModified"]), ISO, page.file);
    assert.is(article?.["mainEntityOfPage"], sample.siteUrl + page.url, page.file);
    assert.is(meta(page.doc, "article:published_time"), article?.["datePublished"], `${page.file}: og article:published_time`);
    assert.is(meta(page.doc, "article:modified_time"), article?.["dateModified"], page.file);
    const authors = article?.["author"] as Json[] | undefined;
    assert.ok(Array.isArray(authors) && authors.length > 0, `${page.file}: author`);
    for (const a of authors ?? []) assert.ok(a["@type"] === "Person" && typeof a["name"] === "string" && a["name"] !== "", page.file);
    const crumbs = ofType(blocks, "BreadcrumbList")[0]?.["itemListElement"] as Json[] | undefined;
    assert.ok(crumbs && crumbs.length >= 2, `${page.file}: BreadcrumbList`);
    assert.is(crumbs?.at(-1)?.["item"], sample.siteUrl + page.url, `${page.file}: last crumb is the page`);
    assert.equal(crumbs?.map((c) => c["position"]), crumbs?.map((_, i) => i + 1), page.file);
  }
  assert.ok(articles >= 30, `only ${articles} articles`);
});

test("every archive page is a CollectionPage with its canonical URL, and announces its feed", () => {
  let archives = 0;
  for (const page of sitePages) {
    if (!page.doc.querySelector(".archive")) continue;
    archives++;
    const [collection] = ofType(jsonLd(page), "CollectionPage");
    assert.ok(collection, `${page.file}: CollectionPage`);
    assert.is(collection?.["url"], sample.siteUrl + page.url, page.file);
    assert.is(collection?.["name"], page.doc.querySelector("h1")?.text, page.file);
    const feeds = page.doc.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]');
    assert.ok(feeds.length >= 1, `${page.file}: feed link`);
  }
  assert.ok(archives > 100, `only ${archives} archive pages`);
});

test("JSON-LD escapes </script>: a hostile title stays inside its script and round-trips", () => {
  const hostile = 'Un <script>alert(1)</script> & "virgolette" ]]> fine';
  const fixture = buildSite("basic");
  const all = pages(fixture.out);
  const article = all.find((p) => p.doc.querySelector("h1")?.text === hostile);
  assert.ok(article, "the hostile article is built, its <h1> is the literal title");
  for (const page of all) {
    // Only our own scripts exist: JSON-LD; none is closed early and no <script> comes from the text.
    const opened = page.html.match(/<script\b/gi)?.length ?? 0;
    const closed = page.html.match(/<\/script/gi)?.length ?? 0;
    assert.is(closed, opened, `${page.file}: a </script> from the text`);
    assert.is(page.doc.querySelectorAll("script").filter((s) => !isThemeScript(page.file, s)).length, 0, page.file);
    for (const script of page.doc.querySelectorAll('script[type="application/ld+json"]')) {
      assert.not.match(script.rawText, /<\/?script|<!--/i, page.file);
    }
  }
  const blocks = jsonLd(article!);
  assert.is(ofType(blocks, "Article")[0]?.["headline"], hostile);
  const crumbs = ofType(blocks, "BreadcrumbList")[0]?.["itemListElement"] as Json[];
  assert.is(crumbs.at(-1)?.["name"], hostile);
});

test("jsonForScript: no '<', '>' or '&' survives, and the JSON round-trips (this test can fail)", () => {
  const data = { title: "</script><!-- & -->\u2028", n: 1 };
  const text = jsonForScript(data).value;
  assert.not.match(text, /[<>&\u2028]/);
  assert.equal(JSON.parse(text), data);
});

test.run();
