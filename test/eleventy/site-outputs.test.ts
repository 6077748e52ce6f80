import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCorpus } from "../../bench/corpus.ts";
import type { Article } from "../../src/core/article.ts";
import { buildFeed, feedSettings } from "../../src/core/feed.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { outputPath } from "../../src/core/output-path.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { buildSiteModel } from "../../src/core/site-model.ts";
import { contentReader } from "../../src/eleventy/content-files.ts";
import { frontMatterEngine } from "../../src/eleventy/front-matter-engine.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";
import { siteOutputs } from "../../src/eleventy/site-outputs.ts";
import { themeContext } from "../../src/eleventy/theme-context.ts";

// The order siteOutputs yields the site in: articles newest first, each feed right after the last of its
// articles; with `first` (a warm build's changed search bundles), those articles before the others.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-site-outputs-"));
const input = path.join(work, "content");
generateCorpus({ count: 120, seed: 3, outDir: input });
const options = resolveOptions(loadSiteData(path.join(import.meta.dirname, "../../_data")));
const md = createMarkdown();
const model = buildSiteModel(contentReader(frontMatterEngine(options, () => input))(input, "build"), options, md);
const theme = () => themeContext({ model, md, stylesheet: "/s.css", search: false });

/** The paths yielded, in order, and the bytes of each. */
async function outputs(first?: ReadonlySet<Article>): Promise<{ order: string[]; bytes: Map<string, string> }> {
  const order: string[] = [];
  const bytes = new Map<string, string>();
  for (const output of siteOutputs(theme(), [], undefined, { contentDir: input }, first)) {
    order.push(output.path);
    const content = await output.render();
    bytes.set(output.path, typeof content === "string" ? content : Buffer.concat(content.map((part) => Buffer.from(part))).toString("base64"));
  }
  return { order, bytes };
}

/** Every feed after every article it lists. */
function assertFeedsAfterTheirArticles(order: readonly string[]): void {
  const at = new Map(order.map((p, i) => [p, i]));
  const settings = feedSettings(model.options);
  for (const archive of model.archives) {
    const feedAt = at.get(outputPath(archive.feedUrl));
    assert.ok(feedAt !== undefined, archive.feedUrl);
    for (const item of buildFeed(archive, settings).items) {
      const articleAt = at.get(outputPath(item.article.url)) ?? Infinity;
      assert.ok(articleAt < feedAt, `${archive.feedUrl} comes after ${item.article.url}`);
    }
  }
}

test("articles newest first, each feed after the articles it lists", async () => {
  const { order } = await outputs();
  const articlePaths = model.articles.map((a) => outputPath(a.url));
  assert.equal(order.filter((p) => articlePaths.includes(p)), articlePaths);
  assertFeedsAfterTheirArticles(order);
});

test("`first`: those articles before the others (each run in the model's order), the feeds still after their articles, the same files and bytes", async () => {
  const plain = await outputs();
  const year = model.articles[Math.floor(model.articles.length / 2)]?.date.getFullYear();
  const first = new Set(model.articles.filter((a) => a.date.getFullYear() === year));
  assert.ok(first.size > 1 && first.size < model.articles.length / 2, `${first.size} articles of ${year}`);
  const moved = await outputs(first);
  const articlePaths = (list: readonly Article[]) => list.map((a) => outputPath(a.url));
  const expected = [...articlePaths(model.articles.filter((a) => first.has(a))), ...articlePaths(model.articles.filter((a) => !first.has(a)))];
  const all = new Set(articlePaths(model.articles));
  assert.equal(moved.order.filter((p) => all.has(p)), expected);
  assert.is.not(moved.order.join("\n"), plain.order.join("\n"));
  assertFeedsAfterTheirArticles(moved.order);
  assert.equal([...moved.order].sort(), [...plain.order].sort(), "the same outputs");
  for (const [file, content] of plain.bytes) if (moved.bytes.get(file) !== content) assert.unreachable(`${file} differs when written in another order`);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
