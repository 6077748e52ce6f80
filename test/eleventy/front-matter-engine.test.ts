import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { EditorialeError, formatProblem } from "../../src/core/errors.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { resolveOptions, type ResolvedOptions } from "../../src/core/options.ts";
import { buildSiteModel } from "../../src/core/site-model.ts";
import { frontMatterEngine } from "../../src/eleventy/front-matter-engine.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";

// A front-matter field is a taxonomy's only if the options say so: `tags` is checked as terms where a taxonomy
// reads it (Welforum's), and is a stray field of no consequence where none does (the roles fixture's site).
const input = path.resolve("/tmp/editoriale-front-matter-test");
const file = path.join(input, "articolo.md");
const yaml = 'title: "Un articolo"\ndate: 2024-03-01\ntags:\n  vecchio: "campo"\n';

/** The article's problems, read as the content builder reads it (front-matter engine, then the site model). */
function problems(options: ResolvedOptions): string[] {
  const data = frontMatterEngine(options, () => input)(yaml, { filePath: file });
  try {
    const model = buildSiteModel([{ kind: "article", file, url: String(data.permalink), data, markdown: "Testo." }], options, createMarkdown());
    assert.is(model.articles.length, 1);
    return [];
  } catch (error) {
    if (error instanceof EditorialeError) return error.problems.map(formatProblem);
    throw error;
  }
}

test("Welforum's defaults: a map in `tags` is one problem, named once", () => {
  const found = problems(resolveOptions({ site: { title: "S", url: "https://s.example" } }));
  assert.is(found.length, 1, found.join("\n"));
  assert.match(found[0] ?? "", /articolo\.md → tags: must be a text or a list of texts, not a map\. Fix: /);
});

test("the roles fixture's taxonomies (no `tags` field): the same front matter builds", () => {
  assert.equal(problems(resolveOptions(loadSiteData(path.join(import.meta.dirname, "../fixtures/roles/_data")))), []);
});

test.run();
