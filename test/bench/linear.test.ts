import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import { generateCorpus } from "../../bench/corpus.ts";
import type { Archive } from "../../src/core/archive.ts";
import type { Article } from "../../src/core/article.ts";
import { buildFeed } from "../../src/core/feed.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { defaultTaxonomies, resolveOptions } from "../../src/core/options.ts";
import { relatedArticles } from "../../src/core/related.ts";
import { rfc822 } from "../../src/core/rss.ts";
import { buildSiteModel, type SiteModel } from "../../src/core/site-model.ts";
import { buildTermIndex } from "../../src/core/terms.ts";
import { contentReader } from "../../src/eleventy/content-files.ts";
import { frontMatterEngine } from "../../src/eleventy/front-matter-engine.ts";
import { signatureKeeper } from "../../src/eleventy/output-signatures.ts";
import { themeContext } from "../../src/eleventy/theme-context.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";
import { siteOutputs } from "../../src/eleventy/site-outputs.ts";
import { card } from "../../_includes/partials/card.ts";
import { siteFooter } from "../../_includes/partials/footer.ts";

// The build's added steps cost in proportion to the site: operations are counted, never timed.

const taxonomies = defaultTaxonomies.filter((t) => t.key === "tag" || t.key === "area");

function article(i: number, tags: string[], area: string, day = i): Article {
  return {
    file: `a${i}.md`, url: `/a${i}/`, title: `A${i}`, date: new Date(Date.UTC(2000, 0, 1) + day * 86_400_000), updated: undefined, slug: `a${i}`,
    slugShortened: false, excerpt: "", excerptGiven: false, rubric: undefined, dossier: undefined, order: undefined, aliases: [], wpId: undefined, sticky: false,
    markdown: "", names: { tag: tags, area: [area] }, terms: {},
  };
}

/** n articles, newest first, each with up to 3 of `tags` tags and 1 of 5 areas. */
function site(n: number, day = (i: number) => n - i, tags = 50): Article[] {
  const articles = Array.from({ length: n }, (_, i) => article(i, [`t${i % tags}`, `t${(i * 7) % tags}`, `t${(i * 13 + 1) % tags}`], `area${i % 5}`, day(i)));
  buildTermIndex(articles, taxonomies, {});
  return articles;
}

/** Replaces every term's list with one that counts the articles read from it. */
function countReads(articles: Article[]): { reads: number } {
  const counter = { reads: 0 };
  const done = new Set<unknown>();
  for (const a of articles) {
    for (const term of Object.values(a.terms).flat()) {
      if (done.has(term)) continue;
      done.add(term);
      term.articles = new Proxy(term.articles, {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) counter.reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    }
  }
  return counter;
}

/** The definition: score every candidate, sort them all, keep the first `count`. */
function relatedByDefinition(article: Article, count: number): Article[] {
  const scores = new Map<Article, number>();
  const add = (terms: Article["terms"][string] | undefined, weight: number) => {
    for (const term of terms ?? []) {
      for (const other of term.articles.slice(0, 200)) if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  };
  add(article.terms.tag, 1000);
  add(article.terms.area, 1);
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || b[0].date.getTime() - a[0].date.getTime() || (a[0].url < b[0].url ? -1 : 1))
    .slice(0, count)
    .map(([other]) => other);
}

test("related articles: the same as sorting every candidate, ties on score and date included", () => {
  // Ten articles a day: many candidates share score and date, and the URL decides.
  const articles = site(600, (i) => 1000 - Math.floor(i / 10));
  for (const count of [1, 4, 7]) {
    for (const a of articles) assert.equal(relatedArticles(a, count, "tag", "area").map((r) => r.url), relatedByDefinition(a, count).map((r) => r.url), a.url);
  }
  assert.equal(relatedArticles(articles[0] as Article, 0, "tag", "area"), []);
});

test("related articles cost at most 200 reads per shared term, and ten times the site costs ten times the reads", () => {
  const total = (n: number) => {
    // Ten tags: from 1,000 articles on, every term list is longer than the 200 candidates looked at.
    const articles = site(n, (i) => n - i, 10);
    const counter = countReads(articles);
    for (const a of articles) relatedArticles(a, 4, "tag", "area");
    const first = counter.reads;
    // Asked again in the same build (the page after the rebuild check): remembered.
    for (const a of articles) relatedArticles(a, 4, "tag", "area");
    assert.is(counter.reads, first);
    return first;
  };
  const small = total(1_000);
  const large = total(10_000);
  assert.ok(large <= 10_000 * 4 * 200, `${large} reads`);
  assert.ok(large <= 10 * small, `${small} → ${large}`);
});

test("a feed reads each article of its archive once or twice, and never sorts a list already newest first", () => {
  const reads = (n: number) => {
    let count = 0;
    const list = site(n).map((a) => new Proxy(a, { get: (t, k, r) => (k === "date" && count++, Reflect.get(t, k, r)) }));
    const archive = { articles: list, feedTitle: "", url: "/", feedUrl: "/feed.xml", description: "" } as unknown as Archive;
    buildFeed(archive, { siteUrl: "https://s.example", language: "it", description: "", size: 20, categoryKeys: [], authorKey: "author" });
    return count;
  };
  assert.ok(reads(10_000) <= 2 * 10_000 + 100, `${reads(10_000)} date reads for 10,000`);
});

test("RFC 822 dates are the RSS plugin's, in several zones and across daylight saving changes", () => {
  for (const zone of ["Europe/Rome", "UTC", "America/New_York", "Asia/Kolkata"]) {
    for (let day = 0; day < 800; day += 7) {
      const date = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000 + day * 3_607_000);
      assert.is(rfc822(date, zone), dateToRfc822(date, zone), `${date.toISOString()} ${zone}`);
    }
  }
});

