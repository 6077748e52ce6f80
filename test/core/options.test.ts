import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { closestName, editDistance } from "../../src/core/closest-name.ts";
import { optionProblems as problems } from "../helpers/option-problems.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";

const site = { title: "Sito", url: "https://s.example/" };

test("defaults: 10 a page, 20 a feed, four taxonomies, two intersections, Italian words", () => {
  const o = resolveOptions({ site });
  assert.is(o.pageSize, 10);
  assert.is(o.feedSize, 20);
  assert.is(o.site.url, "https://s.example");
  assert.equal(o.taxonomies.map((t) => `${t.key}:/${t.base}/`), ["area:/area/", "section:/sezione/", "tag:/tag/", "author:/autori/"]);
  assert.equal(o.intersections.map(([a, b]) => `${a.key}×${b.key}`), ["area×section", "area×tag"]);
  assert.is(o.words.olderPosts, "Articoli meno recenti");
});

test("a bad option fails with a sentence naming it", () => {
  assert.throws(() => resolveOptions({ site, pageSize: 0 }), /editoriale options → pageSize: .*Fix/);
  assert.throws(() => resolveOptions({ site: { title: "Sito", url: "non un url" } }), /site\.url/);
  assert.throws(() => resolveOptions({ site, intersections: [["area", "regione"]] }), /intersections: \["area", "regione"\] must name two different taxonomies/);
  assert.throws(() => resolveOptions({ site, words: { leggi: "x" } }), /words\.leggi: there is no word "leggi"/);
  assert.throws(() => resolveOptions({ site, terms: { regione: {} } }), /terms\.regione: there is no taxonomy "regione"/);
});

test("words can be overridden one by one", () => {
  const o = resolveOptions({ site, words: { readMore: "Continua" } });
  assert.is(o.words.readMore, "Continua");
  assert.is(o.words.newerPosts, "Articoli più recenti");
});

test("an unknown top-level option names the closest valid one (feedsize → feedSize)", () => {
  assert.equal(problems({ site, feedsize: 5 }), [
    "editoriale options → feedsize: unknown option. Did you mean feedSize? Fix: rename it to `feedSize`, or remove it",
  ]);
});

test("unknown options at every level, all reported in one run", () => {
  const found = problems({
    site: { ...site, titel: "Sito" },
    pagesize: 5,
    taxonomies: [{ key: "tag", field: "tags", base: "tag", lable: "Tag" }],
    terms: { tag: { Comuni: { descrption: "I Comuni" } } },
    dossiers: { folder: "il-punto", rubirc: "Il Punto" },
  });
  assert.equal(found.map((line) => (line.split(" Fix:")[0] ?? "").replace(/\.$/, "")), [
    "editoriale options → site.titel: unknown option. Did you mean title?",
    "editoriale options → taxonomies.0.lable: unknown option. Did you mean label?",
    "editoriale options → terms.tag.Comuni.descrption: unknown option. Did you mean description?",
    "editoriale options → dossiers.rubirc: unknown option. Did you mean rubric?",
    "editoriale options → pagesize: unknown option. Did you mean pageSize?",
  ]);
});

test("an unknown option with no near name lists the valid ones instead of guessing", () => {
  const [line, ...rest] = problems({ site: { ...site, logo: "x.png" } });
  assert.is(rest.length, 0);
  assert.is(line, "editoriale options → site.logo: unknown option. Valid options in site: title, url, description, language, timeZone. Fix: remove it, or correct its name");
});

test("a bad value still gets its own sentence next to an unknown option", () => {
  const found = problems({ site, pageSize: 0, feedsize: 3 });
  assert.is(found.length, 2);
  assert.match(found[0] ?? "", /^editoriale options → pageSize: Too small/);
  assert.match(found[1] ?? "", /^editoriale options → feedsize: unknown option\. Did you mean feedSize\?/);
});

test("contentFolder: a folder inside Eleventy's input; contentGlob, never read, is gone", () => {
  assert.is(resolveOptions({ site, contentFolder: "articoli" }).contentFolder, "articoli");
  assert.is(resolveOptions({ site }).contentFolder, "");
  assert.throws(() => resolveOptions({ site, contentFolder: "../fuori" }), /contentFolder: a folder inside Eleventy's input/);
  assert.throws(() => resolveOptions({ site, contentGlob: "**/*.md" }), /contentGlob: unknown option/);
});

test("the sample site's and every fixture's site data are valid options", () => {
  const root = path.join(import.meta.dirname, "../..");
  const dirs = [path.join(root, "_data"), ...readdirSync(path.join(root, "test/fixtures")).map((name) => path.join(root, "test/fixtures", name, "_data"))];
  const checked = dirs.filter((dir) => existsSync(path.join(dir, "site.json")));
  assert.ok(checked.length >= 9, `only ${checked.length} data folders found`);
  for (const dir of checked) {
    const options = loadSiteData(dir);
    // bad-input's data is valid: its mistakes are in the articles.
    assert.not.throws(() => resolveOptions(options), dir);
  }
});

test("closestName: case, one typo, a swap; nothing when too far", () => {
  assert.is(closestName("feedsize", ["pageSize", "feedSize"]), "feedSize");
  assert.is(closestName("titel", ["title", "url"]), "title");
  assert.is(closestName("lable", ["label", "key"]), "label");
  assert.is(closestName("collection", ["site", "pageSize", "dossiers"]), undefined);
  assert.is(closestName("x", []), undefined);
  assert.is(editDistance("abc", "acb"), 1);
  assert.is(editDistance("", "abc"), 3);
  assert.is(editDistance("kitten", "sitting"), 3);
});

test.run();
