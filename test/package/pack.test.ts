/**
 * The npm package as another site gets it: `npm pack` (which compiles through
 * `prepack`), the tarball's contents, then an install into a copy of a tiny
 * site of ours (test/fixtures/package-site/: plain eleventy.config.js, no tsx),
 * its build with `npx @11ty/eleventy`, and a consumer type-checked against the
 * installed `.d.ts`. Slow (one `npm install` a run, from the npm cache).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { XMLParser } from "fast-xml-parser";
import { parse } from "node-html-parser";
import { ROOT } from "../helpers/build.ts";
import { ELEVENTY_VERSION, plainEnv, run } from "./helpers/plain-site.ts";

const work = mkdtempSync(path.join(tmpdir(), "editoriale-pack-"));
const site = path.join(work, "site");



// One pack and one install for the whole file.
run("npm", ["pack", "--pack-destination", work, "--silent"], ROOT);
const tarball = readdirSync(work).find((name) => name.endsWith(".tgz")) ?? "";
const tarballPath = path.join(work, tarball);
const entries = run("tar", ["-tzf", tarballPath], work).stdout.split("\n").filter(Boolean).map((entry) => entry.replace(/^package\//, ""));
const packed = JSON.parse(run("tar", ["-xzOf", tarballPath, "package/package.json"], work).stdout) as {
  name: string; version: string; private?: boolean; exports: Record<string, string | { types: string; default: string }>;
  dependencies: Record<string, string>; peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional: boolean }>;
};
const bytes = statSync(tarballPath).size;
console.log(`[pack] ${tarball}: ${bytes} bytes (${(bytes / 1000).toFixed(1)} kB as npm counts), ${entries.length} files`);

cpSync(path.join(ROOT, "test/fixtures/package-site"), site, { recursive: true, filter: (from) => !/[\\/](_site|node_modules)$/.test(from) });
run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--save-exact", tarballPath, `@11ty/eleventy@${ELEVENTY_VERSION}`], site);
const build = spawnSync("npx", ["--no-install", "@11ty/eleventy"], { cwd: site, encoding: "utf8", env: plainEnv });
const buildLog = `${build.stdout}\n${build.stderr}`;
const out = path.join(site, "_site");
const html = (url: string) => parse(readFileSync(path.join(out, url.endsWith("/") ? `${url}index.html` : url), "utf8"));

test.after(() => rmSync(work, { recursive: true, force: true }));

test("the tarball holds the compiled plugin, its types and the theme's assets", () => {
  assert.is(tarball, `editoriale-${packed.version}.tgz`);
  for (const file of [
    "package.json", "README.md", "CHANGELOG.md",
    "dist/src/eleventy/plugin.js", "dist/src/eleventy/plugin.d.ts",
    "dist/src/import/index.js", "dist/src/import/index.d.ts",
    "dist/_includes/theme.js", "dist/_includes/assets/editoriale.css", "dist/_includes/assets/cerca.js",
  ]) assert.ok(entries.includes(file), `${file} is missing from the tarball`);
});

test("the tarball holds nothing that does not run: no tests, content, bench, docs, scripts or TypeScript sources", () => {
  const stray = entries.filter((entry) =>
    /^(test|content|bench|docs|scripts|_data|_site|src|node_modules)\//.test(entry) ||
    (entry.endsWith(".ts") && !entry.endsWith(".d.ts")) ||
    entry.startsWith("tsconfig") || entry === ".eleventy.ts" || entry === "netlify.toml",
  );
  assert.equal(stray, []);
  assert.ok(entries.every((entry) => entry.startsWith("dist/") || ["package.json", "README.md", "CHANGELOG.md"].includes(entry)), entries.join(", "));
});

test("package.json: public, every export in the tarball, Eleventy a peer, search and importer dependencies optional", () => {
  assert.is(packed.name, "editoriale");
  assert.is(packed.private, undefined);
  assert.equal(Object.keys(packed.exports), [".", "./import", "./site-data", "./package.json"]);
  for (const target of Object.values(packed.exports).flatMap((t) => (typeof t === "string" ? [t] : [t.types, t.default]))) {
    assert.ok(entries.includes(target.replace(/^\.\//, "")), `export target ${target} is not in the tarball`);
  }
  assert.is(packed.peerDependencies["@11ty/eleventy"], ">=3.1.0 <4");
  assert.is(packed.dependencies["@11ty/eleventy"], undefined);
  for (const name of ["pagefind", "saxes", "turndown", "sanitize-html"]) {
    assert.is(packed.dependencies[name], undefined, name);
    assert.is(packed.peerDependenciesMeta[name]?.optional, true, name);
  }
});

test("installed into a plain site: the site's own Eleventy, no Pagefind nor importer dependencies", () => {
  const installed = (name: string) => existsSync(path.join(site, "node_modules", name, "package.json"));
  assert.ok(installed("editoriale"));
  const eleventy = JSON.parse(readFileSync(path.join(site, "node_modules/@11ty/eleventy/package.json"), "utf8")) as { version: string };
  assert.is(eleventy.version, ELEVENTY_VERSION);
  for (const name of ["pagefind", "saxes", "turndown", "sanitize-html", "tsx"]) assert.not.ok(installed(name), `${name} was installed`);
});

test("`npx @11ty/eleventy` builds the site with the compiled plugin: articles, paginated tag archive, tag feed", () => {
  assert.is(build.status, 0, buildLog);
  assert.match(buildLog, /\[editoriale\] 3 articles: wrote \d+ files/);
  // pageSize 2, three articles tagged "Comuni": two on the archive's root, one on page 2, newest first.
  const titles = (url: string) => html(url).querySelectorAll("article.card h2 a").map((a) => a.text);
  assert.equal(titles("/tag/comuni/"), ["Il reddito minimo nei Comuni", "Coprogettazione con il terzo settore"]);
  assert.equal(titles("/tag/comuni/page/2/"), ["Assistenza domiciliare agli anziani"]);
  assert.equal(titles("/tag/coprogettazione/"), ["Coprogettazione con il terzo settore"]);
  assert.is(html("/il-reddito-minimo-nei-comuni/").querySelector("h1")?.text, "Il reddito minimo nei Comuni");
  const feed = new XMLParser().parse(readFileSync(path.join(out, "tag/comuni/feed.xml"), "utf8")) as {
    rss: { channel: { title: string; item: Array<{ title: string; link: string }> } };
  };
  assert.is(feed.rss.channel.title, "Osservatorio di prova » Comuni Feed del tag");
  assert.equal(feed.rss.channel.item.map((item) => item.link), [
    "https://osservatorio.example/il-reddito-minimo-nei-comuni/",
    "https://osservatorio.example/coprogettazione-con-il-terzo-settore/",
    "https://osservatorio.example/assistenza-domiciliare-agli-anziani/",
  ]);
});

test("the compiled plugin finds its theme assets inside the installed package", () => {
  const href = html("/").querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
  assert.match(href, /^\/assets\/editoriale\.[0-9a-f]{10}\.css$/);
  const css = readFileSync(path.join(out, href), "utf8");
  assert.is(css, readFileSync(path.join(ROOT, "_includes/assets/editoriale.css"), "utf8"));
  assert.ok(existsSync(path.join(out, "assets/cerca.js")));
  assert.not.ok(existsSync(path.join(out, "cerca")), "search is off: no /cerca/ page");
});

test("search on without Pagefind installed: the build stops with one line naming the fix", () => {
  const config = readFileSync(path.join(site, "eleventy.config.js"), "utf8").replace("search: false", "search: true");
  assert.ok(config.includes("search: true"));
  writeFileSync(path.join(site, "search-on.config.js"), config);
  const result = spawnSync("npx", ["--no-install", "@11ty/eleventy", "--config=search-on.config.js", "--output=_site-search"], { cwd: site, encoding: "utf8", env: plainEnv });
  // Eleventy colours its prefix on some terminals: compare the plain text.
  const log = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[\d+m/g, "");
  assert.is.not(result.status, 0);
  const lines = log.split("\n").filter((line) => line.includes("pagefind"));
  assert.equal(lines.map((line) => line.replace(/^\[11ty\]\s*/, "")), [
    "editoriale options → search: search is on, but the package pagefind is not installed. Fix: run `npm install --save-exact pagefind@1.6.0`, or set `search: false`",
  ]);
  assert.not.match(log, /ERR_MODULE_NOT_FOUND|    at /);
});

test("a consumer's TypeScript type-checks against the installed .d.ts files (and a misspelled option does not)", () => {
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  // check.ts holds two @ts-expect-error lines: were the types `any`, tsc would fail on them.
  const result = spawnSync(process.execPath, [
    tsc, "--noEmit", "--strict", "--skipLibCheck", "false", "--module", "nodenext", "--moduleResolution", "nodenext",
    "--target", "es2022", "--types", "node", "--typeRoots", path.join(ROOT, "node_modules/@types"), "check.ts",
  ], { cwd: site, encoding: "utf8", env: plainEnv });
  assert.is(result.status, 0, `${result.stdout}\n${result.stderr}`);
});

test.run();
