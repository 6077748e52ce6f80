import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshTree, readTree } from "../helpers/read-tree.ts";
import { generateCorpus } from "../../bench/corpus.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { relatedByRoles } from "../../src/core/related.ts";
import { buildSiteModel, type SiteModel } from "../../src/core/site-model.ts";
import { contentReader } from "../../src/eleventy/content-files.ts";
import { frontMatterEngine } from "../../src/eleventy/front-matter-engine.ts";
import type { WriteReport } from "../../src/eleventy/output-writer.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";
import { outputPath } from "../../src/core/output-path.ts";
import { ContentBuilder } from "../../src/eleventy/content-builder.ts";

// `npm start` rebuilds, without Eleventy: the builder the plugin calls before each build, on a
// generated corpus of 80 articles and one dossier, in a temporary folder (search off: no Pagefind here).
const work = mkdtempSync(path.join(tmpdir(), "editoriale-rebuild-test-"));
const input = path.join(work, "content");
generateCorpus({ count: 80, seed: 5, outDir: input });
const options = resolveOptions({ ...loadSiteData(path.join(import.meta.dirname, "../../_data")), search: false });

interface Run {
  model: SiteModel;
  report: WriteReport;
  /** Outputs rendered, by path. */
  rendered: Set<string>;
}

/** One process of `npm start`: the plugin's own builder, whose caches live as long as the returned function. */
function server(output: string) {
  const builder = new ContentBuilder(options, createMarkdown(), () => undefined);
  return async (remember = true): Promise<Run> => {
    const rendered = new Set<string>();
    const { theme, report } = await builder.build({
      input,
      output,
      runMode: remember ? "serve" : "build",
      dryRun: false,
      log: () => undefined,
      rendered: (o) => void rendered.add(o.path),
    });
    if (!report) throw new Error("a dry run");
    return { model: theme.model, report, rendered };
  };
}

/** The site a fresh one-off build writes now: what every rebuild must leave on disk. */
function freshBuild(): Promise<Map<string, string>> {
  return freshTree(work, (out) => server(out)(false));
}

let edits = 0;
/** Rewrites a content file (and moves its modification time on, as an editor's save does). */
function edit(file: string, change: (text: string) => string): void {
  const full = path.join(input, file);
  writeFileSync(full, change(readFileSync(full, "utf8")));
  const later = new Date(Date.UTC(2030, 0, 1) + ++edits * 1000);
  utimesSync(full, later, later);
}

const fileOf = (model: SiteModel, url: string) => path.relative(input, path.resolve(model.articles.find((a) => a.url === url)?.file ?? ""));

/** Outputs rendered at every build whatever changed: cheap, and they show site-wide data (the sitemap has a signature: its entries). */
function alwaysRendered(model: SiteModel): string[] {
  const paths = ["404.html", "robots.txt", "_redirects", ...model.indexes.map((l) => outputPath(l.url))];
  for (const page of model.pages) if (page.archive.kind === "dossier" || (page.archive.kind === "home" && page.page.pageNumber === 1)) paths.push(outputPath(page.url));
  return paths;
}

const feedsListing = (model: SiteModel, url: string) =>
  model.archives.filter((a) => [...a.articles].sort((x, y) => y.date.getTime() - x.date.getTime()).slice(0, options.feedSize).some((x) => x.url === url)).map((a) => outputPath(a.feedUrl));
const pagesListing = (model: SiteModel, url: string) => model.pages.filter((p) => p.page.items.some((x) => x.url === url)).map((p) => outputPath(p.url));
const relatedShowing = (model: SiteModel, url: string) =>
  model.articles.filter((a) => relatedByRoles(a, options.roles, options.relatedCount).some((x) => x.url === url)).map((a) => outputPath(a.url));
const sorted = (paths: Iterable<string>) => [...new Set(paths)].sort();

const out = path.join(work, "site");
const start = server(out);

test("the first build renders and writes everything; an unchanged rebuild renders only the site-wide outputs and writes nothing", async () => {
  const first = await start();
  assert.is(first.report.written, first.rendered.size);
  assert.is(first.report.skipped, 0);
  const again = await start();
  assert.equal(sorted(again.rendered), sorted(alwaysRendered(again.model)));
  assert.is(again.report.written, 0);
  assert.is(again.report.skipped + again.rendered.size, first.rendered.size);
});

