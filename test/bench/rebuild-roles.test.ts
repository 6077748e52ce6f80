import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshTree, readTree } from "../helpers/read-tree.ts";
import { generateCorpus } from "../../bench/corpus.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { outputPath } from "../../src/core/output-path.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { relatedByRoles } from "../../src/core/related.ts";
import type { SiteModel } from "../../src/core/site-model.ts";
import { ContentBuilder } from "../../src/eleventy/content-builder.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";

// `npm start` on a site whose taxonomies are its own (test/fixtures/roles' options: firme, rubrica, argomento):
// a rebuild follows the roles, so the related articles it keeps are the argomenti's, and the site on disk
// after each edit is the one a fresh build writes. 60 generated articles in those fields, search off.
const work = mkdtempSync(path.join(tmpdir(), "editoriale-rebuild-roles-"));
const input = path.join(work, "content");
const options = resolveOptions({ ...loadSiteData(path.join(import.meta.dirname, "../fixtures/roles/_data")), search: false });
generateCorpus({ count: 60, seed: 5, outDir: input, options });

function server(output: string) {
  const builder = new ContentBuilder(options, createMarkdown(), () => undefined);
  return async (remember = true): Promise<{ model: SiteModel; rendered: Set<string> }> => {
    const rendered = new Set<string>();
    const { theme } = await builder.build({ input, output, runMode: remember ? "serve" : "build", dryRun: false, log: () => undefined, rendered: (o) => void rendered.add(o.path) });
    return { model: theme.model, rendered };
  };
}

function freshBuild(): Promise<Map<string, string>> {
  return freshTree(work, (out) => server(out)(false));
}

let edits = 0;
function edit(source: string, change: (text: string) => string): void {
  const file = path.resolve(source);
  const text = readFileSync(file, "utf8");
  const changed = change(text);
  assert.is.not(changed, text, `${file}: the edit changed nothing`);
  writeFileSync(file, changed);
  const later = new Date(Date.UTC(2030, 0, 1) + ++edits * 1000);
  utimesSync(file, later, later);
}

const relatedShowing = (model: SiteModel, url: string) =>
  model.articles.filter((a) => relatedByRoles(a, options.roles, options.relatedCount).some((x) => x.url === url)).map((a) => outputPath(a.url));

const out = path.join(work, "site");
const start = server(out);

test("the corpus is in the roles' fields, and the first build writes their archives", async () => {
  const { model } = await start();
  assert.is(model.articles.length, 60);
  const first = model.articles[0];
  assert.ok(first);
  assert.match(readFileSync(first.file, "utf8"), /^firme: /m);
  assert.match(readFileSync(first.file, "utf8"), /^argomenti: \[/m);
  const bases = new Set(readdirSync(out));
  for (const base of ["argomento", "firme", "rubrica"]) assert.ok(bases.has(base), base);
  for (const base of ["tag", "autori", "area", "sezione"]) assert.not.ok(bases.has(base), base);
});

test("new argomenti on an article: the related boxes it leaves and joins are rendered again, and the site equals a fresh build", async () => {
  const before = await start();
  const article = before.model.articles.find((a, i) => i > options.pageSize && !a.dossier && relatedShowing(before.model, a.url).length > 0);
  assert.ok(article);
  // The argomenti of the newest article: it now shares them all, and shows among its related articles.
  const newest = before.model.articles.find((a) => a !== article && !a.dossier);
  assert.ok(newest);
  const names = (newest.terms["argomento"] ?? []).map((t) => JSON.stringify(t.name));
  edit(article.file, (text) => text.replace(/^argomenti: .*$/m, `argomenti: [${names.join(", ")}]`));
  const after = await start();
  const changed = [...relatedShowing(before.model, article.url), ...relatedShowing(after.model, article.url)];
  assert.ok(relatedShowing(after.model, article.url).includes(outputPath(newest.url)), "the newest article now lists it");
  for (const p of changed) assert.ok(after.rendered.has(p), p);
  assert.equal(readTree(out), await freshBuild());
});

test("a new rubrica (the label): its archive, the header navigation of every page, and a site equal to a fresh build", async () => {
  const before = await start();
  const article = before.model.articles.find((a, i) => i > 10 && !a.dossier && (a.terms["rubrica"] ?? []).length > 0);
  assert.ok(article);
  edit(article.file, (text) => text.replace(/^rubrica: .*$/m, 'rubrica: "Una rubrica nuova"'));
  const after = await start();
  assert.ok(after.rendered.has("rubrica/una-rubrica-nuova/index.html"));
  assert.match(readFileSync(path.join(out, outputPath(before.model.articles[0]?.url ?? "/")), "utf8"), /href="\/rubrica\/una-rubrica-nuova\/"/);
  assert.equal(readTree(out), await freshBuild());
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
