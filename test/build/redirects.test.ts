import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseAllRedirects } from "@netlify/redirect-parser";
import type { Problem } from "../../src/core/errors.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { buildRedirects, renderRedirects } from "../../src/core/redirects.ts";
import { buildSiteModel, type ModelSource } from "../../src/core/site-model.ts";
import { EditorialeError } from "../../src/core/errors.ts";
import { allFiles, buildFixture } from "../helpers/build.ts";

// test/fixtures/redirects: "Lecco" (two aliases, one written twice, wp_id 1234), "Città e periferie"
// (an alias with an accent, one with a segment starting with ":", wp_id 77), a dossier article with
// its former address, and an article with neither.
const build = buildFixture("redirects");
const files = allFiles(build.out);

interface Rule {
  from: string;
  query: Record<string, string>;
  to: string;
  status: number;
  force: boolean;
}

/** `_redirects` as Netlify reads it, with Netlify's own parser. */
async function netlifyRules(): Promise<Rule[]> {
  const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [path.join(build.out, "_redirects")], configRedirects: [], minimal: false });
  assert.equal(errors, [], "Netlify reads every line");
  return redirects as Rule[];
}

/** The file Netlify serves for a path: `/x/` → x/index.html. */
const servedFile = (url: string) => path.join(build.out, decodeURI(url.endsWith("/") ? `${url}index.html` : url));

test("the build writes _redirects, and Netlify's parser reads every rule as a forced 301", async () => {
  assert.is(build.status, 0, build.output);
  assert.ok(files.includes("_redirects"));
  const rules = await netlifyRules();
  assert.ok(rules.length > 0);
  for (const rule of rules) {
    assert.is(rule.status, 301, rule.from);
    assert.is(rule.force, true, `${rule.from}: forced, so that /?p=ID works although / is a page`);
  }
});

test("every archive keeps WordPress's /feed/ and /page/1/ addresses, the home included", async () => {
  const rules = await netlifyRules();
  const archives = files.filter((f) => f.endsWith("feed.xml")).map((f) => `/${f.slice(0, -"feed.xml".length)}`);
  assert.ok(archives.includes("/") && archives.includes("/tag/comuni/") && archives.includes("/il-punto/dossier-prova/") && archives.includes("/area/terzo-settore/tag/lecco/"));
  const plain = rules.filter((r) => Object.keys(r.query).length === 0);
  for (const archive of archives) {
    assert.equal(plain.filter((r) => r.from === `${archive}feed/`).map((r) => r.to), [`${archive}feed.xml`], `${archive}feed/`);
    assert.equal(plain.filter((r) => r.from === `${archive}page/1/`).map((r) => r.to), [archive], `${archive}page/1/`);
  }
  assert.is(rules.length, 2 * archives.length + 5 + 2, "archives, five aliases, two WordPress IDs, and nothing else");
});

test("aliases lead to their article, encoded as Netlify wants; one written twice gives one rule", async () => {
  const rules = await netlifyRules();
  const to = (from: string) => rules.filter((r) => r.from === from && Object.keys(r.query).length === 0).map((r) => r.to);
  assert.equal(to("/2018/03/29/lecco-una-storia-di-coprogettazione/"), ["/lecco-una-storia-di-coprogettazione/"]);
  assert.equal(to("/vecchio/lecco"), ["/lecco-una-storia-di-coprogettazione/"]);
  assert.equal(to("/2019/05/citt%C3%A0-e-periferie/"), ["/citta-e-periferie/"]);
  assert.equal(to("/archivio/%3Amaggio/"), ["/citta-e-periferie/"], "a segment starting with : is not a placeholder");
  assert.equal(to("/il-punto/parte-del-dossier/"), ["/il-punto/dossier-prova/parte-del-dossier/"]);
});

test("/?p=ID shortlinks lead to their article", async () => {
  const rules = await netlifyRules();
  const shortlinks = rules.filter((r) => Object.keys(r.query).length > 0).map((r) => [r.from, r.query, r.to]);
  assert.equal(shortlinks.sort(), [
    ["/", { p: "1234" }, "/lecco-una-storia-di-coprogettazione/"],
    ["/", { p: "77" }, "/citta-e-periferie/"],
  ].sort());
});

test("every rule leads to a file the build wrote, and none hides one", async () => {
  for (const rule of await netlifyRules()) {
    assert.ok(existsSync(servedFile(rule.to)), `${rule.from} → ${rule.to} exists`);
    if (Object.keys(rule.query).length === 0) assert.not.ok(existsSync(servedFile(rule.from)), `${rule.from} is not a page`);
  }
});

// The duplicate checks on their own, without a build: a site model from hand-written articles.
const options = resolveOptions({ site: { title: "Prova", url: "https://prova.example" } });
function problemsOf(articles: Array<{ file: string; slug: string; aliases?: string[]; wp_id?: number }>): Problem[] {
  const sources: ModelSource[] = articles.map((a, i) => ({
    kind: "article",
    file: a.file,
    url: `/${a.slug}/`,
    data: { title: a.slug, slug: a.slug, date: new Date(Date.UTC(2020, 0, i + 1)), aliases: a.aliases, wp_id: a.wp_id },
    markdown: "",
  }));
  try {
    return buildRedirects(buildSiteModel(sources, options, createMarkdown())).problems;
  } catch (error) {
    if (error instanceof EditorialeError) return [...error.problems];
    throw error;
  }
}

test("two spellings of one address are one address: trailing slash, percent-encoding", () => {
  const slash = problemsOf([
    { file: "a.md", slug: "a", aliases: ["/vecchio/"] },
    { file: "b.md", slug: "b", aliases: ["/vecchio"] },
  ]);
  assert.is(slash.length, 1);
  assert.is(slash[0]?.code, "REDIRECT_DUPLICATE");
  assert.is(slash[0]?.field, "aliases");
  const encoded = problemsOf([
    { file: "a.md", slug: "a", aliases: ["/città/"] },
    { file: "b.md", slug: "b", aliases: ["/citt%C3%A0/"] },
  ]);
  assert.is(encoded.length, 1);
});

test("a duplicate names the file to correct and where the address already leads", () => {
  const [problem, ...others] = problemsOf([
    { file: "a.md", slug: "a", wp_id: 5 },
    { file: "b.md", slug: "b", wp_id: 5 },
  ]);
  assert.equal(others, []);
  assert.is(problem?.field, "wp_id");
  assert.ok(problem?.file === "a.md" || problem?.file === "b.md");
  const other = problem?.file === "a.md" ? "b" : "a";
  assert.is(problem?.message, `/?p=5 already redirects to /${other}/ (${other}.md)`);
});

test("an article may repeat its own alias; a rule never points at an address that is a page", () => {
  assert.equal(problemsOf([{ file: "a.md", slug: "a", aliases: ["/x/", "/x/"] }]), []);
  const own = problemsOf([{ file: "a.md", slug: "a", aliases: ["/a/"] }]);
  assert.is(own.length, 1);
  assert.match(own[0]?.message ?? "", /^\/a\/ is the address of a\.md/);
});

test("renderRedirects writes one line a rule, in Netlify's query syntax for /?p=ID", () => {
  const text = renderRedirects([
    { from: "/feed/", query: undefined, to: "/feed.xml" },
    { from: "/", query: { key: "p", value: "12" }, to: "/dodici/" },
  ]);
  assert.equal(text.split("\n").filter((l) => l && !l.startsWith("#")), ["/feed/ /feed.xml 301!", "/ p=12 /dodici/ 301!"]);
});

test.after(() => rmSync(build.out, { recursive: true, force: true }));

test.run();
