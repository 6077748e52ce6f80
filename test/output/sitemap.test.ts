import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parse } from "node-html-parser";
import { buildSite, htmlFiles, ROOT, urlOf } from "./build-site.ts";

/** The sitemaps.org 0.9 schema, as shipped by the `sitemap` package. */
const XSD = path.join(ROOT, "node_modules/sitemap/schema/sitemap.xsd");
const XMLLINT = "/usr/bin/xmllint";
/** W3C datetime as sitemaps.org allows it: a date, or a date-time with a zone. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const { out, siteUrl } = buildSite();
const sitemapFile = path.join(out, "sitemap.xml");

interface UrlEntry {
  loc: string;
  lastmod?: string;
}

function entries(): UrlEntry[] {
  const parsed = new XMLParser({ parseTagValue: false, isArray: (name) => name === "url" }).parse(readFileSync(sitemapFile, "utf8")) as {
    urlset: { url?: UrlEntry[] };
  };
  return parsed.urlset.url ?? [];
}

function xmllint(schema: string, file: string): { ok: boolean; output: string } {
  if (!existsSync(XMLLINT)) throw new Error(`xmllint not found at ${XMLLINT}: install libxml2-utils ("apt-get install -y libxml2-utils").`);
  try {
    const output = execFileSync(XMLLINT, ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8", stdio: "pipe" });
    return { ok: true, output };
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    return { ok: false, output: stderr ?? String(error) };
  }
}

test("sitemap.xml is valid against the sitemaps.org schema (xmllint --schema)", () => {
  const result = xmllint(XSD, sitemapFile);
  assert.ok(result.ok, result.output);
});

test("the schema check can fail: a <lastmod> that is not a W3C date is refused", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sitemap-"));
  const bad = path.join(dir, "bad.xml");
  writeFileSync(bad, '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/</loc><lastmod>29 marzo 2018</lastmod></url></urlset>\n');
  const result = xmllint(XSD, bad);
  rmSync(dir, { recursive: true, force: true });
  assert.not.ok(result.ok);
});

test("the sitemap lists exactly the canonical URL of every indexable page, once", () => {
  const locs = entries().map((e) => e.loc);
  assert.is(new Set(locs).size, locs.length, "a URL is listed twice");
  const canonical: string[] = [];
  for (const file of htmlFiles(out)) {
    const doc = parse(readFileSync(path.join(out, file), "utf8"));
    if (doc.querySelector('meta[name="robots"]')?.getAttribute("content")?.includes("noindex")) continue;
    const href = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
    assert.is(href, siteUrl + urlOf(file), `${file}: canonical`);
    canonical.push(href ?? "");
  }
  assert.ok(canonical.length > 100, `only ${canonical.length} pages`);
  assert.equal([...locs].sort(), canonical.sort());
});

test("every page has its last modification as a W3C datetime", () => {
  const all = entries();
  for (const e of all) if (e.lastmod !== undefined) assert.match(e.lastmod, W3C_DATETIME, e.loc);
  const missing = all.filter((e) => e.lastmod === undefined).map((e) => e.loc);
  assert.equal(missing, []);
  // An index page's lastmod is the newest of the archives under it.
  assert.is(all.find((e) => e.loc === `${siteUrl}/il-punto/`)?.lastmod !== undefined, true);
  const article = all.find((e) => e.loc === `${siteUrl}/il-punto/coprogettazione-e-non-solo/lecco-una-storia-di-coprogettazione/`);
  assert.is(article?.lastmod, "2018-03-29T00:00:00+02:00");
});

test("robots.txt names the sitemap by its absolute URL", () => {
  const robots = readFileSync(path.join(out, "robots.txt"), "utf8");
  assert.match(robots, new RegExp(`^Sitemap: ${siteUrl.replace(/[.]/g, "\\.")}/sitemap\\.xml$`, "m"));
});

test.run();