// A generated corpus, through the real model and outputs.
const work = mkdtempSync(path.join(tmpdir(), "editoriale-linear-test-"));
const options = resolveOptions(loadSiteData(path.join(import.meta.dirname, "../../_data")));
function corpusModel(count: number): { model: SiteModel; md: ReturnType<typeof createMarkdown> } {
  const input = path.join(work, `c${count}`);
  generateCorpus({ count, seed: 2, outDir: input });
  const md = createMarkdown();
  return { model: buildSiteModel(contentReader(frontMatterEngine(options, () => input))(input, "build"), options, md), md };
}
const small = corpusModel(100);
const large = corpusModel(400);

test("a full build renders each article's body once, for its page and all its feeds", async () => {
  for (const { model, md } of [small, large]) {
    let renders = 0;
    const render = md.render.bind(md);
    md.render = (src, env) => (renders++, render(src, env));
    const theme = themeContext({ model, md, stylesheet: "/s.css", search: false });
    for (const output of siteOutputs(theme)) await output.render();
    md.render = render;
    assert.is(renders, model.articles.length + model.dossiers.length);
  }
});

test("a card and the footer are made once per build and reused by every page that shows them", () => {
  const { model, md } = small;
  const theme = themeContext({ model, md, stylesheet: "/s.css", search: false });
  const first = model.articles[0] as Article;
  assert.ok(card(theme, first, 2) === card(theme, first, 2), "the same card object for the same article and level");
  assert.ok(card(theme, first, 3) === card(theme, first, 3));
  assert.is.not(card(theme, first, 2).value, card(theme, first, 3).value);
  assert.ok(siteFooter(theme) === siteFooter(theme));
  // A new build (a new theme) makes its own: an edit is never shown stale.
  const next = themeContext({ model, md, stylesheet: "/s.css", search: false });
  assert.ok(card(next, first, 2) !== card(theme, first, 2));
  assert.is(card(next, first, 2).value, card(theme, first, 2).value);
  assert.ok(siteFooter(next) !== siteFooter(theme));
});

test("signatures: one stamp per article, term, archive, feed and dossier, whatever the number of pages", () => {
  for (const { model, md } of [small, large]) {
    const theme = themeContext({ model, md, stylesheet: "/s.css", search: false });
    const signatures = signatureKeeper()(theme);
    const stringify = JSON.stringify;
    let stamps = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => (stamps++, stringify(...args))) as typeof JSON.stringify;
    try {
      for (const output of siteOutputs(theme, [], signatures)) output.signature?.();
    } finally {
      JSON.stringify = stringify;
    }
    const terms = [...model.index.terms.values()].reduce((n, byKey) => n + byKey.size, 0);
    const bound = model.articles.length + 2 * model.archives.length + model.dossiers.length + terms;
    assert.ok(stamps <= bound, `${stamps} stamps for ${model.articles.length} articles, ${model.archives.length} archives, ${model.pages.length} pages`);
    assert.ok(stamps >= model.articles.length, `${stamps}`);
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