test("an edit to an article's body renders its page and the feeds that carry it, nothing else", async () => {
  const before = await start();
  // An article that is no dossier part and not in the home's first page (which is always rendered).
  const article = before.model.articles.find((a, i) => i > options.pageSize && !a.dossier);
  assert.ok(article);
  edit(fileOf(before.model, article.url), (text) => `${text}\nUn paragrafo aggiunto in fondo.\n`);
  const after = await start();
  const expected = [outputPath(article.url), ...feedsListing(after.model, article.url)];
  assert.equal(sorted(after.rendered), sorted([...alwaysRendered(after.model), ...expected]));
  assert.ok(expected.length >= 3, "the article is in several feeds");
  assert.is(after.report.written, expected.length);
  assert.equal(readTree(out), await freshBuild());
});

test("an edit to an article's title renders the pages, feeds and related boxes that show it, and removes its old page", async () => {
  const before = await start();
  const article = before.model.articles.find((a, i) => i > options.pageSize && !a.dossier && relatedShowing(before.model, a.url).length > 0);
  assert.ok(article);
  // No `slug:` in the corpus: the new title is a new address.
  edit(fileOf(before.model, article.url), (text) => text.replace(/^title: .*$/m, 'title: "Un titolo tutto nuovo"'));
  const after = await start();
  const renamed = after.model.articles.find((a) => a.file === article.file);
  assert.ok(renamed);
  assert.is(renamed.url, "/un-titolo-tutto-nuovo/");
  const expected = [
    outputPath(renamed.url), ...pagesListing(before.model, article.url), ...pagesListing(after.model, renamed.url),
    ...feedsListing(after.model, renamed.url), ...relatedShowing(before.model, article.url), ...relatedShowing(after.model, renamed.url),
    // A new address is a new sitemap entry.
    "sitemap.xml",
  ];
  assert.equal(sorted(after.rendered), sorted([...alwaysRendered(after.model), ...expected]));
  assert.ok(after.rendered.size < after.report.skipped / 5, "a small part of the site");
  assert.is(after.report.removed, 1);
  assert.equal(readTree(out), await freshBuild());
});

test("an edit to an article's tags and date: the archives it leaves and joins follow, and the site equals a fresh build", async () => {
  const before = await start();
  const article = before.model.articles.find((a, i) => i > 20 && !a.dossier);
  assert.ok(article);
  const oldPages = pagesListing(before.model, article.url);
  edit(fileOf(before.model, article.url), (text) => text.replace(/^tags: .*$/m, 'tags: ["Comuni", "Un tag tutto nuovo"]').replace(/^date: .*$/m, "date: 2031-05-05"));
  const after = await start();
  const stillThere = new Set(after.model.pages.map((p) => outputPath(p.url)));
  const left = oldPages.filter((p) => stillThere.has(p));
  assert.ok(left.length < oldPages.length && left.length > 0, "it leaves an archive that ends with it, and others that go on");
  // A new date is a new lastmod in the sitemap.
  for (const p of [...left, ...pagesListing(after.model, article.url), "tag/un-tag-tutto-nuovo/feed.xml", "sitemap.xml"]) assert.ok(after.rendered.has(p), p);
  assert.ok(after.report.removed > 0);
  assert.equal(readTree(out), await freshBuild());
});

test("a dossier part's title reaches the other parts' dossier boxes", async () => {
  const before = await start();
  const dossier = before.model.dossiers[0];
  const part = dossier?.parts[0];
  assert.ok(dossier && part && dossier.parts.length > 1);
  edit(fileOf(before.model, part.url), (text) => text.replace(/^title: .*$/m, 'title: "Parte prima, nuovo titolo"'));
  const after = await start();
  const parts = after.model.dossiers[0]?.parts ?? [];
  assert.is(parts.length, dossier.parts.length);
  for (const other of parts) assert.ok(after.rendered.has(outputPath(other.url)), other.url);
  assert.equal(readTree(out), await freshBuild());
});

test("unchanged files are not read again: no excerpt is parsed on a rebuild", async () => {
  const md = createMarkdown();
  let parses = 0;
  const parse = md.parse.bind(md);
  md.parse = (src, env) => (parses++, parse(src, env));
  const read = contentReader(frontMatterEngine(options, () => input));
  const first = buildSiteModel(read(input, "serve"), options, md);
  assert.ok(parses >= first.articles.length / 2, `${parses} parses`);
  parses = 0;
  buildSiteModel(read(input, "serve"), options, md);
  assert.is(parses, 0);
  // An article whose excerpt is its first paragraph: reading it again parses its opening.
  const plain = first.articles.find((a) => !readFileSync(a.file, "utf8").includes("\nexcerpt:"));
  assert.ok(plain);
  edit(fileOf(first, plain.url), (text) => `${text}\nUn paragrafo aggiunto in fondo.\n`);
  buildSiteModel(read(input, "serve"), options, md);
  assert.ok(parses >= 1 && parses <= 2, `${parses} parses`);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
