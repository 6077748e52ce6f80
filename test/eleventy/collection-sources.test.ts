/** The adapter of collection mode: Eleventy collection items → the site model's sources (src/eleventy/collection-mode/sources.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { collectionSources, type CollectionItem } from "../../src/eleventy/collection-mode/sources.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { buildSiteModel } from "../../src/core/site-model.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { EditorialeError } from "../../src/core/errors.ts";

const options = resolveOptions({ site: { title: "Blog di prova", url: "https://blog.example" }, collection: "articoli", pageSize: 2 });
const md = createMarkdown();

function item(file: string, data: Record<string, unknown>, extra: Partial<CollectionItem> = {}): CollectionItem {
  return { inputPath: `./content/blog/${file}.md`, url: `/blog/${file}/`, date: new Date("2024-03-12T00:00:00Z"), data, rawInput: "", ...extra };
}

test("title, the item's date (not the data's), URL and file are handed over; Eleventy's other data is not", () => {
  const [source, ...rest] = collectionSources(
    [item("reddito-minimo", { title: "Il reddito minimo", date: "ultima modifica", layout: "layouts/post.njk", permalink: "/{{ page.fileSlug }}/", image: "/img/x.jpg", page: {} })],
    options.taxonomies, "articoli",
  );
  assert.equal(rest, []);
  assert.is(source?.kind, "article");
  assert.is(source?.file, "./content/blog/reddito-minimo.md");
  assert.is(source?.url, "/blog/reddito-minimo/");
  assert.equal(source?.data, { title: "Il reddito minimo", date: new Date("2024-03-12T00:00:00Z"), slug: "reddito-minimo" });
});

test("a migrated post's aliases and wp_id, updated, rubric and sticky are handed over", () => {
  const updated = new Date("2024-04-01T00:00:00Z");
  const [source] = collectionSources([item("a", { title: "A", aliases: ["/2024/03/a/"], wp_id: 12, updated, rubric: "Il punto", sticky: true })], options.taxonomies, "articoli");
  assert.equal(source?.data, { title: "A", date: new Date("2024-03-12T00:00:00Z"), updated, rubric: "Il punto", sticky: true, aliases: ["/2024/03/a/"], wp_id: 12, slug: "a" });
});

test("tags naming collections (posts, all, the collection option's own) are dropped; the other taxonomy fields kept as written", () => {
  const [source] = collectionSources(
    [item("a", { title: "A", tags: ["posts", "all", "articoli", "Comuni", "Povertà"], area: "Terzo settore", authors: ["Anna Rossi"], section: "Esperienze" })],
    options.taxonomies, "articoli",
  );
  assert.equal(source?.data.tags, ["Comuni", "Povertà"]);
  assert.is(source?.data.area, "Terzo settore");
  assert.equal(source?.data.authors, ["Anna Rossi"]);
  assert.is(source?.data.section, "Esperienze");
  const [only] = collectionSources([item("b", { title: "B", tags: "posts" })], options.taxonomies, "articoli");
  assert.is(only?.data.tags, undefined);
});

test("excerpt: `excerpt`, else `description`, else the raw input without template tags (blank ones skipped)", () => {
  const sources = collectionSources([
    item("a", { title: "A", excerpt: "Dal campo excerpt.", description: "Dalla descrizione." }),
    item("b", { title: "B", excerpt: "  ", description: "Dalla descrizione." }),
    item("c", { title: "C" }, { rawInput: '{% fonte "ISTAT", 2023 %}\n\nIl primo paragrafo {{ nome }}vero.{# nota #}\n\nIl secondo.' }),
  ], options.taxonomies, "articoli");
  assert.equal(sources.map((s) => s.data.excerpt), ["Dal campo excerpt.", "Dalla descrizione.", undefined]);
  assert.is(sources[2]?.markdown, "\n\nIl primo paragrafo vero.\n\nIl secondo.");
  const model = buildSiteModel(sources, options, md);
  assert.equal(model.articles.map((a) => a.excerpt).sort(), ["Dal campo excerpt.", "Dalla descrizione.", "Il primo paragrafo vero."]);
});

test("a page without URL (permalink: false) is left out; a URL segment that is no slug gives no slug", () => {
  const sources = collectionSources([
    item("a", { title: "A" }, { url: false }),
    item("b", { title: "Il titolo" }, { url: "/" }),
  ], options.taxonomies, "articoli");
  assert.is(sources.length, 1);
  assert.is(sources[0]?.data.slug, undefined);
});

test("into the model: archives per tag, paginated by pageSize, URLs Eleventy's; no archive of the collection's own tag", () => {
  const sources = collectionSources([
    item("uno", { title: "Uno", tags: ["articoli", "Comuni"] }, { date: new Date("2024-01-01T00:00:00Z") }),
    item("due", { title: "Due", tags: ["articoli", "Comuni"] }, { date: new Date("2024-02-01T00:00:00Z") }),
    item("tre", { title: "Tre", tags: ["articoli", "Comuni", "Anziani"] }, { date: new Date("2024-03-01T00:00:00Z") }),
  ], options.taxonomies, "articoli");
  const model = buildSiteModel(sources, options, md);
  assert.equal(model.articles.map((a) => a.url), ["/blog/tre/", "/blog/due/", "/blog/uno/"]);
  assert.equal(model.archives.filter((a) => a.kind === "term").map((a) => a.url), ["/tag/anziani/", "/tag/comuni/"]);
  assert.equal(model.pages.map((p) => p.url), ["/", "/page/2/", "/tag/anziani/", "/tag/comuni/", "/tag/comuni/page/2/"]);
  assert.is(model.dossiers.length, 0);
  assert.not.ok(model.indexes.some((l) => l.url === "/il-punto/"), "dossiers are off in collection mode");
});

test("a post without title is one problem naming its file", () => {
  try {
    buildSiteModel(collectionSources([item("senza-titolo", {})], options.taxonomies, "articoli"), options, md);
    assert.unreachable("no error");
  } catch (error) {
    assert.instance(error, EditorialeError);
    assert.equal((error as EditorialeError).problems.map((p) => `${p.file} → ${p.field}`), ["./content/blog/senza-titolo.md → title"]);
  }
});

test("options: collection mode turns search off by default and lets a site opt in; layout and the opt-ins only apply there", () => {
  assert.is(options.search, false);
  assert.is(options.home, false);
  assert.is(resolveOptions({ site: { title: "T", url: "https://t.example" } }).search, true);
  const messages = (input: unknown) => {
    try {
      resolveOptions(input);
      return [];
    } catch (error) {
      return (error as EditorialeError).problems.map((p) => `${p.field}: ${p.message}`);
    }
  };
  assert.equal(messages({ site: { title: "T", url: "https://t.example" }, collection: "posts", search: true }), []);
  assert.is(resolveOptions({ site: { title: "T", url: "https://t.example" }, collection: "posts", search: true }).search, true);
  assert.equal(messages({ site: { title: "T", url: "https://t.example" }, layout: "layouts/base.njk", home: true }), [
    "layout: only applies in collection mode (with `collection`); content mode always writes its own pages",
    "home: only applies in collection mode (with `collection`); content mode always writes its own pages",
  ]);
  assert.equal(messages({ site: { title: "T", url: "https://t.example" }, collection: "posts", layuot: "x" }), ["layuot: unknown option. Did you mean layout?"]);
});

test.run();
