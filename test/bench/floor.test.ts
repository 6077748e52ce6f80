import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildFloor } from "../../bench/floor.ts";
import { generateCorpus } from "../../bench/corpus.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";
import { allFiles, feed, page, ROOT, text } from "../helpers/build.ts";

// The floor builds the site its options describe, as the build does: the same archives and feeds, whatever the taxonomies are called.
const temps: string[] = [];
const tempDir = (name: string): string => {
  const d = mkdtempSync(join(tmpdir(), `editoriale-floor-${name}-`));
  temps.push(d);
  return d;
};

test("the roles fixture: the floor's archives and feeds are the build's (rubrica, argomento, firme, rubrica × argomento)", () => {
  const fixture = join(ROOT, "test/fixtures/roles");
  const out = tempDir("roles");
  const result = buildFloor({ input: join(fixture, "content"), output: out, options: resolveOptions(loadSiteData(join(fixture, "_data"))) });
  assert.equal(result.warnings, []);
  assert.is(result.articles, 7);
  const feeds = allFiles(out).filter((f) => f.endsWith("feed.xml"));
  // The same 19 feeds test/build/roles.test.ts finds in the build.
  assert.equal(feeds, [
    "argomento/anziani/feed.xml", "argomento/comuni/feed.xml", "argomento/coprogettazione/feed.xml", "argomento/poverta/feed.xml",
    "feed.xml",
    "firme/chiara-neri/feed.xml", "firme/laura-bianchi/feed.xml", "firme/marco-rossi/feed.xml",
    "rubrica/analisi/argomento/anziani/feed.xml", "rubrica/analisi/argomento/comuni/feed.xml", "rubrica/analisi/argomento/poverta/feed.xml",
    "rubrica/analisi/feed.xml",
    "rubrica/esperienze/argomento/anziani/feed.xml", "rubrica/esperienze/argomento/comuni/feed.xml", "rubrica/esperienze/argomento/coprogettazione/feed.xml",
    "rubrica/esperienze/feed.xml",
    "rubrica/opinioni/argomento/comuni/feed.xml", "rubrica/opinioni/argomento/poverta/feed.xml",
    "rubrica/opinioni/feed.xml",
  ]);
  const bergamo = feed(out, "argomento/coprogettazione/feed.xml");
  assert.is(bergamo.channel.title, "Cronache del welfare » Coprogettazione Feed dell’argomento");
  assert.equal(bergamo.items.map((i) => [i["dc:creator"], i.category]), [[["Laura Bianchi", "Marco Rossi"], ["Esperienze", "Comuni", "Coprogettazione"]]]);
  const article = page(out, "/coprogettazione-a-bergamo-un-anno-dopo/");
  assert.is(text(article.querySelector(".byline")), "Laura Bianchi, Marco Rossi | 10 marzo 2024");
  assert.equal(article.querySelectorAll(".terms li").map(text), ["Argomenti: Comuni, Coprogettazione"]);
  assert.is(text(page(out, "/argomento/poverta/").querySelector("h1")), "Articoli su “Povertà”");
});

test("Welforum's defaults: tag, area, section and author archives, area × section and area × tag, the dossier", () => {
  const content = join(tempDir("corpus"), "content");
  generateCorpus({ count: 40, seed: 3, outDir: content });
  const out = tempDir("default");
  const result = buildFloor({ input: content, output: out });
  assert.is(result.articles, 40);
  const firstSegments = new Set(allFiles(out).map((f) => f.split("/")[0]));
  for (const base of ["tag", "area", "sezione", "autori", "il-punto"]) assert.ok(firstSegments.has(base), base);
  const archives = allFiles(out).filter((f) => f.endsWith("feed.xml")).map((f) => f.replace(/[^/]+\/feed\.xml$/, "").replace(/[^/]+\/(?=[a-z]+\/$)/, "*/"));
  assert.ok(archives.includes("area/*/sezione/"), "area × section");
  assert.ok(archives.includes("area/*/tag/"), "area × tag");
  assert.ok(!archives.some((a) => a.startsWith("tag/*/") || a.startsWith("sezione/*/")), "no intersection the options do not pair");
  // dc:creator from the byline role (authors), categories from area, section and tag.
  const items = feed(out, "feed.xml").items;
  assert.is(items.length, 20);
  assert.ok(items.every((i) => Array.isArray(i["dc:creator"]) && i["dc:creator"].length > 0));
  assert.ok(items.every((i) => Array.isArray(i.category) && i.category.length >= 2));
});

test.after(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

test.run();
