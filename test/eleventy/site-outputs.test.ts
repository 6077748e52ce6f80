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
import { signatureKeeper } from "../../src/eleventy/output-signatures.ts";
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

test("kept feed items (the build cache's pack): a later build's feeds take them instead of rendering bodies, the same bytes; a body edit is rendered", async () => {
  const store = new Map<string, Buffer>();
  const kept = { get: (owner: string, key: string) => store.get(`${owner} ${key}`), put: (owner: string, key: string, bytes: Uint8Array) => void store.set(`${owner} ${key}`, Buffer.from(bytes)) };
  /** The feeds of one build in a new process (new signatures), their bytes, and how many bodies it rendered. */
  const feeds = async (edited?: Article) => {
    let bodies = 0;
    const counting = createMarkdown();
    const render = counting.render.bind(counting);
    counting.render = (text, env) => (bodies++, render(text, env));
    const built = themeContext({ model, md: counting, stylesheet: "/s.css", search: false });
    const signatures = signatureKeeper({ processes: true })(built);
    const bytes = new Map<string, string>();
    for (const output of siteOutputs(built, [], signatures, { contentDir: input }, new Set(), kept)) {
      if (!output.path.endsWith("feed.xml")) continue;
      const content = await output.render();
      bytes.set(output.path, Buffer.concat((content as Uint8Array[]).map((part) => Buffer.from(part))).toString());
    }
    return { bytes, bodies, edited };
  };
  const first = await feeds();
  assert.ok(first.bodies > 0 && store.size === first.bodies, `${first.bodies} bodies, ${store.size} items kept`);
  const second = await feeds();
  assert.is(second.bodies, 0, "every item taken from the store");
  assert.equal(second.bytes, first.bytes);
  // An edited body is another key: rendered again (once), the other items still taken.
  const article = model.articles[0] as Article;
  const markdown = article.markdown;
  Object.defineProperty(article, "markdown", { value: `${markdown}\nUn paragrafo nuovo sul piano di zona.\n`, configurable: true, enumerable: true });
  try {
    const third = await feeds();
    assert.is(third.bodies, 1);
    const changed = [...third.bytes].filter(([file, xml]) => xml !== first.bytes.get(file)).map(([file]) => file);
    assert.ok(changed.length > 0 && changed.every((file) => third.bytes.get(file)?.includes("Un paragrafo nuovo sul piano di zona.")), changed.join(", "));
  } finally {
    Object.defineProperty(article, "markdown", { value: markdown, configurable: true, enumerable: true });
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
