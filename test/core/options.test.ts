import { test } from "uvu";
import * as assert from "uvu/assert";
import { resolveOptions } from "../../src/core/options.ts";

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

test.run();
